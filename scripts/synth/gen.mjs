// Writes hand-written synthetic phase-classifier rows.
//   node scripts/synth/gen.mjs a   -> test/fixtures/eval/synthetic-a.jsonl (plan, document, refactor, small_edit)
//   node scripts/synth/gen.mjs b   -> test/fixtures/eval/synthetic-b.jsonl (implement, debug, test)
import { existsSync, writeFileSync } from "node:fs";
import { row } from "./envelopes.mjs";

const which = process.argv[2] ?? "a";
const parts =
  which === "a"
    ? ["a-plan", "a-document", "a-refactor", "a-small"]
    : ["b-implement", "b-debug", "b-test", "b-test2", "b-debug2"];
const root = new URL("../../", import.meta.url).pathname;
const scenarios = [];
for (const p of parts) {
  const f = new URL(`./${p}.mjs`, import.meta.url);
  if (!existsSync(f)) continue;
  const mod = await import(f.href);
  for (const s of mod.default) scenarios.push(s);
}
const prefix = `syn-${which}`;
const stats = { phase: {}, agent: {}, turn: {}, api: {} };
const lines = scenarios.map((s, i) => {
  s.id = `${prefix}-${i + 1}`;
  const r = row(s, prefix, i + 1);
  const { _turn, ...out } = r;
  for (const [k, v] of [
    ["phase", out.label.phase],
    ["agent", out.source.agent],
    ["turn", _turn],
    ["api", out.api],
  ])
    stats[k][v] = (stats[k][v] ?? 0) + 1;
  return JSON.stringify(out);
});
writeFileSync(`${root}test/fixtures/eval/synthetic-${which}.jsonl`, `${lines.join("\n")}\n`);
console.log(`wrote ${lines.length} rows`);
console.log(JSON.stringify(stats, null, 1));
