/**
 * IR stream events → OpenAI `chat.completion.chunk` SSE: role on the first delta, tool_calls deltas keyed by index
 * (id/type/name on the first piece only), a finish_reason chunk, a usage chunk (plus the `coderouter` trailer),
 * then `data: [DONE]`.
 */
import type { IRStreamEvent, StopReason } from "../../ir/types.js";
import { formatSSE } from "../../sse/parser.js";
import type { StreamEncoder, StreamEncoderOptions } from "../types.js";
import { errorBody } from "./errors.js";
import { finishReasonToOpenAI } from "./finish-reason.js";
import { usageToOpenAI } from "./usage.js";

export class OpenAIChatStreamEncoder implements StreamEncoder {
  readonly #opts: StreamEncoderOptions;
  #id = "chatcmpl-coderouter";
  #created = Math.floor(Date.now() / 1000);
  #started = false;
  #done = false;
  /** IR block index → tool call index (0, 1, … in order of appearance) and kind. */
  #tools = new Map<number, { index: number; custom: boolean }>();
  #reasoning = new Set<number>();

  constructor(opts: StreamEncoderOptions) {
    this.#opts = opts;
  }

  push(e: IRStreamEvent): string {
    if (this.#done) return "";
    switch (e.type) {
      case "message_start":
        if (this.#started) return "";
        this.#id = e.id.startsWith("chatcmpl-") ? e.id : `chatcmpl-${e.id}`;
        return this.#start();
      case "block_start": {
        let s = this.#start();
        const b = e.block;
        if (b.type === "tool_call") {
          const index = this.#tools.size;
          const custom = b.kind === "custom";
          this.#tools.set(e.index, { index, custom });
          const call = custom
            ? { index, id: b.id, type: "custom", custom: { name: b.name, input: "" } }
            : { index, id: b.id, type: "function", function: { name: b.name, arguments: "" } };
          s += this.#chunk({ tool_calls: [call] });
        } else if (b.type === "reasoning") this.#reasoning.add(e.index);
        return s;
      }
      case "block_delta": {
        const d = e.delta;
        if (d.type === "text") return this.#start() + this.#chunk({ content: d.text });
        if (d.type === "reasoning")
          return this.#reasoning.has(e.index) ? this.#start() + this.#chunk({ reasoning_content: d.text }) : "";
        if (d.type === "tool_args") {
          const t = this.#tools.get(e.index);
          if (!t) return "";
          return this.#chunk({
            tool_calls: [
              t.custom
                ? { index: t.index, custom: { input: d.partial } }
                : { index: t.index, function: { arguments: d.partial } },
            ],
          });
        }
        return ""; // signatures / encrypted reasoning have no Chat Completions form
      }
      case "block_stop":
        return "";
      case "finish": {
        let s = this.#start();
        s += this.#chunk({}, e.stopReason);
        const trailer = this.#opts.trailer?.(e.usage);
        const usageChunk: Record<string, unknown> = { ...this.#base(), choices: [], usage: usageToOpenAI(e.usage) };
        if (trailer) usageChunk.coderouter = trailer;
        s += formatSSE(JSON.stringify(usageChunk));
        s += formatSSE("[DONE]");
        this.#done = true;
        return s;
      }
      case "error":
        this.#done = true;
        return formatSSE(JSON.stringify(errorBody(e.error.status, undefined, e.error.message)));
    }
  }

  end(): string {
    if (this.#done) return "";
    this.#done = true;
    return formatSSE(JSON.stringify(errorBody(502, undefined, "upstream stream ended unexpectedly")));
  }

  #base(): Record<string, unknown> {
    return { id: this.#id, object: "chat.completion.chunk", created: this.#created, model: this.#opts.model };
  }

  #start(): string {
    if (this.#started) return "";
    this.#started = true;
    return this.#chunk({ role: "assistant", content: "" });
  }

  #chunk(delta: Record<string, unknown>, stop?: StopReason): string {
    const choice = { index: 0, delta, logprobs: null, finish_reason: stop ? finishReasonToOpenAI(stop) : null };
    return formatSSE(JSON.stringify({ ...this.#base(), choices: [choice] }));
  }
}
