import assert from "node:assert/strict";
import { test } from "node:test";
import { classify } from "../../src/classify/index.js";
import { toClassifyInput } from "../../src/classify/input.js";
import { isContinuation, stripUserText } from "../../src/classify/strip.js";
import { findError, testSummary } from "../../src/classify/tool-history.js";

test("strips agent wrappers down to the user's words", () => {
  assert.equal(
    stripUserText("<system-reminder>\nctx\n</system-reminder>\n\nPlan the retry logic").text,
    "Plan the retry logic",
  );
  assert.equal(stripUserText('"Refactor the chunked method"').text, "Refactor the chunked method");
  assert.equal(
    stripUserText("<current_datetime>2026</current_datetime>\n\nWrite pytest cases").text,
    "Write pytest cases",
  );
  assert.equal(
    stripUserText("fix it\n<environment_details>\nWorking directory: /x\n</environment_details>").text,
    "fix it",
  );
  const ask = stripUserText("/ask how does the cache work?");
  assert.equal(ask.mode, "ask");
  assert.equal(ask.text, "how does the cache work?");
  assert.equal(stripUserText("/add src/app.py").commandOnly, true);
  assert.equal(stripUserText("[[PLAN]] add retries").mode, "plan");
});

test("bare continuations", () => {
  for (const t of ["ok", "continue", "go ahead", "yes do it", "Sounds good, proceed."]) assert.ok(isContinuation(t), t);
  for (const t of ["ok but rename x", "continue with the tests for the parser please"])
    assert.ok(!isContinuation(t), t);
});

test("test-runner summaries", () => {
  assert.deepEqual(testSummary("==== 2 failed, 3 passed in 0.12s ===="), { runner: "pytest", failed: 2, passed: 3 });
  assert.deepEqual(testSummary("Tests:       1 failed, 4 passed, 5 total"), { runner: "jest", failed: 1, passed: 4 });
  assert.equal(testSummary(" Test Files  1 failed | 2 passed (3)\n      Tests  1 failed | 9 passed (10)")?.failed, 1);
  assert.deepEqual(testSummary("test result: FAILED. 3 passed; 1 failed; 0 ignored"), {
    runner: "cargo",
    failed: 1,
    passed: 3,
  });
  assert.deepEqual(testSummary("Failed!  - Failed:     1, Passed:     4, Skipped: 0"), {
    runner: "dotnet",
    failed: 1,
    passed: 4,
  });
  assert.deepEqual(testSummary(" 4 pass\n 1 fail\n"), { runner: "bun", failed: 1, passed: 4 });
  assert.equal(testSummary("--- FAIL: TestX (0.00s)\nFAIL\tpkg\t0.1s")?.failed, 1);
  assert.equal(testSummary("ok  \tgithub.com/a/b\t0.2s")?.failed, 0);
  assert.equal(testSummary("just some output"), null);
  assert.ok(findError('Traceback (most recent call last):\n  File "a.py"\nKeyError: 1'));
  assert.ok(findError("src/a.ts(1,2): error TS2322: nope"));
  assert.equal(findError("all good"), null);
});

function chat(messages: unknown[]) {
  return toClassifyInput({
    api: "openai-chat",
    path: "/v1/chat/completions",
    headers: {},
    body: { model: "m", messages },
  })!;
}

test("tool history: failing run after a code change is debug; failing new tests while writing tests is test", () => {
  const debug = classify(
    chat([
      { role: "user", content: "add retries to the client" },
      {
        role: "assistant",
        content: "Done, running it.",
        tool_calls: [
          {
            id: "1",
            type: "function",
            function: { name: "run_terminal_cmd", arguments: '{"command":"python app.py"}' },
          },
        ],
      },
      {
        role: "tool",
        tool_call_id: "1",
        content:
          "Traceback (most recent call last):\n  File \"app.py\", line 3\nModuleNotFoundError: No module named 'x'",
      },
    ]),
  );
  assert.equal(debug.phase, "debug");
  assert.equal(debug.kind, "tool-continuation");
  assert.ok(debug.signals.some((s) => s.startsWith("last tool result: error")));
  const t = classify(
    chat([
      { role: "user", content: "write unit tests for the parser" },
      {
        role: "assistant",
        content: "Added tests, running pytest.",
        tool_calls: [
          {
            id: "1",
            type: "function",
            function: { name: "edit_file", arguments: '{"target_file":"tests/test_parser.py"}' },
          },
        ],
      },
      {
        role: "tool",
        tool_call_id: "1",
        content: "FAILED tests/test_parser.py::test_tabs\n==== 1 failed, 4 passed in 0.1s ====",
      },
    ]),
  );
  assert.equal(t.phase, "test");
  assert.ok(t.signals.some((s) => s.includes("pytest 1 failed")));
});

