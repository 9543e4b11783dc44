import assert from "node:assert/strict";
import { test } from "node:test";
import { type ClassifyInput, classify } from "../../src/classify/index.js";
import { readJsonl, readJsonlFiles, rowInput, SYNTHETIC_GLOB } from "../../src/classify/train.js";
import type { ApiKind } from "../../src/ir/types.js";
import { WIRES } from "../../src/wire/index.js";

const PATHS: Record<ApiKind, string> = {
  "anthropic-messages": "/v1/messages",
  "openai-chat": "/v1/chat/completions",
  "openai-responses": "/v1/responses",
  gemini: "/v1beta/models/m:streamGenerateContent",
};

const rows = [
  ...readJsonl(new URL("../fixtures/eval/dev.jsonl", import.meta.url).pathname),
  ...readJsonlFiles(new URL(`../../${SYNTHETIC_GLOB}`, import.meta.url).pathname),
  ...readJsonlFiles(new URL("../fixtures/eval/real-*.specs.jsonl", import.meta.url).pathname),
];

/** Role sequence of the conversation, system messages left out ("u", "a", "t" for tool outputs). */
function roles(input: ClassifyInput): string {
  const b = input.body as Record<string, any>;
  const list: any[] = Array.isArray(b.messages) ? b.messages : Array.isArray(b.input) ? b.input : [];
  let out = "";
  for (const m of list) {
    const type = m?.type ?? "message";
    if (type === "message" && (m.role === "system" || m.role === "developer")) continue;
    out += type !== "message" || m.role === "tool" ? "t" : m.role === "assistant" ? "a" : "u";
  }
  return out;
}

function everyCallAnswered(ir: ReturnType<(typeof WIRES)[ApiKind]["decodeRequest"]>): boolean {
  const calls = new Set<string>();
  const results = new Set<string>();
  for (const m of ir.messages)
    for (const p of m.content) {
      if (p.type === "tool_call") calls.add(p.id);
      else if (p.type === "tool_result") results.add(p.callId);
    }
  for (const id of calls) if (!results.has(id)) return false;
  return true;
}

// Anthropic and Gemini need alternating roles, so a conversation re-encoded for them has consecutive user messages
// merged into one (aider's `/run` lines and the question after them, its "I ran this command" output and the next
// ask) — the classifier must read the same words, the same tool output and the same order from every format. Left
// out: transcripts that start mid-conversation with the assistant (re-encoding has to invent a first user message)
// and consecutive assistant messages (merged into one, whose head is then the older message), and transcripts that
// dropped tool results (a call without its result is not a valid request in any of the formats).
test("the same conversation gets the same classification in all four wire formats", () => {
  let compared = 0;
  const diffs: string[] = [];
  for (const row of rows) {
    const input = rowInput(row);
    const seq = roles(input);
    if (!seq.startsWith("u") || /a(?:t*)a/.test(seq.replace(/t/g, ""))) continue;
    let ir: ReturnType<(typeof WIRES)[ApiKind]["decodeRequest"]>;
    try {
      ir = WIRES[input.api].decodeRequest(input.body);
    } catch {
      continue; // a few hand-written rows are not valid requests of their API
    }
    if (!everyCallAnswered(ir)) continue;
    const base = classify(input);
    for (const api of Object.keys(WIRES) as ApiKind[]) {
      if (api === input.api) continue;
      const body = WIRES[api].encodeRequest(ir, "m").body;
      const c = classify({ api, path: PATHS[api], headers: input.headers, body });
      compared++;
      if (c.phase !== base.phase || c.kind !== base.kind || c.agent !== base.agent)
        diffs.push(`${row.id} ${input.api} -> ${api}: ${base.phase}/${base.kind} vs ${c.phase}/${c.kind}`);
    }
  }
  assert.ok(compared > 3000, `compared ${compared}`);
  assert.deepEqual(diffs, []);
});
