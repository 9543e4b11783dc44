/**
 * Behaviour found on real chats from public repositories (aider histories, SpecStory exports, Claude Code and Cline
 * transcripts): each case is a kind of message the rules used to get wrong, written afresh.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { classify } from "../../src/classify/index.js";
import { isContinuation, isPasteOnly, stripUserText } from "../../src/classify/strip.js";
import { findError } from "../../src/classify/tool-history.js";
import { anthropic, chat, expectPhases, one } from "./helpers.js";

test("questions about a project in other languages are documentation", () => {
  expectPhases([
    ["这个项目是做什么的", "document"],
    ["me explique como está o funcionamento deste módulo", "document"],
    ["про что этот проект и как он работает?", "document"],
    ["what is this repo?", "document"],
    ["how many services are there in this monorepo?", "document"],
    ["when the user logs out, what is the underlying logic clearing the cache?", "document"],
    ["write a document explaining how the sync engine resolves conflicts", "document"],
    ["give me an outline of what you have done so far", "document"],
  ]);
});

test("symptoms and fix requests in other languages are debug", () => {
  expectPhases([
    ["necesito resolver un problema: el login no está funcionando en producción", "debug"],
    ["verifique se o formulário está funcionando e aplique as correções necessárias", "debug"],
    ["推理速度比预期慢很多，可能是哪里出了问题？", "debug"],
    ["kiểm tra giúp tôi tại sao API trả về lỗi 400", "debug"],
    ["Мне не выдается токен при тестировании через curl", "debug"],
    ["still I can't see the uploaded files in the list", "debug"],
    ["the avatar is not being saved after I pick a new one", "debug"],
    ["i try to deploy with docker and run into troubles with the build step", "debug"],
    ["what does this even mean\n\nfatal: refusing to merge unrelated histories", "debug"],
    ["RuntimeError: CUDA error: device-side assert triggered\nwhat does this mean?", "debug"],
  ]);
});

test("reviews that ask what to change are planning; carrying out a written plan is implementing", () => {
  expectPhases([
    ["analiza el código y dime qué mejoras le harías a la estructura", "plan"],
    ["Help me improve this plan for the storage migration: phase 1 copy, phase 2 dual write", "plan"],
    ["Experiment and try to work out a viable way to import these files", "plan"],
    [
      "Implement the plan as specified, it is attached for your reference. Do NOT edit the plan file itself.",
      "implement",
    ],
    ["@plans/timing.plan.md 根据这个计划执行修改", "implement"],
    ["Yes, the plan is approved. Please proceed with building it phase by phase.", "implement"],
  ]);
});

test("mechanical chores are small edits; mentioned files are references", () => {
  expectPhases([
    ["remove all the comments in the css files", "small_edit"],
    ["kill the process on port 8091", "small_edit"],
    ["pull from github", "small_edit"],
    ["name the file from index.html to start.html", "small_edit"],
    ["@README.txt これを行いたい", "implement"],
    ["the page turns black when I click an operator, fix that", "debug"],
    ["Replace the reason strings in @Sources/Auth/TokenManagerError.swift with enum cases", "refactor"],
    ["declutter the repo: move the debug scripts out of the root path into scripts/", "refactor"],
  ]);
});

test("a paste of machine output with no words of its own is shown because something is off", () => {
  const maven =
    "O]\n[INFO] backend .......... SUCCESS [  0.796 s]\n[INFO] common .......... FAILURE [  0.834 s]\n" +
    "[INFO] ------------------------------------------------\n[INFO] BUILD FAILURE\n" +
    "[ERROR] Failed to execute goal org.springframework.boot:spring-boot-maven-plugin:3.3.3:repackage";
  assert.ok(isPasteOnly(maven));
  assert.equal(classify(chat([{ role: "user", content: maven }])).phase, "debug");
  assert.ok(isPasteOnly("@c:\\Users\\me\\.cursor\\projects\\x\\terminals\\1.txt:406-410"));
  assert.ok(!isPasteOnly("Add a health endpoint.\nIt should return 200.\nAnd the version.\nAnd uptime."));
});

test("VS Code Copilot's continue buttons carry the work on", () => {
  assert.ok(isContinuation('@agent Continue: "Continue to iterate?"'));
  assert.ok(isContinuation("@agent Try Again"));
  const c = classify(
    chat([
      { role: "user", content: "extract the colour helpers into their own module, behaviour must stay the same" },
      { role: "assistant", content: "Moving them now." },
      { role: "user", content: '@agent Continue: "Continue to iterate?"' },
    ]),
  );
  assert.equal(c.phase, "refactor");
});

/** A Claude Code request: the developer's words, one tool call, and its result as the newest turn. */
function afterTool(words: string, name: string, input: unknown, result: string) {
  return classify(
    anthropic([
      { role: "user", content: words },
      { role: "assistant", content: [{ type: "tool_use", id: "t1", name, input }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "t1", content: result }] },
    ]),
  );
}