test("classify reads envelopes, fixtures and bare bodies alike", () => {
  const body = { model: "m", messages: [{ role: "user", content: "Fix the typo in the README title" }] };
  const a = classify(toClassifyInput(body)!);
  const b = classify(toClassifyInput({ api: "openai-chat", path: "/v1/chat/completions", headers: {}, body })!);
  const c = classify(toClassifyInput({ request: { path: "/v1/chat/completions", headers: {}, body } })!);
  assert.equal(a.phase, b.phase);
  assert.equal(b.phase, c.phase);
});

test("phase words: agent rule files are docs, approval-first is plan, fixing failing tests is test", () => {
  const one = (text: string) => classify(chat([{ role: "user", content: text }])).phase;
  assert.equal(one("write a cursor rule that explains how to run our migrations"), "document");
  assert.equal(one("update CLAUDE.md with the new build steps"), "document");
  assert.equal(one("whats the current status of the auth work?"), "document");
  assert.equal(
    one("look at the payment flow and suggest changes. dont implement anything without my approval"),
    "plan",
  );
  assert.equal(one("is there a way to run the CLI locally without publishing it?"), "plan");
  assert.equal(one("go ahead and fix the failing tests one by one"), "test");
  // a lint rule is code, not prose
  assert.notEqual(one("add a lint rule that forbids default exports"), "document");
});

test("phase words name the deliverable: decisions, symptoms, test kinds, kept behaviour, doc kinds, one value", () => {
  const one = (text: string) => classify(chat([{ role: "user", content: text }])).phase;
  const cases: [string, string][] = [
    ["zod or yup for validating the signup form?", "plan"],
    ["should we store sessions in redis or in postgres? pros and cons please", "plan"],
    ["the webhook fires twice for every payment since yesterday", "debug"],
    ["expected 3 items, got 4 after the merge step", "debug"],
    ["write property-based tests for the date parser", "test"],
    ["add a regression test that reproduces the overflow, don't fix it yet", "test"],
    ["move the retry helpers out of client.ts into their own module, no behaviour change", "refactor"],
    ["add doxygen comments to the public headers", "document"],
    ["what is this regex doing? nobody remembers", "document"],
    ["set the request timeout to 45 instead of 30", "small_edit"],
    ["bump lodash to 4.17.21", "small_edit"],
    ["you left out the license header", "small_edit"],
    ["there should only be one retry loop", "small_edit"],
  ];
  for (const [text, phase] of cases) assert.equal(one(text), phase, text);
});

test("tool output carried as user text is a tool result (aider /run, Cline results)", () => {
  const aider = classify(
    chat([
      { role: "user", content: "add a --dry-run flag to the sync command" },
      { role: "assistant", content: "Added the flag in sync.py." },
      {
        role: "user",
        content:
          "I ran this command:\n\npython sync.py --dry-run\n\nAnd got this output:\n\nTraceback (most recent call last):\n  File \"sync.py\", line 9\nNameError: name 'dry' is not defined",
      },
    ]),
  );
  assert.equal(aider.kind, "tool-continuation");
  assert.equal(aider.phase, "debug", "a failure right after the change is debug, whatever the ask was");
  const cline = classify(
    chat([
      { role: "user", content: "add pagination to the orders list" },
      { role: "assistant", content: "Let me look at the files." },
      { role: "user", content: "[read_file for 'src/orders.ts'] Result:\nexport function list() {}" },
    ]),
  );
  assert.equal(cline.kind, "tool-continuation");
});
