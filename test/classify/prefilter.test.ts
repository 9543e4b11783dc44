import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { test } from "node:test";
import fc from "fast-check";
import { analyze } from "../../src/classify/analyze.js";
import {
  branches,
  distribute,
  type GatedRegex,
  guardRuns,
  Prefilter,
  requiredLiterals,
  unitsOf,
} from "../../src/classify/prefilter.js";
import { RULE_GATE, RULES } from "../../src/classify/rules.js";
import { readJsonl, rowInput } from "../../src/classify/train.js";

const EVAL = new URL("../fixtures/eval/", import.meta.url).pathname;
// How textEvidence derives the text keyword rules see (directories dropped from paths); any text is a valid input.
const PATH_DIRS_RE = /(?:@|\b)(?:[\w.-]+\/)+(?=[\w.-])/g;

const FIRED = new Int32Array(RULES.length);
/** Every other rule left out, as `matches` is asked to (narration skips some rules). */
const SKIP = Uint8Array.from(RULES, (_, i) => i % 2);

/**
 * Every rule, gated and ungated, on `raw`: the gate must name exactly the rules a full run finds, one by one
 * (`test`) and all at once (`matches`, with and without rules to skip).
 */
function checkRules(raw: string): void {
  const low = raw.toLowerCase();
  for (const lower of new Set([low, low.replace(PATH_DIRS_RE, "")])) {
    const may = RULE_GATE.scan(lower, low);
    const want: number[] = [];
    for (let i = 0; i < RULES.length; i++) {
      const r = RULES[i];
      const hit = r.re.test(r.caseSensitive ? raw : lower);
      if (hit) want.push(i);
      if (RULE_GATE.test(may, i, lower, raw) !== hit)
        assert.fail(`rule "${r.name}" ${hit ? "missed" : "invented"} on ${JSON.stringify(raw.slice(0, 200))}`);
    }
    const text = JSON.stringify(raw.slice(0, 200));
    let n = RULE_GATE.matches(RULE_GATE.scan(lower, low), lower, raw, FIRED, null);
    assert.deepEqual([...FIRED.subarray(0, n)], want, `matches on ${text}`);
    n = RULE_GATE.matches(RULE_GATE.scan(lower, low), lower, raw, FIRED, SKIP);
    assert.deepEqual(
      [...FIRED.subarray(0, n)],
      want.filter((i) => SKIP[i] === 0),
      `matches, skipping, on ${text}`,
    );
  }
}

/** The texts the rules read in the eval corpus: developer words, earlier words, the assistant's and its narration. */
function corpusTexts(): string[] {
  const out = new Set<string>();
  for (const f of readdirSync(EVAL).filter((n) => n.endsWith(".jsonl")))
    for (const row of readJsonl(EVAL + f)) {
      const h = analyze(rowInput(row), false).hist;
      for (const t of [h.human, h.prev, h.assistant, h.narration])
        if (t) out.add(t.length > 650 ? `${t.slice(0, 500)}\n${t.slice(-150)}` : t);
    }
  return [...out];
}

test("the gated rule table finds exactly what running every regex finds, on every eval text", () => {
  const texts = corpusTexts();
  assert.ok(texts.length > 2000, `${texts.length} texts`);
  for (const t of texts) checkRules(t);
});

/** Pieces that make rules fire or nearly fire: their own literals, cut and re-cased, plus noise. */
const PIECES = [
  ...new Set(
    RULE_GATE.branches.flatMap((bs) => (bs ?? []).flatMap((b) => b.literals ?? [])).filter((l) => l.length <= 40),
  ),
];
const NOISE = [" ", "\n", ".", ",", "?", "/", "src/", "@docs/", "'", '"', "`", "-", "->", "→", "1", "42", "v2.1"];
const ODD = [
  "İ",
  "K",
  "ſ",
  "é",
  "e\u0301",
  "😀",
  "—",
  "’",
  "переведи",
  "错误",
  "Error: ",
  "FAILED",
  "ERR!",
  "Traceback (most recent",
];
const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 3, arbitrary: fc.constantFrom(...NOISE) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(...PIECES).map((s) => s.toUpperCase()) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...PIECES), fc.nat(), fc.nat())
      .map(([s, a, b]) => s.slice(Math.min(a, b) % (s.length + 1), Math.max(a, b) % (s.length + 1))),
  },
);

test("the gated rule table agrees with every regex on generated and mutated texts", () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 24 }), (ps) => checkRules(ps.join(""))),
    { numRuns: 1500 },
  );
  const texts = corpusTexts().filter((t) => t.length > 20);
  fc.assert(
    fc.property(
      fc.constantFrom(...texts),
      fc.array(fc.tuple(fc.nat(), fc.nat({ max: 12 }), piece), { minLength: 1, maxLength: 6 }),
      (t, edits) => {
        let s = t;
        for (const [at, cut, p] of edits) {
          const i = at % (s.length + 1);
          s = s.slice(0, i) + p + s.slice(i + cut);
        }
        checkRules(s);
      },
    ),
    { numRuns: 1500 },
  );
});

