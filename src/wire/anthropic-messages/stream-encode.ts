/** IR stream events → Anthropic SSE text, in the documented event order. One instance per client stream. */
import type { IRStreamEvent, IRUsage, ModelFamily } from "../../ir/types.js";
import { formatSSE } from "../../sse/parser.js";
import { wrapReasoning } from "../reasoning-carry.js";
import type { StreamEncoder, StreamEncoderOptions } from "../types.js";
import { errorBody } from "./errors.js";
import { stopReasonToAnthropic } from "./finish-reason.js";
import { usageToAnthropic } from "./usage.js";

const ev = (type: string, data: Record<string, unknown>): string => formatSSE(JSON.stringify({ type, ...data }), type);

/**
 * A reasoning block. Claude's own starts on its first delta (thinking vs redacted_thinking) and streams as is.
 * Another family's streams its text as thinking and collects its payload, written at block stop as a wrapped
 * signature (or a redacted_thinking block when there was no text), see ../reasoning-carry.ts.
 */
type Pending = { family: ModelFamily; id?: string; text: string; signature: string; encrypted: string };

export class AnthropicStreamEncoder implements StreamEncoder {
  readonly #opts: StreamEncoderOptions;
  #started = false;
  #pinged = false;
  #done = false;
  /** IR index → output index (dense; IR blocks with no Anthropic form are skipped). */
  #out = new Map<number, number>();
  /** Reasoning blocks: Claude's until their first delta, other families' until they stop. */
  #pending = new Map<number, Pending>();
  #open = new Set<number>();
  #next = 0;
  #startUsage: Partial<IRUsage> = {};

  constructor(opts: StreamEncoderOptions) {
    this.#opts = opts;
  }

  push(e: IRStreamEvent): string {
    if (this.#done) return "";
    switch (e.type) {
      case "message_start":
        if (this.#started) return "";
        this.#startUsage = e.usage ?? {};
        return this.#messageStart(e.id);
      case "block_start":
        return this.#blockStart(e);
      case "block_delta":
        return this.#blockDelta(e);
      case "block_stop":
        return this.#blockStop(e.index);
      case "finish": {
        let s = this.#messageStart("msg_coderouter") + this.#closeAll();
        const usage = { ...usageToAnthropic(e.usage), output_tokens: e.usage.outputTokens };
        const trailer = this.#opts.trailer?.(e.usage);
        s += ev("message_delta", {
          delta: { stop_reason: stopReasonToAnthropic(e.stopReason), stop_sequence: e.stopSequence ?? null },
          usage,
          ...(trailer ? { coderouter: trailer } : {}),
        });
        s += ev("message_stop", {});
        this.#done = true;
        return s;
      }
      case "error":
        this.#done = true;
        return formatSSE(JSON.stringify(errorBody(e.error.status, e.error.type, e.error.message)), "error");
    }
  }

  end(): string {
    if (this.#done) return "";
    this.#done = true;
    return formatSSE(JSON.stringify(errorBody(502, "api_error", "upstream stream ended unexpectedly")), "error");
  }

  #messageStart(id: string): string {
    if (this.#started) return "";
    this.#started = true;
    const u = this.#startUsage;
    const usage = { ...usageToAnthropic(u), output_tokens: u.outputTokens ?? 0 };
    return ev("message_start", {
      message: {
        id: id.startsWith("msg_") ? id : `msg_${id}`,
        type: "message",
        role: "assistant",
        model: this.#opts.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage,
      },
    });
  }

  #startBlock(irIndex: number, block: Record<string, unknown>): string {
    const index = this.#next++;
    this.#out.set(irIndex, index);
    this.#open.add(irIndex);
    let s = ev("content_block_start", { index, content_block: block });
    if (!this.#pinged) {
      this.#pinged = true;
      s += ev("ping", {});
    }
    return s;
  }

  #blockStart(e: Extract<IRStreamEvent, { type: "block_start" }>): string {
    let s = this.#messageStart("msg_coderouter");
    const b = e.block;
    if (b.type === "text") s += this.#startBlock(e.index, { type: "text", text: "" });
    else if (b.type === "tool_call")
      s += this.#startBlock(e.index, { type: "tool_use", id: b.id, name: b.name, input: {} });
    else {
      this.#pending.set(e.index, { family: b.family, id: b.id, text: "", signature: "", encrypted: "" });
    }
    return s;
  }

  /** Another family's reasoning block: text streams as thinking, the payload is collected for block stop. */
  #foreignDelta(irIndex: number, p: Pending, d: Extract<IRStreamEvent, { type: "block_delta" }>["delta"]): string {
    if (d.type === "signature") p.signature += d.signature;
    else if (d.type === "encrypted") p.encrypted += d.data;
    else if (d.type === "reasoning" && d.text) {
      p.text += d.text;
      let s = "";
      if (!this.#out.has(irIndex)) s += this.#startBlock(irIndex, { type: "thinking", thinking: "", signature: "" });
      const index = this.#out.get(irIndex);
      return `${s}${ev("content_block_delta", { index, delta: { type: "thinking_delta", thinking: d.text } })}`;
    }
    return "";
  }

  #foreignStop(irIndex: number, p: Pending): string {
    const wrapped = wrapReasoning({
      family: p.family,
      text: p.text,
      ...(p.signature && { signature: p.signature }),
      ...(p.encrypted && { encrypted: p.encrypted }),
      ...(p.id && { id: p.id }),
    });
    const index = this.#out.get(irIndex);
    if (index === undefined) {
      if (!wrapped) return "";
      return this.#startBlock(irIndex, { type: "redacted_thinking", data: wrapped }) + this.#stopBlock(irIndex);
    }
    const sig = wrapped
      ? ev("content_block_delta", { index, delta: { type: "signature_delta", signature: wrapped } })
      : "";
    return sig + this.#stopBlock(irIndex);
  }

