import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { test } from "node:test";
import fc from "fast-check";
import { analyze } from "../../src/classify/analyze.js";
import { requiredLiterals } from "../../src/classify/prefilter.js";
import { SUMMARY_GATES, testSummary } from "../../src/classify/tool-history.js";
import { readJsonl, rowInput } from "../../src/classify/train.js";

const EVAL = new URL("../fixtures/eval/", import.meta.url).pathname;

test("each summary gate is implied by its regex: every literal the regex requires contains a gate string", () => {
  for (const [re, gate] of SUMMARY_GATES) {
    const lits = requiredLiterals(re, false);
    assert.ok(lits, `${re} has required literals`);
    for (const l of lits)
      assert.ok(
        gate.some((g) => l.includes(g)),
        `${re}: "${l}" contains none of ${gate}`,
      );
  }
});

/** A gate must never skip a regex that would have matched. */
function checkGates(t: string): void {
  for (const [re, gate] of SUMMARY_GATES)
    if (re.test(t) && !gate.some((g) => t.includes(g))) assert.fail(`${re} matches ${JSON.stringify(t)} past ${gate}`);
}

test("summary gates never skip a match: every eval tool result", () => {
  let n = 0;
  for (const f of readdirSync(EVAL).filter((name) => name.endsWith(".jsonl")))
    for (const row of readJsonl(EVAL + f))
      for (const r of analyze(rowInput(row), false).hist.toolResults) {
        checkGates(r);
        n++;
      }
  assert.ok(n > 300, `${n} tool results`);
});

test("summary gates never skip a match: generated runner output", () => {
  const piece = fc.constantFrom(
    "=== ",
    "2 failed",
    ", 3 passed",
    " in 0.1s ===",
    "Tests:  ",
    "1 failed, 4 passed",
    "test result: ok. ",
    "test result: FAILED. ",
    "3 passed; 1 failed",
    "Failed!  - Failed:     1, Passed:     4",
    " 4 pass",
    " 1 fail",
    "12 examples, 2 failures",
    "3 passing",
    "1 failing",
    "75% tests passed, 1 tests failed out of 4",
    "Tests run: 5, Failures: 1, Errors: 0",
    "6 tests completed, 1 failed",
    "6 tests, 0 failures",
    "OK (5 tests, 9 assertions)",
    "Tests: 5, Assertions: 9, Failures: 1.",
    "--- FAIL: TestX",
    "FAIL\tpkg",
    "ok  \tpkg\t0.1s",
    "\n",
    " ",
    "\r",
    "\t",
    "1",
    "x",
    "✓",
    "✗",
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), (ps) => checkGates(ps.join(""))),
    { numRuns: 3000 },
  );
});

test("test summaries are still read (gates open on real output)", () => {
  assert.deepEqual(testSummary("===== 2 failed, 3 passed in 0.12s ====="), { runner: "pytest", failed: 2, passed: 3 });
  assert.deepEqual(testSummary("test result: FAILED. 3 passed; 1 failed"), { runner: "cargo", failed: 1, passed: 3 });
  assert.deepEqual(testSummary("ok  \tgithub.com/x/y\t0.12s"), { runner: "go test", failed: 0, passed: 1 });
  assert.deepEqual(testSummary("12 examples, 2 failures"), { runner: "rspec", failed: 2, passed: 10 });
  assert.equal(testSummary("   1\timport os\n   2\tprint(42)\n"), null);
});