test("long texts, read as two or four walks at once, give the answers of every regex", () => {
  // Long enough for the parallel walks (over ~150 and ~400 characters), literals placed across their seams.
  fc.assert(
    fc.property(fc.array(piece, { minLength: 40, maxLength: 120 }), (ps) => checkRules(ps.join(""))),
    { numRuns: 300 },
  );
});

const lits = (re: RegExp, lowerCased = true) => requiredLiterals(re, lowerCased);

test("required literals: alternation, concatenation, optional parts, classes and repeats", () => {
  assert.deepEqual(lits(/foo|bar/), ["bar", "foo"]);
  assert.deepEqual(lits(/colou?r/), ["color", "colour"]);
  assert.deepEqual(lits(/analy[sz]e/), ["analyse", "analyze"]);
  assert.deepEqual(lits(/\bfix(?:es|ed|ing)?\b/), ["fix"]); // "fixes" & co. contain "fix"
  assert.deepEqual(lits(/a(?:bc){0,2}d/), ["abcbcd", "abcd", "ad"]);
  assert.deepEqual(lits(/x{3}y/), ["xxxy"]);
  assert.deepEqual(lits(/\b(?:unit )?tests?\b/), ["test"]);
  assert.deepEqual(lits(/^(?:please )?rename\b/), ["rename"]);
  // A run breaks at what it cannot spell out (\w+, ., a negated class); the rarer side is kept.
  assert.deepEqual(lits(/\w+ing tests/), ["ing tests"]);
  assert.deepEqual(lits(/[^x]quiz/), ["quiz"]);
  assert.deepEqual(lits(/zebra.{0,40}a/), ["zebra"]);
  // Nothing rare enough to look for: the regex always runs.
  assert.equal(lits(/e.t/), null);
  assert.equal(lits(/\d+/), null);
  assert.equal(lits(/x?y?/), null);
});

test("required literals: assertions and lookarounds add nothing, and nothing is assumed about them", () => {
  assert.deepEqual(lits(/\bplan\b/), ["plan"]);
  assert.deepEqual(lits(/foo(?!bar)/), ["foo"]);
  assert.deepEqual(lits(/(?<!non-null )assertion/), ["assertion"]);
  assert.deepEqual(lits(/(?<=@)user/), ["user"]);
  assert.deepEqual(lits(/instead of(?= it)/), ["instead of"]);
  assert.deepEqual(lits(/\Bing/), ["ing"]);
});

