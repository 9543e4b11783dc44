/**
 * OpenAI Chat chunks → IR stream events. Text, reasoning and tool calls are opened/closed as the content switches,
 * so blocks come out as start/delta/stop triples with dense indexes. Tool calls are keyed by their `index`.
 */
import { emptyUsage, type IRStreamEvent, type IRUsage, type StopReason } from "../../ir/types.js";
import type { SSEEvent } from "../../sse/parser.js";
import { isObj, type Obj, safeJson } from "../internal/check.js";
import type { StreamDecoder } from "../types.js";
import { finishReasonFromOpenAI } from "./finish-reason.js";
import { usageFromOpenAI } from "./usage.js";

type Open = { kind: "text" | "reasoning"; index: number } | { kind: "tool"; index: number; key: number };

export class OpenAIChatStreamDecoder implements StreamDecoder {
  #started = false;
  #done = false;
  #next = 0;
  #open: Open | undefined;
  /** tool_calls[].index → IR block index (kept after close so late argument pieces still land on their call). */
  #tools = new Map<number, number>();
  #stop: StopReason | undefined;
  #usage: IRUsage = emptyUsage();
  #sawCalls = false;
  /** Tool call id → synthetic key, for servers that omit `index`. */
  #ids = new Map<string, number>();

  push(ev: SSEEvent): IRStreamEvent[] {
    if (this.#done) return [];
    const text = ev.data.trim();
    if (text === "[DONE]") return this.#finish();
    if (text === "") return [];
    const chunk = safeJson(text);
    if (!isObj(chunk)) return this.#fail(502, "api_error", `upstream sent a non-JSON chunk: ${text.slice(0, 200)}`);
    if (isObj(chunk.error)) {
      const e = chunk.error;
      const status = typeof e.status === "number" ? e.status : typeof e.code === "number" ? e.code : 500;
      return this.#fail(
        status,
        typeof e.type === "string" ? e.type : "server_error",
        typeof e.message === "string" ? e.message : "upstream stream error",
      );
    }
    const out: IRStreamEvent[] = [];
    if (!this.#started && Array.isArray(chunk.choices) && (chunk.choices.length > 0 || isObj(chunk.usage))) {
      this.#started = true;
      out.push({
        type: "message_start",
        id: typeof chunk.id === "string" && chunk.id ? chunk.id : "chatcmpl-unknown",
        model: typeof chunk.model === "string" ? chunk.model : "",
      });
    }
    if (isObj(chunk.usage)) this.#usage = usageFromOpenAI(chunk.usage);
    const choice = Array.isArray(chunk.choices)
      ? chunk.choices.find((c) => isObj(c) && (c.index ?? 0) === 0)
      : undefined;
    if (!isObj(choice)) return out;
    const delta = isObj(choice.delta) ? choice.delta : {};
    const reasoning =
      typeof delta.reasoning_content === "string"
        ? delta.reasoning_content
        : typeof delta.reasoning === "string"
          ? delta.reasoning
          : "";
    if (reasoning) this.#append(out, "reasoning", reasoning);
    if (typeof delta.content === "string" && delta.content) this.#append(out, "text", delta.content);
    if (typeof delta.refusal === "string" && delta.refusal) {
      this.#append(out, "text", delta.refusal);
      this.#stop = "refusal";
    }
    if (Array.isArray(delta.tool_calls)) {
      delta.tool_calls.forEach((tc, pos) => {
        if (isObj(tc)) this.#toolCall(out, tc, pos);
      });
    }
    if (typeof choice.finish_reason === "string" && choice.finish_reason) {
      const r = finishReasonFromOpenAI(choice.finish_reason);
      if (this.#stop !== "refusal") this.#stop = r === "end_turn" && this.#sawCalls ? "tool_use" : r;
      this.#close(out);
    }
    return out;
  }

  end(): IRStreamEvent[] {
    if (this.#done) return [];
    // finish_reason arrived but `[DONE]` did not: the answer itself is complete.
    if (this.#stop !== undefined) return this.#finish();
    return this.#fail(502, "api_error", "upstream stream ended before finish_reason/[DONE] (truncated response)");
  }

  #append(out: IRStreamEvent[], kind: "text" | "reasoning", text: string): void {
    if (this.#open?.kind !== kind) {
      this.#close(out);
      const index = this.#next++;
      this.#open = { kind, index };
      out.push({
        type: "block_start",
        index,
        block: kind === "text" ? { type: "text" } : { type: "reasoning", family: "other" },
      });
    }
    const index = (this.#open as Open).index;
    out.push({
      type: "block_delta",
      index,
      delta: kind === "text" ? { type: "text", text } : { type: "reasoning", text },
    });
  }

  #toolCall(out: IRStreamEvent[], tc: Obj, pos: number): void {
    const key = this.#key(tc, pos);
    const custom = tc.type === "custom" || isObj(tc.custom);
    const fn: Obj = isObj(tc.function) ? tc.function : isObj(tc.custom) ? tc.custom : {};
    const piece =
      typeof fn.arguments === "string"
        ? fn.arguments
        : typeof fn.input === "string"
          ? fn.input
          : isObj(fn.arguments)
            ? JSON.stringify(fn.arguments)
            : "";
    let index = this.#tools.get(key);
    if (index === undefined) {
      this.#close(out);
      index = this.#next++;
      this.#tools.set(key, index);
      this.#open = { kind: "tool", index, key };
      this.#sawCalls = true;
      const id = typeof tc.id === "string" && tc.id ? tc.id : `call_${key}_${index}`;
      out.push({
        type: "block_start",
        index,
        block: {
          type: "tool_call",
          id,
          name: typeof fn.name === "string" ? fn.name : "",
          kind: custom ? "custom" : "function",
        },
      });
    }
    // A piece for a call that is no longer the open block (interleaving providers) still goes to its own index.
    if (piece) out.push({ type: "block_delta", index, delta: { type: "tool_args", partial: piece } });
  }

  /**
   * Which call a piece belongs to: its `index`; without one (some compatible servers), a known id, a fresh id
   * (a new call), or else the call being streamed.
   */
  #key(tc: Obj, pos: number): number {
    if (typeof tc.index === "number") return tc.index;
    const id = typeof tc.id === "string" && tc.id ? tc.id : undefined;
    if (id) {
      const known = this.#ids.get(id);
      if (known !== undefined) return known;
      const key = -1 - this.#ids.size;
      this.#ids.set(id, key);
      return key;
    }
    return this.#open?.kind === "tool" ? this.#open.key : pos;
  }

  #close(out: IRStreamEvent[]): void {
    if (!this.#open) return;
    out.push({ type: "block_stop", index: this.#open.index });
    this.#open = undefined;
  }

  #finish(): IRStreamEvent[] {
    const out: IRStreamEvent[] = [];
    if (!this.#started) {
      this.#started = true;
      out.push({ type: "message_start", id: "chatcmpl-unknown", model: "" });
    }
    this.#close(out);
    this.#done = true;
    out.push({
      type: "finish",
      stopReason: this.#stop ?? (this.#sawCalls ? "tool_use" : "end_turn"),
      usage: { ...this.#usage },
    });
    return out;
  }

  #fail(status: number, type: string, message: string): IRStreamEvent[] {
    this.#done = true;
    return [{ type: "error", error: { status, type, message } }];
  }
}
