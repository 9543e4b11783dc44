/**
 * IR stream events → Gemini SSE (`data: {GenerateContentResponse}` chunks, no event names). Text and thoughts go out
 * as they arrive; a function call is written whole when its block stops. The last chunk carries finishReason,
 * usageMetadata and the `coderouter` trailer.
 */

import { kindForStatus } from "../../errors/index.js";
import type { IRStreamEvent, ModelFamily } from "../../ir/types.js";
import { formatSSE } from "../../sse/parser.js";
import { newId, type Obj } from "../internal/guards.js";
import { wrapReasoning } from "../reasoning-carry.js";
import type { StreamEncoder, StreamEncoderOptions } from "../types.js";
import { errorBody } from "./errors.js";
import { finishFromIR } from "./finish.js";
import { argsObject } from "./parts.js";
import { usageFromIR } from "./usage.js";

interface Block {
  kind: "text" | "tool" | "reasoning";
  family?: ModelFamily;
  id?: string;
  name?: string;
  args: string;
  /** Another family's reasoning: its text and payload, wrapped at block stop (../reasoning-carry.ts). */
  text?: string;
  signature?: string;
  encrypted?: string;
}

export function createStreamEncoder(opts: StreamEncoderOptions): StreamEncoder {
  let responseId = newId("gen_");
  let finished = false;
  /** A google thoughtSignature waiting for the next part to ride on. */
  let signature: string | undefined;
  const blocks = new Map<number, Block>();

  const chunk = (parts: Obj[], extra: Obj = {}, candidateExtra: Obj = {}): string =>
    formatSSE(
      JSON.stringify({
        candidates: [{ content: { role: "model", parts }, ...candidateExtra, index: 0 }],
        ...extra,
        modelVersion: opts.model,
        responseId,
      }),
    );
  const part = (p: Obj): Obj => {
    if (signature) {
      p.thoughtSignature = signature;
      signature = undefined;
    }
    return p;
  };
  /** A new signature while one still waits for a part: the waiting one goes out on an empty text part. */
  const setSignature = (sig: string): string => {
    const flushed = signature ? chunk([part({ text: "" })]) : "";
    signature = sig;
    return flushed;
  };

  return {
    push(ev: IRStreamEvent): string {
      if (finished) return "";
      switch (ev.type) {
        case "message_start":
          if (ev.id) responseId = ev.id;
          return "";
        case "block_start":
          blocks.set(
            ev.index,
            ev.block.type === "tool_call"
              ? { kind: "tool", id: ev.block.id, name: ev.block.name, args: "" }
              : ev.block.type === "reasoning"
                ? { kind: "reasoning", family: ev.block.family, id: ev.block.id, args: "", text: "" }
                : { kind: "text", args: "" },
          );
          return "";
        case "block_delta": {
          const b = blocks.get(ev.index);
          if (!b) return "";
          const d = ev.delta;
          if (d.type === "text" && d.text) return chunk([part({ text: d.text })]);
          if (d.type === "reasoning" && d.text) {
            b.text = (b.text ?? "") + d.text;
            return chunk([{ text: d.text, thought: true }]);
          }
          if (d.type === "tool_args") b.args += d.partial;
          if (d.type === "encrypted") {
            if (b.family === "google") return setSignature(d.data);
            b.encrypted = (b.encrypted ?? "") + d.data;
          }
          if (d.type === "signature") b.signature = (b.signature ?? "") + d.signature;
          return "";
        }
        case "block_stop": {
          const b = blocks.get(ev.index);
          blocks.delete(ev.index);
          if (b?.kind === "reasoning" && b.family !== "google") {
            const wrapped = wrapReasoning({
              family: b.family ?? "other",
              text: b.text ?? "",
              ...(b.signature && { signature: b.signature }),
              ...(b.encrypted && { encrypted: b.encrypted }),
              ...(b.id && { id: b.id }),
            });
            return wrapped ? setSignature(wrapped) : "";
          }
          if (b?.kind !== "tool") return "";
          return chunk([part({ functionCall: { id: b.id, name: b.name, args: argsObject(b.args) } })]);
        }
        case "finish": {
          finished = true;
          const trailer = opts.trailer?.(ev.usage);
          const last = signature ? [part({ text: "" })] : [{ text: "" }];
          return chunk(
            last,
            { usageMetadata: usageFromIR(ev.usage), ...(trailer && { coderouter: trailer }) },
            { finishReason: finishFromIR(ev.stopReason) },
          );
        }
        case "error":
          finished = true;
          return formatSSE(
            JSON.stringify(errorBody(ev.error.status, ev.error.message, kindForStatus(ev.error.status))),
          );
      }
    },
    end(): string {
      if (finished) return "";
      finished = true;
      return formatSSE(JSON.stringify(errorBody(502, "upstream stream ended unexpectedly", "bad_gateway")));
    },
  };
}