test("required literals: case, escapes and scripts", () => {
  assert.deepEqual(lits(/Error: /, false), ["Error: "]); // case-sensitive regex on the text as it came
  assert.deepEqual(lits(/HeLLo/i), ["hello"]); // `i` on lower-cased text: lower-cased literals
  assert.equal(lits(/hello/i, false), null); // `i` on text that is not lower-cased: not filtered
  assert.equal(lits(/kiss/iu), null); // with `u`, k and s also match K (Kelvin) and ſ
  assert.deepEqual(
    lits(/error\[E\d/),
    Array.from({ length: 10 }, (_, d) => `error[E${d}`),
  );
  assert.deepEqual(lits(/a\.b\/c/), ["a.b/c"]);
  assert.deepEqual(lits(/\x41\u0042/), ["AB"]);
  assert.deepEqual(lits(/переведи|翻译/), ["переведи", "翻译"]);
});

test("required literals: syntax outside the subset read, and stateful flags, leave the regex unfiltered", () => {
  assert.equal(lits(/(ab)\1/), null); // back-reference
  assert.equal(lits(/\p{L}+x/u), null); // property escape
  assert.equal(lits(/\cJfoo/), null); // control escape
  assert.equal(lits(/foo/g), null); // `test` would move lastIndex
  assert.equal(lits(/foo/y), null);
});

test("branches: top-level alternatives become units of their own", () => {
  assert.deepEqual(branches(/\bfoo\b|bar (?:x|y)|\w+/, true), [
    { source: "\\bfoo\\b", literals: ["foo"] },
    { source: "bar (?:x|y)", literals: ["bar x", "bar y"] },
    { source: "\\w+", literals: null },
  ]);
});

test("distribute: the first plain group with alternatives and no quantifier is spelled out, one level", () => {
  assert.deepEqual(distribute("\\b(?:fix|debug)\\b"), ["\\bfix\\b", "\\bdebug\\b"]);
  assert.deepEqual(distribute("a(?:b|c)?d(x|y)(?:e|f)"), ["a(?:b|c)?dx(?:e|f)", "a(?:b|c)?dy(?:e|f)"]);
  assert.deepEqual(distribute("(?<=a|b)(?:c|d)"), ["(?<=a|b)c", "(?<=a|b)d"]);
  assert.deepEqual(distribute("[(](?:a|b)\\)"), ["[(]a\\)", "[(]b\\)"]);
  // Named groups (a name may occur once), quantified groups and single alternatives stay.
  for (const s of ["(?<n>a|b)c", "(?:a|b)+c", "(?:a|b){2}", "(?:ab)c", "a\\(b|c\\)"])
    assert.deepEqual(distribute(s), [s]);
  // Each spelled-out alternative has literals of its own.
  assert.deepEqual(unitsOf(/\b(?:fix|debug)\b|quiz/, true), [
    { source: "\\bfix\\b", literals: ["fix"] },
    { source: "\\bdebug\\b", literals: ["debug"] },
    { source: "quiz", literals: ["quiz"] },
  ]);
});

test("a prefilter over case-sensitive and unreadable regexes still answers like the regexes", () => {
  const table: GatedRegex[] = [
    { re: /Error: |FAILED/, lowerCased: false },
    { re: /(a)\1x/, lowerCased: true },
    { re: /\bdocs?\b|readme/, lowerCased: true },
  ];
  const gate = new Prefilter(table);
  for (const raw of ["Error: boom", "error: boom", "it FAILED", "aax", "see docs/x", "src/docs/readme.md", ""]) {
    const low = raw.toLowerCase();
    const lower = low.replace(PATH_DIRS_RE, "");
    const may = gate.scan(lower, low);
    const want: number[] = [];
    table.forEach((r, i) => {
      const hit = r.re.test(r.lowerCased ? lower : raw);
      if (hit) want.push(i);
      assert.equal(gate.test(may, i, lower, raw), hit, `${r.re} on ${raw}`);
    });
    const out = new Int32Array(table.length);
    const n = gate.matches(gate.scan(lower, low), lower, raw, out, null);
    assert.deepEqual([...out.subarray(0, n)], want, `matches on ${raw}`);
  }
});

test("guarded runs: a lookbehind before each repeated set a match may begin with, nowhere else", () => {
  assert.equal(guardRuns("a|[x]*b"), "a|(?<![x])[x]*b");
  assert.equal(guardRuns("(?:[a-z]+|\\d*)c"), "(?:(?<![a-z])[a-z]+|(?<!\\d)\\d*)c");
  assert.equal(guardRuns(".*x|\\w+y"), "(?<!.).*x|(?<!\\w)\\w+y");
  assert.equal(guardRuns("[\\]a]*q"), "(?<![\\]a])[\\]a]*q");
  // Not at a match's start (a quantified group repeats), lookarounds, named groups, single characters: unchanged.
  for (const s of [
    "(?:[a-z]+)?c",
    "(?:x*y){2}",
    "(x*)+",
    "(?<n>a*)b",
    "(?=a*)b",
    "a*b",
    "b[a-z]*",
    "[]*x",
    "(?:a|[b]*",
  ])
    assert.equal(guardRuns(s), s);
});

test("guarded runs answer `test` like the regex they guard, on generated sources and texts", () => {
  const set = fc.constantFrom("[a1-]", "[^ ]", "\\d", "\\w", "\\S", ".", "[a-z.]");
  const tail = fc.constantFrom("", "\\d", " not ", "x", "1 ", "$", "\\b", "[^a]", "a?\\d[a-z]*");
  const atom = fc.tuple(set, fc.constantFrom("*", "+", "*?"), tail).map(([s, q, t]) => s + q + t);
  const plain = fc.constantFrom("\\ba", "x", "1", "['\"]a");
  const alt = fc.oneof(atom, plain);
  const source = fc
    .tuple(fc.array(alt, { minLength: 1, maxLength: 3 }), fc.boolean(), tail, fc.array(alt, { maxLength: 2 }))
    .map(([g, grouped, rest, more]) => [grouped ? `(?:${g.join("|")})${rest}` : g[0] + rest, ...more].join("|"));
  const text = fc.string({
    unit: fc.constantFrom("a", "b", "1", "2", "-", ".", " ", "n", "o", "t", "x", "\n"),
    maxLength: 30,
  });
  fc.assert(
    fc.property(
      source,
      fc.array(text, { minLength: 1, maxLength: 8 }),
      fc.constantFrom("", "i", "m", "s", "u"),
      (src, ts, f) => {
        const re = new RegExp(src, f);
        const g = new RegExp(guardRuns(src), f);
        for (const t of ts) assert.equal(g.test(t), re.test(t), `${src} → ${guardRuns(src)} on ${JSON.stringify(t)}`);
      },
    ),
    { numRuns: 3000 },
  );
});
