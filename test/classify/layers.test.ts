import assert from "node:assert/strict";
import { test } from "node:test";
import { classify, PHASES, type Phase } from "../../src/classify/index.js";
import { toClassifyInput } from "../../src/classify/input.js";
import { textEvidence } from "../../src/classify/rules.js";
import { isContinuation, isFollowUp, stripUserText } from "../../src/classify/strip.js";
import { findError, testSummary } from "../../src/classify/tool-history.js";
import { chat, expectPhases, one } from "./helpers.js";

/** What the text rules alone give `phase` for `text`. */
const ruleWeight = (text: string, phase: Phase) => textEvidence(text, false).scores[PHASES.indexOf(phase)];

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
  expectPhases(cases);
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

test("more test-runner summaries; '0 failed' is not a failure", () => {
  assert.deepEqual(testSummary("75% tests passed, 1 tests failed out of 4"), { runner: "ctest", failed: 1, passed: 3 });
  assert.deepEqual(testSummary("Tests run: 5, Failures: 1, Errors: 1, Skipped: 0"), {
    runner: "junit",
    failed: 2,
    passed: 3,
  });
  assert.equal(testSummary("BUILD SUCCESSFUL in 11s\nOrderServiceTest: 6 tests, 0 failures")?.failed, 0);
  assert.deepEqual(testSummary("OK (5 tests, 9 assertions)"), { runner: "phpunit", failed: 0, passed: 5 });
  assert.equal(findError("100% tests passed, 0 tests failed out of 4"), null);
  assert.equal(findError("Tests: 0 failed, 12 passed"), null);
  assert.ok(findError("FAILED tests/test_a.py::test_x - AssertionError"));
  assert.ok(findError("src/a.py:31:5: F821 undefined name 'Memgraph'"));
  assert.ok(findError("Error: Cannot find module 'x'"));
});

test("more continuations: a remark then 'continue', other languages, thanks", () => {
  for (const t of [
    "there was a timeout error in the chat, please contine",
    "looks good, keep going",
    "sigue",
    "weiter",
    "продолжай",
    "続けて",
    "继续",
    "gracias",
  ])
    assert.ok(isContinuation(t), t);
  for (const t of ["continue the refactor of the billing module into three files", "why did it stop?"])
    assert.ok(!isContinuation(t), t);
});

test("agent context sent as user messages is not the developer's words (aider files, AGENTS.md)", () => {
  for (const t of [
    "I have *added these files to the chat* so you can go ahead and edit them.\n\nsrc/app.py\n```\nprint(1)\n```",
    "Here are summaries of some files present in my git repository.\nDo not propose changes to these files",
    "# AGENTS.md instructions for /repo\n\nUse pnpm.",
  ])
    assert.equal(stripUserText(t).commandOnly, true, t.slice(0, 30));
});

test("phase words: mechanical fixes, renames across files, explaining errors, impact questions", () => {
  const cases: [string, string][] = [
    ["Fix the typo in the error message", "small_edit"],
    ["remove the trailing whitespace in README.md", "small_edit"],
    ["ruff is failing on one thing, fix it", "small_edit"],
    ["src/parser.rs:3:1: F401 'os' imported but unused", "small_edit"],
    ["return 202 instead of 201 from the cancel endpoint", "small_edit"],
    ["make the heading h2 instead of h1 in about.html", "small_edit"],
    ["change the log level of that message from info to debug", "small_edit"],
    ["turn off the beta banner: SHOW_BETA_BANNER=false", "small_edit"],
    ["rename `fetchUserData` to `loadUserProfile` across the codebase", "refactor"],
    ["move the date helpers from utils/index.ts to utils/date.ts", "refactor"],
    ["RevenueCard, OrdersCard and UsersCard are 90% the same. make one StatCard component", "refactor"],
    ["the fix is fine but the function is way too long now, split it up", "refactor"],
    ["what does 'fatal: refusing to merge unrelated histories' mean and how do I get past it", "debug"],
    ["users sometimes see another user's name after login. how could that happen?", "debug"],
    ["docker compose up exits with code 1", "debug"],
    ["why is there 'use client' on some components and not others? what decides that here?", "document"],
    ["If we switch our ORM from TypeORM to Drizzle, what's the blast radius?", "plan"],
    ["Before writing anything, outline how you would add offline sync", "plan"],
    ["how would we add a `--json` output flag to every command?", "plan"],
    ["MassTransit or plain Azure Service Bus SDK for a .NET 8 service? Pros/cons please", "plan"],
    ["test_sync_retries is flaky on CI. make the test deterministic", "test"],
  ];
  expectPhases(cases);
});

