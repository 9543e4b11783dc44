/** Anthropic SSE events → IR stream events. One instance per upstream stream. */
import { emptyUsage, type IRStreamEvent, type IRUsage, type StopReason } from "../../ir/types.js";
import type { SSEEvent } from "../../sse/parser.js";
import { isObj, type Obj, safeJson } from "../internal/check.js";
import type { StreamDecoder } from "../types.js";
import { statusForAnthropicType } from "./errors.js";
import { stopReasonFromAnthropic } from "./finish-reason.js";
import { mergeAnthropicUsage, usageFromAnthropic } from "./usage.js";

export class AnthropicStreamDecoder implements StreamDecoder {
  /** upstream block index → dense IR index (blocks with no IR form are absent). */
  #index = new Map<number, number>();
  #open = new Set<number>();
  #next = 0;
  #usage: IRUsage = emptyUsage();
  #stop: StopReason | undefined;
  #stopSequence: string | undefined;
  #started = false;
  #done = false;

  push(ev: SSEEvent): IRStreamEvent[] {
    if (this.#done) return [];
    const data = safeJson(ev.data);
    if (!isObj(data)) {
      if (ev.data.trim() === "" || ev.event === "ping") return [];
      return this.#fail(502, "api_error", `upstream sent a non-JSON event: ${ev.data.slice(0, 200)}`);
    }
    const type = typeof data.type === "string" ? data.type : ev.event;
    switch (type) {
      case "message_start":
        return this.#messageStart(data);
      case "content_block_start":
        return this.#blockStart(data);
      case "content_block_delta":
        return this.#blockDelta(data);
      case "content_block_stop":
        return this.#blockStop(data);
      case "message_delta": {
        const d = isObj(data.delta) ? data.delta : {};
        if (typeof d.stop_reason === "string") this.#stop = stopReasonFromAnthropic(d.stop_reason);
        if (typeof d.stop_sequence === "string") this.#stopSequence = d.stop_sequence;
        this.#usage = mergeAnthropicUsage(this.#usage, data.usage);
        return [];
      }
      case "message_stop":
        return this.#finish();
      case "error": {
        const e = isObj(data.error) ? data.error : {};
        const t = typeof e.type === "string" ? e.type : "api_error";
        return this.#fail(
          statusForAnthropicType(t),
          t,
          typeof e.message === "string" ? e.message : "upstream stream error",
        );
      }
      default:
        return []; // ping and future event types
    }
  }

  end(): IRStreamEvent[] {
    if (this.#done) return [];
    // Generation finished (message_delta carried a stop reason) but message_stop was lost: still a complete answer.
    if (this.#stop !== undefined) return this.#finish();
    return this.#fail(502, "api_error", "upstream stream ended before message_stop (truncated response)");
  }

  #messageStart(data: Obj): IRStreamEvent[] {
    if (this.#started) return [];
    this.#started = true;
    const m = isObj(data.message) ? data.message : {};
    this.#usage = usageFromAnthropic(m.usage);
    return [
      {
        type: "message_start",
        id: typeof m.id === "string" ? m.id : "msg_unknown",
        model: typeof m.model === "string" ? m.model : "",
        usage: { ...this.#usage },
      },
    ];
  }

  #ensureStarted(out: IRStreamEvent[]): void {
    if (this.#started) return;
    this.#started = true;
    out.push({ type: "message_start", id: "msg_unknown", model: "" });
  }

  #blockStart(data: Obj): IRStreamEvent[] {
    const out: IRStreamEvent[] = [];
    this.#ensureStarted(out);
    const up = typeof data.index === "number" ? data.index : this.#index.size;
    const b = isObj(data.content_block) ? data.content_block : {};
    const index = this.#next;
    switch (b.type) {
      case "text":
        out.push({ type: "block_start", index, block: { type: "text" } });
        if (typeof b.text === "string" && b.text)
          out.push({ type: "block_delta", index, delta: { type: "text", text: b.text } });
        break;
      case "tool_use": {
        out.push({
          type: "block_start",
          index,
          block: { type: "tool_call", id: String(b.id), name: String(b.name), kind: "function" },
        });
        // Some compatible servers put the whole input in the start block instead of streaming it.
        if (isObj(b.input) && Object.keys(b.input).length > 0)
          out.push({ type: "block_delta", index, delta: { type: "tool_args", partial: JSON.stringify(b.input) } });
        break;
      }
      case "thinking":
        out.push({ type: "block_start", index, block: { type: "reasoning", family: "anthropic" } });
        if (typeof b.thinking === "string" && b.thinking)
          out.push({ type: "block_delta", index, delta: { type: "reasoning", text: b.thinking } });
        if (typeof b.signature === "string" && b.signature)
          out.push({ type: "block_delta", index, delta: { type: "signature", signature: b.signature } });
        break;
      case "redacted_thinking":
        out.push({ type: "block_start", index, block: { type: "reasoning", family: "anthropic" } });
        out.push({ type: "block_delta", index, delta: { type: "encrypted", data: String(b.data) } });
        break;
      default:
        return out; // server_tool_use, web_search_tool_result …: not part of the client-visible answer
    }
    this.#index.set(up, index);
    this.#open.add(index);
    this.#next++;
    return out;
  }

  #blockDelta(data: Obj): IRStreamEvent[] {
    const index = typeof data.index === "number" ? this.#index.get(data.index) : undefined;
    if (index === undefined) return [];
    const d = isObj(data.delta) ? data.delta : {};
    switch (d.type) {
      case "text_delta":
        return typeof d.text === "string" && d.text
          ? [{ type: "block_delta", index, delta: { type: "text", text: d.text } }]
          : [];
      case "input_json_delta":
        return typeof d.partial_json === "string" && d.partial_json
          ? [{ type: "block_delta", index, delta: { type: "tool_args", partial: d.partial_json } }]
          : [];
      case "thinking_delta":
        return typeof d.thinking === "string" && d.thinking
          ? [{ type: "block_delta", index, delta: { type: "reasoning", text: d.thinking } }]
          : [];
      case "signature_delta":
        return typeof d.signature === "string" && d.signature
          ? [{ type: "block_delta", index, delta: { type: "signature", signature: d.signature } }]
          : [];
      default:
        return []; // citations_delta and future delta types
    }
  }

  #blockStop(data: Obj): IRStreamEvent[] {
    const index = typeof data.index === "number" ? this.#index.get(data.index) : undefined;
    if (index === undefined || !this.#open.delete(index)) return [];
    return [{ type: "block_stop", index }];
  }

  #closeOpen(out: IRStreamEvent[]): void {
    for (const index of [...this.#open].sort((a, b) => a - b)) out.push({ type: "block_stop", index });
    this.#open.clear();
  }

  #finish(): IRStreamEvent[] {
    const out: IRStreamEvent[] = [];
    this.#ensureStarted(out);
    this.#closeOpen(out);
    this.#done = true;
    const fin: IRStreamEvent = { type: "finish", stopReason: this.#stop ?? "end_turn", usage: { ...this.#usage } };
    if (this.#stopSequence !== undefined) fin.stopSequence = this.#stopSequence;
    out.push(fin);
    return out;
  }

  #fail(status: number, type: string, message: string): IRStreamEvent[] {
    this.#done = true;
    return [{ type: "error", error: { status, type, message } }];
  }
}
