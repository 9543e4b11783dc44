// Checks synthetic rows: valid JSON, dev.jsonl shape, last turn is user/tool, and the classifier can read them.
//   node --import tsx scripts/synth/validate.ts test/fixtures/eval/synthetic-a.jsonl
import { readFileSync } from "node:fs";
import { classify } from "../../src/classify/index.js";

const PH = ["plan", "implement", "debug", "test", "refactor", "document", "small_edit"];
let bad = 0;
const ids = new Set<string>();
const conf: Record<string, Record<string, number>> = {};
const agentMiss: Record<string, number> = {};
for (const file of process.argv.slice(2)) {
  const lines = readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim());
  for (const [i, l] of lines.entries()) {
    let r: any;
    try {
      r = JSON.parse(l);
    } catch {
      console.log(`${file}:${i + 1} bad json`);
      bad++;
      continue;
    }
    const err = (m: string) => {
      console.log(`${r.id}: ${m}`);
      bad++;
    };
    if (ids.has(r.id)) err("dup id");
    ids.add(r.id);
    for (const k of ["api", "path", "headers", "body", "label", "source"]) if (!(k in r)) err(`missing ${k}`);
    if (!PH.includes(r.label.phase)) err("bad phase");
    if (!r.label.accept.includes(r.label.phase)) err("accept lacks phase");
    if (!["low", "medium", "high"].includes(r.label.complexity)) err("bad complexity");
    const b = r.body;
    const turns = b.messages ?? b.input ?? b.contents;
    const last = turns[turns.length - 1];
    const okLast =
      last.role === "user" ||
      last.role === "tool" ||
      last.type === "function_call_output" ||
      (last.type === "message" && last.role === "user");
    if (!okLast) err(`last turn is ${last.role ?? last.type}`);
    if (JSON.stringify(b).length > 12000) err(`body large ${JSON.stringify(b).length}`);
    const c = classify({ api: r.api, path: r.path, headers: r.headers, body: b });
    const expAgent = r.source.agent;
    if (c.agent !== expAgent) agentMiss[`${expAgent}->${c.agent}`] = (agentMiss[`${expAgent}->${c.agent}`] ?? 0) + 1;
    if (c.kind !== "main" && c.kind !== "tool-continuation") err(`kind ${c.kind}`);
    conf[r.label.phase] ??= {};
    conf[r.label.phase][c.phase] = (conf[r.label.phase][c.phase] ?? 0) + 1;
  }
}
console.log(`rows ${ids.size}, problems ${bad}`);
console.log("agent mismatches", agentMiss);
console.log("gold -> current classifier prediction (info only)");
for (const [g, m] of Object.entries(conf)) console.log(" ", g.padEnd(10), JSON.stringify(m));
process.exit(bad ? 1 : 0);
