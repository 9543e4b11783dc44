/**
 * Rows of a new spec file that share a developer turn (its first 120 characters, if longer than 80) with any other
 * labelled set in test/fixtures/eval — the same conversation found twice, e.g. by content. Run before scoring a new
 * set; exits 1 when there is overlap.
 *   node --import tsx scripts/eval-overlap.ts /tmp/new.specs.jsonl
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename } from "node:path";

const file = process.argv[2];
if (!file) {
  process.stderr.write("usage: node --import tsx scripts/eval-overlap.ts NEW.specs.jsonl\n");
  process.exit(2);
}
interface Row {
  id: string;
  turns?: { role: string; text?: string | null }[];
  body?: { messages?: { role: string; content: unknown }[] };
}
const read = (f: string): Row[] =>
  readFileSync(f, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);

/** The developer's turns of a spec row or of an envelope row (text content only). */
function userTexts(r: Row): string[] {
  if (r.turns) return r.turns.filter((t) => t.role === "user" && t.text).map((t) => t.text as string);
  const out: string[] = [];
  for (const m of r.body?.messages ?? []) {
    if (m.role !== "user") continue;
    if (typeof m.content === "string") out.push(m.content);
    else if (Array.isArray(m.content))
      for (const p of m.content as { type?: string; text?: string }[])
        if (p.type === "text" && p.text) out.push(p.text);
  }
  return out;
}
const key = (t: string) => (t.length > 80 ? t.slice(0, 120) : null);

const dir = new URL("../test/fixtures/eval/", import.meta.url).pathname;
const seen = new Map<string, string>();
for (const f of readdirSync(dir).filter((n) => n.endsWith(".jsonl") && n !== basename(file)))
  for (const r of read(dir + f))
    for (const t of userTexts(r)) {
      const k = key(t);
      if (k) seen.set(k, `${f}:${r.id}`);
    }
let hits = 0;
for (const r of read(file))
  for (const t of userTexts(r)) {
    const k = key(t);
    const other = k ? seen.get(k) : undefined;
    if (other) {
      process.stdout.write(`${r.id} shares a developer turn with ${other}\n`);
      hits++;
      break;
    }
  }
process.stdout.write(`${hits} row(s) overlap\n`);
process.exit(hits ? 1 : 0);