  #blockDelta(e: Extract<IRStreamEvent, { type: "block_delta" }>): string {
    const d = e.delta;
    let s = "";
    const pending = this.#pending.get(e.index);
    if (pending && pending.family !== "anthropic") return this.#foreignDelta(e.index, pending, d);
    if (pending) {
      if (d.type === "encrypted") {
        this.#pending.delete(e.index);
        return this.#startBlock(e.index, { type: "redacted_thinking", data: d.data });
      }
      const startsThinking = (d.type === "reasoning" && d.text !== "") || d.type === "signature";
      if (!startsThinking) return "";
      this.#pending.delete(e.index);
      s += this.#startBlock(e.index, { type: "thinking", thinking: "", signature: "" });
    }
    const index = this.#out.get(e.index);
    if (index === undefined || !this.#open.has(e.index)) return s;
    switch (d.type) {
      case "text":
        return `${s}${ev("content_block_delta", { index, delta: { type: "text_delta", text: d.text } })}`;
      case "tool_args":
        return `${s}${ev("content_block_delta", { index, delta: { type: "input_json_delta", partial_json: d.partial } })}`;
      case "reasoning":
        return `${s}${ev("content_block_delta", { index, delta: { type: "thinking_delta", thinking: d.text } })}`;
      case "signature":
        return `${s}${ev("content_block_delta", { index, delta: { type: "signature_delta", signature: d.signature } })}`;
      case "encrypted":
        return s;
    }
  }

  #blockStop(irIndex: number): string {
    const pending = this.#pending.get(irIndex);
    this.#pending.delete(irIndex);
    if (pending && pending.family !== "anthropic") return this.#foreignStop(irIndex, pending);
    return this.#stopBlock(irIndex);
  }

  #stopBlock(irIndex: number): string {
    const index = this.#out.get(irIndex);
    if (index === undefined || !this.#open.delete(irIndex)) return "";
    return ev("content_block_stop", { index });
  }

  #closeAll(): string {
    let s = "";
    const ids = new Set([...this.#open, ...this.#pending.keys()]);
    for (const irIndex of [...ids].sort((a, b) => a - b)) s += this.#blockStop(irIndex);
    return s;
  }
}