test("a named deliverable claims the words describing it: a rule file, a task, a test for a bug", () => {
  // the rule's content talks about tests; the deliverable is the rule file
  assert.equal(
    one("create a rule that specifies that when fixing a bug to first always create a failing test"),
    "document",
  );
  assert.equal(one("make a new task to capture the following work: add a command called `init` with flags"), "plan");
  // the failure words describe the bug the test reproduces
  assert.equal(
    one("Before fixing issue #412 (negative quantities), write a regression test that fails on main"),
    "test",
  );
  assert.equal(one("cover this with tests pls, happy path + errors"), "test");
});

test("aider's auto-commit note is a tool result whose commit type names the work in progress", () => {
  const c = classify(
    chat([
      { role: "user", content: "coverage on this module is bad. bring it up, focus on branches" },
      { role: "assistant", content: "Here are the changes to tests/test_orders.py" },
      { role: "user", content: "I committed the changes with git hash 25a35c6 & commit msg: test: add orders" },
      { role: "assistant", content: "Ok." },
      { role: "user", content: "go ahead" },
    ]),
  );
  assert.equal(c.phase, "test");
  assert.ok(!c.signals.some((s) => s.includes("commit msg")), "the note is not read as the developer's words");
});

test("edits and a green run carry on the phase the words asked for", () => {
  const c = classify(
    chat([
      {
        role: "user",
        content:
          "OrderService and CancellationService both build the DTO inline. extract a publisher bean, pure restructuring",
      },
      {
        role: "assistant",
        content: "Extracting it.",
        tool_calls: [
          { id: "1", type: "function", function: { name: "edit", arguments: '{"filePath":"src/Order.java"}' } },
        ],
      },
      { role: "tool", tool_call_id: "1", content: "Edit applied." },
      {
        role: "assistant",
        content: "Tests should still pass:",
        tool_calls: [
          { id: "2", type: "function", function: { name: "bash", arguments: '{"command":"./gradlew test"}' } },
        ],
      },
      { role: "tool", tool_call_id: "2", content: "BUILD SUCCESSFUL in 11s\nOrderServiceTest: 6 tests, 0 failures" },
    ]),
  );
  assert.equal(c.kind, "tool-continuation");
  assert.equal(c.phase, "refactor");
});

test("follow-ups ask for more of the work in progress", () => {
  for (const t of [
    "also add one for the replay protection",
    "nice. now do the same for admin_handlers.go",
    "next file: money.ts",
    "yes cover the dlq too",
  ])
    assert.ok(isFollowUp(t), t);
  for (const t of ["add a retry button to the error screen", "why is the dlq empty?"]) assert.ok(!isFollowUp(t), t);
  const c = classify(
    chat([
      { role: "user", content: "write unit tests for the date picker" },
      { role: "assistant", content: "Added tests for the default range and min/max dates." },
      { role: "user", content: "ok also add one for the locale prop (de-DE should start weeks on monday)" },
    ]),
  );
  assert.equal(c.phase, "test");
});

test("symptoms without the word error are debug; explain-only asks are document", () => {
  const cases: [string, string][] = [
    ["argparse: my --since flag is always None even when I pass it", "debug"],
    ["the contact form on the landing page doesn't send anything, the button just spins", "debug"],
    ["celery tasks stay in PENDING forever, flower shows 0 tasks received", "debug"],
    ["training loss goes to nan after ~300 steps since I added mixed precision", "debug"],
    ["this report query started returning duplicated rows once I added the LEFT JOIN", "debug"],
    ["rust build broke after I bumped tokio, pls fix", "debug"],
    ["Unresolved reference: viewModels in MainActivity.kt line 23", "debug"],
    ["explain this warning and fix it: Each child in a list should have a unique key prop", "debug"],
    ["add a /healthz endpoint that returns 503 with the failing dependency if postgres is down", "implement"],
    ["what is the useSyncExternalStore call in src/store/board.ts doing? I need to understand it", "document"],
    ["write docs/cli.md documenting every flag of the rollout command", "document"],
    ["QuestPDF vs iText 8 vs something else for invoice PDFs in .NET 8?", "plan"],
    ["investigate how auth works and propose how to add API keys. I want a proposal, not code", "plan"],
    ["coverage for src/utils/money.ts is 54%, get it above 90", "test"],
    ["find_pairs is O(n^2) and takes 40s. make it faster, output must be exactly the same", "refactor"],
  ];
  expectPhases(cases);
});

