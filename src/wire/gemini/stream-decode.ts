/**
 * Gemini SSE chunks (each `data:` a full GenerateContentResponse) → IR stream events. Text and thoughts stream as
 * deltas; function calls arrive whole and become start/delta/stop triples. Gemini has no terminal event: the chunk
 * with `finishReason` marks success, and the finish event is emitted when the upstream closes (so late usage counts).
 */
import type { IRStreamEvent, IRUsage } from "../../ir/types.js";
import type { SSEEvent } from "../../sse/parser.js";
import { isObj, optStr } from "../internal/guards.js";
import type { StreamDecoder } from "../types.js";
import { streamErrorToIR } from "./errors.js";
import { finishToIR } from "./finish.js";
import { CallIds, SKIP_SIGNATURE } from "./parts.js";
import { usageToIR } from "./usage.js";

export function createStreamDecoder(): StreamDecoder {
  let started = false;
  let done = false;
  let next = 0;
  let open: { index: number; kind: "text" | "reasoning" } | undefined;
  let finishReason: unknown;
  let usage: IRUsage | undefined;
  let sawToolCall = false;
  const ids = new CallIds();
  const out: IRStreamEvent[] = [];

  const close = () => {
    if (open) out.push({ type: "block_stop", index: open.index });
    open = undefined;
  };
  const ensure = (kind: "text" | "reasoning"): number => {
    if (open?.kind === kind) return open.index;
    close();
    open = { index: next++, kind };
    out.push({
      type: "block_start",
      index: open.index,
      block: kind === "text" ? { type: "text" } : { type: "reasoning", family: "google" },
    });
    return open.index;
  };
  /** A signature riding on a non-thought part: its own block, so it goes back on that part, not on the thoughts. */
  const signature = (sig: string) => {
    close();
    const index = ensure("reasoning");
    out.push({ type: "block_delta", index, delta: { type: "encrypted", data: sig } });
    close();
  };

  const onPart = (p: Record<string, unknown>) => {
    const sig = optStr(p.thoughtSignature);
    if (p.thought === true) {
      const index = ensure("reasoning");
      if (typeof p.text === "string" && p.text)
        out.push({ type: "block_delta", index, delta: { type: "reasoning", text: p.text } });
      if (sig) {
        out.push({ type: "block_delta", index, delta: { type: "encrypted", data: sig } });
        close();
      }
      return;
    }
    // A signature belongs to the part it rides on: emit it first, as its own google reasoning block.
    if (sig && sig !== SKIP_SIGNATURE) signature(sig);
    if (typeof p.text === "string") {
      if (!p.text) return;
      const index = ensure("text");
      out.push({ type: "block_delta", index, delta: { type: "text", text: p.text } });
    } else if (isObj(p.functionCall)) {
      close();
      sawToolCall = true;
      const fc = p.functionCall;
      const name = String(fc.name ?? "");
      const index = next++;
      out.push({
        type: "block_start",
        index,
        block: { type: "tool_call", id: ids.call(name, optStr(fc.id)), name, kind: "function" },
      });
      out.push({
        type: "block_delta",
        index,
        delta: { type: "tool_args", partial: JSON.stringify(isObj(fc.args) ? fc.args : {}) },
      });
      out.push({ type: "block_stop", index });
    }
  };

  return {
    push(ev: SSEEvent): IRStreamEvent[] {
      out.length = 0;
      if (done || !ev.data || ev.data === "[DONE]") return [];
      let chunk: unknown;
      try {
        chunk = JSON.parse(ev.data);
      } catch {
        close();
        done = true;
        return [
          {
            type: "error",
            error: { status: 502, type: "bad_gateway", message: "upstream sent an invalid Gemini stream chunk" },
          },
        ];
      }
      if (!isObj(chunk)) return [];
      if (isObj(chunk.error)) {
        close();
        done = true;
        out.push({ type: "error", error: streamErrorToIR(chunk) });
        return [...out];
      }
      if (!started) {
        started = true;
        out.push({
          type: "message_start",
          id: optStr(chunk.responseId) ?? "",
          model: optStr(chunk.modelVersion) ?? "",
        });
      }
      if (isObj(chunk.usageMetadata)) usage = usageToIR(chunk.usageMetadata);
      const cand = Array.isArray(chunk.candidates) && isObj(chunk.candidates[0]) ? chunk.candidates[0] : undefined;
      if (cand && isObj(cand.content) && Array.isArray(cand.content.parts)) {
        for (const p of cand.content.parts) if (isObj(p)) onPart(p);
      }
      if (cand?.finishReason !== undefined) finishReason = cand.finishReason;
      else if (!cand && isObj(chunk.promptFeedback) && chunk.promptFeedback.blockReason !== undefined)
        finishReason = "SAFETY";
      return [...out];
    },
    end(): IRStreamEvent[] {
      out.length = 0;
      if (done) return [];
      done = true;
      close();
      if (finishReason === undefined) {
        out.push({
          type: "error",
          error: { status: 502, type: "bad_gateway", message: "upstream Gemini stream ended without a finishReason" },
        });
      } else {
        out.push({
          type: "finish",
          stopReason: finishToIR(finishReason, sawToolCall),
          usage: usage ?? usageToIR(undefined),
        });
      }
      return [...out];
    },
  };
}
