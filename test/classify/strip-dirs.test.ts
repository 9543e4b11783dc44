import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { test } from "node:test";
import fc from "fast-check";
import { analyze } from "../../src/classify/analyze.js";
import { joinWrappedLines, PATH_DIRS_RE, stripDirs } from "../../src/classify/rules.js";
import { readJsonl, rowInput } from "../../src/classify/train.js";

const EVAL = new URL("../fixtures/eval/", import.meta.url).pathname;
const check = (t: string) => assert.equal(stripDirs(t), t.replace(PATH_DIRS_RE, ""), JSON.stringify(t));

test("stripDirs removes exactly what the path regex removes: every eval text, as is and lower-cased", () => {
  let n = 0;
  for (const f of readdirSync(EVAL).filter((name) => name.endsWith(".jsonl")))
    for (const row of readJsonl(EVAL + f)) {
      const h = analyze(rowInput(row), false).hist;
      for (const t of [h.human, h.prev, h.assistant, h.narration, ...h.toolResults]) {
        check(t);
        check(t.toLowerCase());
        n++;
      }
    }
  assert.ok(n > 5000, `${n} texts`);
});

test("stripDirs removes exactly what the path regex removes: generated paths and their neighbours", () => {
  const piece = fc.constantFrom(
    "/",
    "//",
    "@",
    "src",
    "a",
    "B",
    "_",
    ".",
    "..",
    "-",
    "1",
    " ",
    "\n",
    "pros",
    "pub",
    "and",
    "ci",
    "i",
    "read",
    "client",
    "front",
    "é",
    "ü",
    "→",
    ":",
    "http:",
    "~",
    "\\",
    "'",
    "`",
    "(",
    ")",
    ",",
    "?",
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 20 }), (ps) => check(ps.join(""))),
    { numRuns: 5000 },
  );
  fc.assert(fc.property(fc.string({ maxLength: 40 }), check), { numRuns: 2000 });
});

test("a trailing question mark: trimEnd().endsWith('?') answers like /\\?\\s*$/ (\\s and trim share one set)", () => {
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    assert.equal(/\s/.test(ch), ch.trim() === "", `U+${c.toString(16)}`);
  }
  const unit = fc.constantFrom("?", " ", "\n", "\t", "\u00a0", "\u2028", "\ufeff", "a", "\u200b", "\u180e");
  fc.assert(
    fc.property(fc.string({ unit }), (s) =>
      assert.equal(s.trimEnd().endsWith("?"), /\?\s*$/.test(s), JSON.stringify(s)),
    ),
    { numRuns: 5000 },
  );
});

test("joinWrappedLines joins exactly the breaks /(?<=[a-z,])\\n(?=[a-z])/g would: generated text and every eval text", () => {
  const check = (t: string) =>
    assert.equal(joinWrappedLines(t), t.replace(/(?<=[a-z,])\n(?=[a-z])/g, " "), JSON.stringify(t));
  const unit = fc.constantFrom("\n", "a", "z", "A", ",", " ", ".", "\r", "é", "1");
  fc.assert(fc.property(fc.string({ unit, maxLength: 30 }), check), { numRuns: 5000 });
  for (const f of readdirSync(EVAL).filter((name) => name.endsWith(".jsonl")))
    for (const row of readJsonl(EVAL + f)) check(analyze(rowInput(row), false).hist.human);
});
