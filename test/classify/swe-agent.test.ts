import assert from "node:assert/strict";
import { test } from "node:test";
import { classify } from "../../src/classify/index.js";
import { toClassifyInput } from "../../src/classify/input.js";

// Shapes of SWE-agent trajectories: the 0.x shell interface (commands in fenced blocks, observations as user
// messages ending in its prompt) and 1.x function calling (str_replace_editor / bash / submit tools).
const PROMPT = "\n(Open file: n/a)\n(Current directory: /faker)\nbash-$";
const ISSUE = `We're currently solving the following issue within our repository. Here's the issue text:
ISSUE:
Locales for cs_CZ fake.name_male() shows a female name
\`\`\`
fake.name_male()
# 'Ing. Sára Mašková CSc.'
\`\`\`
INSTRUCTIONS:
Now, you're going to solve this issue on your own. Edit all the files you need to and run any checks or tests that you want.
IMPORTANT TIPS:
1. Always start by trying to replicate the bug that the issues discusses.${PROMPT}`;

const chat = (system: string, messages: unknown[], tools?: unknown[]) =>
  toClassifyInput({
    api: "openai-chat",
    path: "/v1/chat/completions",
    headers: {},
    body: { model: "m", messages: [{ role: "system", content: system }, ...messages], ...(tools ? { tools } : {}) },
  })!;

const SHELL_SYSTEM = "SETTING: You are an autonomous programmer, and you're working directly in the command line.";

test("SWE-agent shell interface: the issue is the ask, observations are tool results", () => {
  const first = classify(chat(SHELL_SYSTEM, [{ role: "user", content: ISSUE }]));
  assert.equal(first.agent, "swe-agent");
  assert.equal(first.phase, "debug", "a bug report to fix");
  assert.equal(first.kind, "main");

  const later = classify(
    chat(SHELL_SYSTEM, [
      { role: "user", content: ISSUE },
      { role: "assistant", content: "Let's reproduce it first.\n```\ncreate reproduce.py\n```" },
      {
        role: "user",
        content: `[File: /faker/reproduce.py (1 lines total)]\n1:${PROMPT.replace("n/a", "/faker/reproduce.py")}`,
      },
      { role: "assistant", content: "Now run it.\n```\npython reproduce.py\n```" },
      {
        role: "user",
        content: `Traceback (most recent call last):\n  File "reproduce.py", line 1\nImportError: cannot import name 'Faker'${PROMPT}`,
      },
    ]),
  );
  assert.equal(later.kind, "tool-continuation", "observations are tool results, not the developer's words");
  assert.equal(later.phase, "debug");
  assert.ok(later.signals.some((s) => s.startsWith("last tool result: error")));
});

const fn = (name: string) => ({ type: "function", function: { name, parameters: { type: "object" } } });
const call = (id: string, name: string, args: object) => ({
  role: "assistant",
  content: "",
  tool_calls: [{ id, type: "function", function: { name, arguments: JSON.stringify(args) } }],
});

test("SWE-agent function calling: viewing files with str_replace_editor is reading, not editing", () => {
  const task = `<uploaded_files>\n/testbed\n</uploaded_files>\nI've uploaded a python code repository in the directory /testbed. Consider the following PR description:\n\n<pr_description>\nAdd a \`--json\` flag to the \`report\` command so that results can be consumed by other tools.\n</pr_description>\n\nCan you help me implement the necessary changes to the repository so that the requirements specified in the <pr_description> are met?`;
  const c = classify(
    chat(
      "You are a helpful assistant that can interact with a computer to solve tasks.",
      [
        { role: "user", content: task },
        call("1", "str_replace_editor", { command: "view", path: "/testbed" }),
        {
          role: "tool",
          tool_call_id: "1",
          content: "Here's the files and directories up to 2 levels deep in /testbed",
        },
        call("2", "str_replace_editor", { command: "view", path: "/testbed/report/cli.py" }),
        { role: "tool", tool_call_id: "2", content: "Here's the result of running `cat -n` on /testbed/report/cli.py" },
      ],
      [fn("bash"), fn("str_replace_editor"), fn("submit")],
    ),
  );
  assert.equal(c.agent, "swe-agent");
  assert.ok(
    c.signals.some((s) => /2 read-only, no edits yet/.test(s)),
    c.signals.join(" | "),
  );
  assert.ok(c.phase === "plan" || c.phase === "implement", c.phase);
});

test("a long issue whose closing tag was clipped away is still read as the issue", () => {
  const long = `<uploaded_files>\n/testbed\n</uploaded_files>\nConsider the following PR description:\n\n<pr_description>\nParsing a date with a timezone offset raises ValueError: unconverted data remains.\n${"Steps and logs follow.\n".repeat(200)}</pr_description>\n\nCan you help me implement the necessary changes to the repository so that the requirements specified in the <pr_description> are met?\n${"Follow these steps to resolve the issue: explore the repo, create a script to reproduce the error, edit the source code, rerun your script, think about edge cases.\n".repeat(8)}`;
  const c = classify(chat(SHELL_SYSTEM, [{ role: "user", content: long }]));
  assert.equal(c.phase, "debug");
  assert.ok(c.signals.includes("the ask is an issue report"));
});
