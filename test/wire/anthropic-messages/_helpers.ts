/** Test helpers shared by the anthropic-messages and openai-chat wire tests. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { IRResponse, IRStreamEvent, IRUsage, StopReason } from "../../../src/ir/types.js";
import { type SSEEvent, SSEParser } from "../../../src/sse/parser.js";
import type { StreamDecoder } from "../../../src/wire/types.js";

export const FIXTURES = join(import.meta.dirname, "../../fixtures/upstream");

export const fixture = (fmt: string, name: string): string => readFileSync(join(FIXTURES, fmt, name), "utf8");
export const fixtureJson = (fmt: string, name: string): unknown => JSON.parse(fixture(fmt, name));

export function parseSSE(text: string, chunkSize = 0): SSEEvent[] {
  const p = new SSEParser();
  const buf = Buffer.from(text, "utf8");
  const out: SSEEvent[] = [];
  if (chunkSize > 0)
    for (let i = 0; i < buf.length; i += chunkSize) out.push(...p.push(buf.subarray(i, i + chunkSize)));
  else out.push(...p.push(buf));
  out.push(...p.end());
  return out;
}

export function decodeAll(dec: StreamDecoder, events: SSEEvent[], end = true): IRStreamEvent[] {
  const out: IRStreamEvent[] = [];
  for (const e of events) out.push(...dec.push(e));
  if (end) out.push(...dec.end());
  return out;
}

/** Checks the IR stream contract: message_start first, dense start/delta/stop triples, one terminal event. */
export function checkWellFormed(events: IRStreamEvent[]): void {
  if (events[0]?.type !== "message_start") throw new Error(`first event is ${events[0]?.type}`);
  const open = new Set<number>();
  let next = 0;
  events.forEach((e, i) => {
    const last = i === events.length - 1;
    if ((e.type === "finish" || e.type === "error") !== last) throw new Error(`terminal event misplaced at ${i}`);
    if (e.type === "block_start") {
      if (e.index !== next) throw new Error(`block index ${e.index}, expected ${next}`);
      next++;
      open.add(e.index);
    } else if (e.type === "block_delta" && !open.has(e.index)) throw new Error(`delta for closed block ${e.index}`);
    else if (e.type === "block_stop" && !open.delete(e.index)) throw new Error(`stop for closed block ${e.index}`);
  });
  if (open.size > 0 && events[events.length - 1].type === "finish") throw new Error("blocks left open at finish");
}

export interface Assembled {
  response: IRResponse;
  terminal: IRStreamEvent;
}

/** Folds IR stream events into the response they describe. */
export function assemble(events: IRStreamEvent[]): Assembled {
  const blocks: IRResponse["content"] = [];
  let id = "";
  let model = "";
  let stopReason: StopReason = "error";
  let usage: IRUsage = {
    inputTokens: 0,
    outputTokens: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    cacheWrite1hTokens: 0,
    reasoningTokens: 0,
  };
  for (const e of events) {
    if (e.type === "message_start") {
      id = e.id;
      model = e.model;
    } else if (e.type === "block_start") {
      const b = e.block;
      blocks[e.index] =
        b.type === "text"
          ? { type: "text", text: "" }
          : b.type === "tool_call"
            ? { type: "tool_call", id: b.id, name: b.name, arguments: "", kind: b.kind }
            : { type: "reasoning", text: "", family: b.family };
    } else if (e.type === "block_delta") {
      const b = blocks[e.index];
      const d = e.delta;
      if (b.type === "text" && d.type === "text") b.text += d.text;
      else if (b.type === "tool_call" && d.type === "tool_args") b.arguments += d.partial;
      else if (b.type === "reasoning" && d.type === "reasoning") b.text += d.text;
      else if (b.type === "reasoning" && d.type === "signature") b.signature = (b.signature ?? "") + d.signature;
      else if (b.type === "reasoning" && d.type === "encrypted") b.encrypted = (b.encrypted ?? "") + d.data;
    } else if (e.type === "finish") {
      stopReason = e.stopReason;
      usage = e.usage;
    }
  }
  return { response: { id, model, content: blocks, stopReason, usage }, terminal: events[events.length - 1] };
}

export const TRAILER = {
  request_id: "cr_test",
  phase: "implement",
  phase_confidence: 0.9,
  agent: "claude-code",
  model: "t-chat",
  provider: "deepseek",
  cost_usd: 0.001,
  cost_if_opus_usd: 0.02,
  savings_usd: 0.019,
  savings_pct: 95,
};
