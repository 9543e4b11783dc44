import { readdirSync, readFileSync } from "node:fs";
import type { IRStreamEvent } from "../../../src/ir/types.js";
import { SSEParser } from "../../../src/sse/parser.js";
import type { StreamDecoder } from "../../../src/wire/types.js";

export const root = new URL("../../../", import.meta.url).pathname;

export function fixture(path: string): string {
  return readFileSync(`${root}test/fixtures/${path}`, "utf8");
}

/** Feeds SSE text through the parser in small byte chunks (events split anywhere) and a decoder. */
export function decodeSSE(text: string, dec: StreamDecoder, chunk = 37): IRStreamEvent[] {
  const p = new SSEParser();
  const out: IRStreamEvent[] = [];
  const buf = Buffer.from(text);
  for (let i = 0; i < buf.length; i += chunk)
    for (const ev of p.push(buf.subarray(i, i + chunk))) out.push(...dec.push(ev));
  for (const ev of p.end()) out.push(...dec.push(ev));
  out.push(...dec.end());
  return out;
}

/** Reassembles tool calls from IR stream events: id → {name, args}. */
export function toolCalls(events: IRStreamEvent[]): Array<{ id: string; name: string; args: string }> {
  const byIndex = new Map<number, { id: string; name: string; args: string }>();
  for (const e of events) {
    if (e.type === "block_start" && e.block.type === "tool_call")
      byIndex.set(e.index, { id: e.block.id, name: e.block.name, args: "" });
    if (e.type === "block_delta" && e.delta.type === "tool_args") byIndex.get(e.index)!.args += e.delta.partial;
  }
  return [...byIndex.values()];
}

export function textOf(events: IRStreamEvent[]): string {
  return events.map((e) => (e.type === "block_delta" && e.delta.type === "text" ? e.delta.text : "")).join("");
}

export function clientFixtures(api: string): Array<{ name: string; body: unknown; path: string }> {
  const out: Array<{ name: string; body: unknown; path: string }> = [];
  const dir = `${root}test/fixtures/clients`;
  for (const client of readdirSync(dir)) {
    if (client.endsWith(".md")) continue;
    for (const f of readdirSync(`${dir}/${client}`)) {
      const j = JSON.parse(readFileSync(`${dir}/${client}/${f}`, "utf8"));
      if (j.api === api) out.push({ name: `${client}/${f}`, body: j.request.body, path: j.request.path });
    }
  }
  return out;
}

export const trailer = {
  request_id: "cr_test",
  phase: "implement",
  phase_confidence: 0.9,
  agent: "codex",
  model: "routed-model",
  provider: "test",
  cost_usd: 0.001,
  cost_if_opus_usd: 0.01,
  savings_usd: 0.009,
  savings_pct: 90,
};