test("Claude Code's plan approval starts the build", () => {
  const c = afterTool(
    "look at how sessions are stored and plan an export command",
    "ExitPlanMode",
    { plan: "1. add export.ts" },
    "User has approved your plan. You can now start coding. Start with updating your todo list",
  );
  assert.equal(c.phase, "implement");
  assert.ok(c.signals.includes("last tool result: plan approved, start coding"));
});

test("answers to Claude Code's AskUserQuestion before any edit settle the design", () => {
  const c = afterTool(
    "we need a way for members to upload receipts",
    "AskUserQuestion",
    { questions: [] },
    'User has answered your questions: "Where should uploads be stored?"="S3, private bucket"',
  );
  assert.equal(c.phase, "plan");
  assert.ok(c.signals.includes("last tool result: the developer answered the agent's questions"));
});

function cline(system: string, messages: unknown[], tools: string[]) {
  return anthropic(messages, {
    system: [{ type: "text", text: system }],
    tools: tools.map((name) => ({ name, description: name, input_schema: { type: "object" } })),
  });
}

const CLINE_PLAN = "You are Cline, an AI coding agent.\n\n# Plan Mode\n\nYou are in Plan mode. Explore and plan.";

test("Cline's plan mode is evidence the words can outweigh; stale markers are ignored", () => {
  const ask = (text: string) => [{ role: "user", content: [{ type: "text", text }] }];
  // The words are weak: the mode decides.
  assert.equal(classify(cline(CLINE_PLAN, ask("look at the auth module"), ["read_files"])).phase, "plan");
  // The words clearly ask for tests.
  const tests = classify(
    cline(CLINE_PLAN, ask("add unit tests for the ID generator: uuid format, uniqueness, error cases"), ["read_files"]),
  );
  assert.equal(tests.mode, "plan");
  assert.equal(tests.phase, "test");
  // The conversation ran with other tools than this request offers: the envelope (and its mode) is not its own.
  const replayed = classify(
    cline(
      CLINE_PLAN,
      [
        { role: "user", content: [{ type: "text", text: "the import fails on empty rows" }] },
        { role: "assistant", content: [{ type: "tool_use", id: "a", name: "read_file", input: {} }] },
        { role: "user", content: [{ type: "tool_result", tool_use_id: "a", content: "def load(rows): ..." }] },
      ],
      ["read_files", "run_commands"],
    ),
  );
  assert.ok(replayed.signals.some((s) => s.startsWith("plan-mode marker contradicted")));
  // Cline's <environment_details> names the mode of this message, which beats the system prompt.
  const act = classify(
    cline(CLINE_PLAN, ask("fix the crash\n<environment_details>\n# Current Mode\nACT MODE\n</environment_details>"), [
      "read_files",
    ]),
  );
  assert.equal(act.mode, null);
  assert.equal(act.phase, "debug");
});

test("the learned model is a second opinion: the rules pick the phase", () => {
  const c = classify(chat([{ role: "user", content: "write pytest cases for the date parser" }]));
  assert.equal(c.layer, "rules");
  assert.ok(c.signals.some((s) => s === "model agrees" || s.startsWith("model would say")));
});

test("the reason given with a refused tool call is the developer's newest words", () => {
  const refused = (result: string) =>
    classify(
      anthropic([
        { role: "user", content: "make describe_image return the text instead of writing a file" },
        { role: "assistant", content: [{ type: "tool_use", id: "w", name: "write_to_file", input: {} }] },
        { role: "user", content: [{ type: "tool_result", tool_use_id: "w", content: result }] },
      ]),
    );
  const cline = refused(
    "[write_to_file for 'describe.py'] Result:\nThe user denied this operation.\nThe user provided the following feedback:\n<feedback>\nthat crashes with a TypeError, the second argument is the model name\n</feedback>",
  );
  assert.equal(cline.phase, "debug");
  const claude = refused(
    "The user doesn't want to proceed with this tool use. The tool use was rejected. To tell you how to proceed, the user said:\nadd a docstring explaining the parameters first",
  );
  assert.equal(claude.phase, "document");
});