test("second held-out round: symptoms, owners of failure words, containers, file reads", () => {
  const cases: [string, string][] = [
    ["payments-worker keeps crashlooping after this morning's deploy", "debug"],
    ["tidepool sync panics since i bumped chrono to 0.4.41. can u look", "debug"],
    ["product grid collapses into one column on Safari 17 only, chrome/firefox fine", "debug"],
    ["flake8 is failing in CI on one line, fix it", "small_edit"],
    ["set LOG_LEVEL=info instead of debug in deploy/prod.env", "small_edit"],
    [
      "make `cobalt backup push` show a progress bar while uploading. show bytes/sec and ETA, hide it when stdout isnt a tty",
      "implement",
    ],
    ["write a CHANGELOG entry for 0.9.0 from these: - fix: alpha premultiply bug - feat: unsharp mask", "document"],
    ["the README examples for useFetch are wrong since we changed the signature. fix the docs only", "document"],
    ["hmm what about just using unleash? the platform team runs one already", "plan"],
    ["need to pick a charting lib: recharts vs visx vs echarts. compare them for our use", "plan"],
    ["replace the lodash usages in src/utils with native equivalents, behaviour has to be identical", "refactor"],
  ];
  expectPhases(cases);
  for (const t of ["no, not that one — the one in packages/web", "shorter pls, 5 bullets max"])
    assert.ok(isFollowUp(t), t);
  // a file the agent read may contain the word error; it is code, not a failure
  const read = classify(
    chat([
      { role: "user", content: "explain what src/workers/thumbnail.worker.ts does, I'm new on this codebase" },
      {
        role: "assistant",
        content: "",
        tool_calls: [{ id: "1", type: "function", function: { name: "read_file", arguments: "{}" } }],
      },
      {
        role: "tool",
        tool_call_id: "1",
        content:
          "Contents of src/workers/thumbnail.worker.ts:\n```\nparentPort!.postMessage({ ok: false, error: String(e) })\n```",
      },
    ]),
  );
  assert.equal(read.phase, "document");
});

test("rules whose match ends in '?' or a quote do fire (no word boundary after them)", () => {
  expectPhases([
    ["should we do FSDP or deepspeed zero-3 for the 7B run on 2x8 H100? we're on plain DDP now", "plan"],
    ["is sqlite fine for this? we have 30 users", "plan"],
    ["ok that fixed firefox but now the options page says 'storage.sync is undefined' in firefox", "debug"],
    ["write a github actions workflow: on PR run terraform validate and post the plan as a PR comment", "implement"],
  ]);
});

test("small talk is answered in prose; a greeting before the ask is not work to inherit", () => {
  expectPhases([
    ["hi", "document"],
    ["Hello!", "document"],
    ["yo wassup", "document"],
    ["Hello this is a test at 8:32pm", "document"],
    ["who are you?", "document"],
    ["你是？", "document"],
    ["hey there", "document"],
    // Greetings that open a task leave it to the task's words.
    ["hey let's make a website using HTML CSS and JavaScript", "implement"],
    ["Hi! add a date range picker to the dashboard header", "implement"],
  ]);
  const afterHi = classify(
    chat([
      { role: "user", content: "hi" },
      { role: "assistant", content: "Hello! How can I help?" },
      { role: "user", content: "list the files in the current directory." },
    ]),
  );
  assert.ok(!afterHi.signals.some((s) => s.includes("small talk")), afterHi.signals.join("; "));
});

test("Cline's focus-chain reminder is not the developer's words", () => {
  const reminder =
    "# task_progress RECOMMENDED\n\nWhen starting a new task, it is recommended to include a todo list using the task_progress parameter.\n\n1. Include a todo list using the task_progress parameter in your next tool call\n2. Create a comprehensive checklist of all steps needed\n\n**Benefits of creating a todo/task_progress list now:**\n\t- Clear roadmap for implementation\n";
  const env = "<environment_details>\n# Current Working Directory (/app) Files\nsrc/\n</environment_details>";
  assert.equal(stripUserText(`<task>\nyo wassup\n</task>\n\n${reminder}${env}`).text, "yo wassup");
  const update =
    "# TODO LIST UPDATE REQUIRED - You MUST include the task_progress parameter in your NEXT tool call.\n**Current Progress: 3/7 items completed (43%)**\n- [x] Write the tests\n- [ ] Implement the parser\n";
  assert.equal(stripUserText(`<feedback>\nrename foo to bar\n</feedback>\n${update}${env}`).text, "rename foo to bar");
});