test("Cursor's zsh hook noise is not a failing command", () => {
  assert.equal(
    findError("/Users/me/app\n-rw-r--r-- 1 me staff 1727 package.json\nzsh:1: command not found: dump_zsh_state"),
    null,
  );
  assert.ok(findError("zsh:1: command not found: dump_zsh_state\nzsh: command not found: pnpm"));
});

test("npm 9+ prints failures as 'npm error'", () => {
  assert.ok(findError("npm error code ETARGET\nnpm error notarget No matching version found for tailwindcss@3.4.99."));
  assert.equal(findError("added 12 packages, and audited 13 packages in 2s\nfound 0 vulnerabilities"), null);
});

test("a short message with no phase words of its own carries the work in progress", () => {
  const turn = (last: string) =>
    classify(
      chat([
        { role: "user", content: "the login page crashes when the session expires, find out why" },
        { role: "assistant", content: "It looks like the refresh handler reads a null token." },
        { role: "user", content: last },
      ]),
    ).phase;
  assert.equal(turn("изучи"), "debug");
  assert.equal(turn("there are already scripts for this"), "debug");
  // Words of its own still decide.
  assert.equal(turn("write a regression test for it"), "test");
});

test("Cursor's quick fix hands over an editor diagnostic: advice is a small edit, an error is debugging", () => {
  const quickFix = (
    diagnostic: string,
    tail = "How can I resolve this? If you propose a fix, please make it concise.",
  ) =>
    classify(
      chat([
        { role: "user", content: `For the code present, we get this error:\n\`\`\`\n${diagnostic}\n\`\`\`\n${tail}` },
      ]),
    );
  const lint = quickFix("'formatDate' is declared but its value is never read.");
  assert.equal(lint.phase, "small_edit");
  assert.ok(lint.signals.includes("quick fix of an editor diagnostic: small_edit"));
  assert.equal(quickFix("Remove this unnecessary cast.").phase, "small_edit");
  assert.equal(
    quickFix("Refactor this function to reduce its Cognitive Complexity from 31 to the 15 allowed.").phase,
    "refactor",
  );
  assert.equal(quickFix("Property 'userId' does not exist on type 'Session'.").phase, "debug");
  assert.equal(quickFix('"[" was not closed', "Fix it, verify, and then give a concise explanation.").phase, "debug");
  // An empty diagnostic carries a request injected after it: the request decides.
  const injected = quickFix(
    "",
    "Ah, sorry, it wasn't an error. The user has submitted a change request. Here is the request, please implement it:\n<task>Add a dark mode toggle to the settings page</task>",
  );
  assert.equal(injected.phase, "implement");
  assert.ok(!injected.signals.some((s) => s.startsWith("quick fix")));
});

test("fresh real chats: debugging, bug reports and errors named in passing", () => {
  expectPhases([
    ["Let's keep debugging the sync worker. It starts, logs 'ready', then never picks up a job.", "debug"],
    ["The export button should download a CSV, but it doesn't do anything on Safari", "debug"],
    ["the scanner is not detecting the barcode on dark backgrounds", "debug"],
    ["When I press Save on the invoice form I get the following error:", "debug"],
    ["The deploy stopped with the following traceback, can you look", "debug"],
    ["Why this error? Don't change anything, just explain", "debug"],
    ["players click join and nothing is saved. TELL ME WHY", "debug"],
    // Talking about debugging as a topic is not asking for it.
    ["Add a Debugging section to the settings page with a verbose toggle", "implement"],
  ]);
});

test("fresh real chats: structure, decisions, tasks and questions about the repository", () => {
  expectPhases([
    ["Put all the interfaces in a separate file", "refactor"],
    ["Acme.Billing.Core should be Acme.Billing in all the code and documentation", "refactor"],
    ["优化数据层的结构，使其更简洁", "refactor"],
    ["Which of these three issues would be the easiest to pick up first?", "plan"],
    ["Help me create a comprehensive migration plan for the reporting service", "plan"],
    ["Log options 2 and 3 as a follow-up task, we'll evaluate them later", "plan"],
    ["How do you suggest we change the release flow so this can't happen again", "plan"],
    ["is there any script in this repo that downloads the right chromedriver version?", "document"],
    ["what's the command to start the worker locally?", "document"],
    ["What is the sync helper mentioned in docs/ops.md?", "document"],
    ["tell me the main differences from the old client", "document"],
    ["Write this comparison in a doc and name it clients.md", "document"],
    ["Genera un resumen del propósito de este repositorio", "document"],
    ["Crée une page de connexion avec Firebase Auth", "implement"],
    ["Now create an e2e testsuite for the orders API", "test"],
    ["start the server and help me test the checkout", "test"],
    ["Can you continue with the next story while I review this one?", "implement"],
  ]);
});

test("fresh real chats, round three: lint output, visual symptoms, clarifying questions, agent files", () => {
  expectPhases([
    [
      "bundle exec rubocop\nInspecting 4 files\nC..C\n\nOffenses:\n\napp/models/user.rb:3:9: C: [Correctable] Style/StringLiterals: Prefer double-quoted strings unless you need single quotes.",
      "small_edit",
    ],
    ["the scroll arrows in the carousel are backwards", "debug"],
    ["The avatar is not with the correct size of 32x32", "debug"],
    ["Changing the speed slider has no effect, moves still play instantly", "debug"],
    ["do you have any questions for me before we start?", "plan"],
    ["I copied a couple of agent markdowns from another repo, rewrite them for our stack", "document"],
  ]);
  // aider's /copy-context carries a question for a web chat: the question is the developer's words.
  assert.equal(
    classify(chat([{ role: "user", content: "/copy-context why does the upload fail with a 413 error?" }])).phase,
    "debug",
  );
});

test("Japanese requests to build and to fix; English 'documentation' counts once", () => {
  expectPhases([
    ["ログイン画面にパスワードを表示するボタンを追加して", "implement"],
    ["保存したらリストに反映されるようにできるようにして", "implement"],
    ["なおして", "debug"],
    ["let's clean up our project documentation before the release", "document"],
  ]);
  // "documentation" is one piece of evidence, not an English and a Spanish one.
  const hits = classify(chat([{ role: "user", content: "update the documentation for the export command" }])).signals;
  assert.ok(!hits.includes("text document: intl docs"));
});

test("optimising code is a refactor; optimisation named as a topic to summarise is not", () => {
  expectPhases([
    ["优化状态管理使其更简洁", "refactor"],
    ["请对现有项目进行以下针对性的代码优化", "refactor"],
    ["分析一下本项目应用了哪些技术，从架构、模块、优化等方面总结一下", "document"],
    ["tách file FlowGraph thành các file nhỏ hơn để dễ quản lý", "refactor"],
    ["the new booking is not appeared in the admin list", "debug"],
  ]);
});

test("fresh real chats, round four: custom commands, hand-overs, reviews, requirements", () => {
  expectPhases([
    ["/add-tests", "test"],
    ["the video player is not playing videos after the upload", "debug"],
    ["go through the codebase line by line, find any issues and list the areas for improvement", "plan"],
    ["Before we start, ask me some clarifying questions about the requirements", "plan"],
    ["要件定義を行いたいのでいくつか質問をしてください", "plan"],
    ["Fill in CONVENTIONS.md with our Java conventions and the exception handling approach", "document"],
  ]);
  // aider's own commands keep their meaning: "/add x.py" is a command, not words.
  assert.equal(stripUserText("/add src/x.py").commandOnly, true);
  assert.equal(stripUserText("/add-tests").text, "add tests");
  assert.ok(isContinuation("お任せします"));
});

test("a line wrapped mid-sentence reads on", () => {
  // "exception\nhandling" is exception handling (a feature), not an exception.
  assert.equal(
    one("Fill in CONVENTIONS.md with our layering rules and exception\nhandling via @ControllerAdvice"),
    "document",
  );
  assert.equal(one("how can we\nvalidate the importer and test this step?"), "test");
});

test("issue reports handed over by SWE-agent-style harnesses are bugs unless they ask for a feature", () => {
  const issue = (text: string) =>
    classify(
      chat([
        {
          role: "user",
          content: `We're currently solving the following issue within our repository. Here's the issue text:\nISSUE:\n${text}\n\nINSTRUCTIONS:\nNow, you're going to solve this issue on your own.`,
        },
      ]),
    ).phase;
  assert.equal(issue("`merge_intervals` incorrectly returns overlapping ranges for touching intervals"), "debug");
  assert.equal(
    issue("### Current Behavior\nThe parser drops the last row.\n### Expected Behavior\nAll rows are kept."),
    "debug",
  );
  // mini-swe-agent's lead-in names the issue, it does not ask for a PR description.
  const pr = classify(
    chat([
      {
        role: "user",
        content:
          "<pr_description>\nConsider the following PR description:\nAutodoc skips base classes of mocked modules\n### Describe the bug\nThe rendered page lists no bases.\n</pr_description>",
      },
    ]),
  );
  assert.equal(pr.phase, "debug");
});