test("PRD → task list → build workflow files name the step; applying a rule file is not writing one", () => {
  expectPhases([
    ["@create-prd.mdc I want to create a web app that lets music directors log in and find musicians' numbers", "plan"],
    ["Now take @prd-contact-directory.md and create tasks using @generate-tasks.mdc", "plan"],
    ["Please start on task 1.1 and use @process-task-list.mdc", "implement"],
    ["create a new rule in .cursor/rules/testing.mdc that says to always run the linter", "document"],
  ]);
});

test("Cursor's Bugbot prompt shape is a defect hunt over a diff", () => {
  expectPhases([
    ["Full Repository Path: d:\\Projects\\shop\nDiff: uncommitted changes", "debug"],
    ["Full Repository Path: /home/me/app\nDiff: branch changes\nBase Branch: main", "debug"],
  ]);
});

test("third-round words: a trailing commit step, 'why' abroad, best practices, what I'm getting, X or Y", () => {
  // "…then commit with message" closing a long build request is its last step, not its deliverable.
  const commitW = (t: string) => ruleWeight(t, "document");
  assert.equal(commitW("commit these changes"), commitW("commit these changes and push them"));
  const long = `Add placeholder pages for the admin section: ${"- admin/x/page.tsx: <h2>X</h2> ".repeat(10)}`;
  assert.ok(commitW(`${long}\n\ncommit these changes`) < commitW("commit these changes") / 2);
  expectPhases([
    // "Why" in another language questions a suggestion as often as a failure.
    ["quindi mi suggerisci di creare una directory frontend solo per nextjs? Ma perchè?", "plan"],
    ["现在有什么best practice吗？", "plan"],
    ["now lets think how we can improve this.", "plan"],
    ["this is what i am getting", "debug"],
    ["will png or svg be better for changing the icon colour when active?", "plan"],
    ["看一下当前打开的文件做了什么？", "document"],
    ["ช่วยสรุปหน้าที่ของไฟล์ launcher.py ให้หน่อย", "document"],
  ]);
});

test("fourth-round words: a commit the developer forbids, which tool to enable, reading in for context", () => {
  const noCommit = classify(
    chat([
      { role: "user", content: "Two sections still have the dark background. Do not commit until I have verified it." },
    ]),
  );
  assert.ok(!noCommit.signals.some((s) => s.includes("commit/pr")), noCommit.signals.join("; "));
  expectPhases([
    ["What plugins should I enable for python development?", "plan"],
    ["Which libraries would you recommend we use for the charts?", "plan"],
    ["Read through the project so you have the full context first", "plan"],
    ["Revisa este proyecto, lee el codigo detenidamente para que te pongas en contexto.", "plan"],
  ]);
});

test("pointing out a call that does not fit its callee is a defect report", () => {
  expectPhases([
    [
      "in the `slip` calculation you use Mathf.Max with 3 values although the function only takes 2. What was intended?",
      "debug",
    ],
    ["you pass a dict here but the method only accepts a list", "debug"],
  ]);
});

test("fifth-round words: a plugin that gets confused, reading the structure to find what to change", () => {
  expectPhases([
    ['If ":OpenTerminal" is used twice, the plugin seems to get confused', "debug"],
    ["你先看一下根目录下的md文件，熟悉结构，我们要改哪个代码才能支持自定义代理呢？", "plan"],
  ]);
});

test("a task or feature spec is not a test spec", () => {
  const testW = (t: string) => ruleWeight(t, "test");
  assert.equal(testW("update the task spec's worklog with what's been done and what remains"), 0);
  assert.equal(testW("write the feature spec for the export command"), 0);
  assert.ok(testW("update the specs for the user model") > 0);
});

test("sixth-round words: VS Code's instructions prompt, Chinese evaluate / is-it-necessary / cannot-display", () => {
  expectPhases([
    [
      "Analyze this codebase to generate or update `.github/copilot-instructions.md` for guiding AI coding agents.",
      "document",
    ],
    ["評估一下 現在我們很多UI介面都是hard-code中文 如果想做成支援i18n 好操作嗎", "plan"],
    ["我新增了 Editor/Bin/win 这个有必要吗 你分析下", "plan"],
    ["分析一下 直接点 tauri embed菜单，tauri都显示不了的", "debug"],
  ]);
});
