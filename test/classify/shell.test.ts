import assert from "node:assert/strict";
import { test } from "node:test";
import { classify } from "../../src/classify/index.js";
import { toClassifyInput } from "../../src/classify/input.js";
import { commandFromArgs, commandFromResult, commandKind } from "../../src/classify/shell.js";
import { isPasteOnly } from "../../src/classify/strip.js";

test("reads the command from where each agent records it", () => {
  assert.equal(commandFromResult("$ git status\nOn branch main"), "git status");
  assert.equal(commandFromResult("Bash: List files\n```shell\nls -la src\n```\n```\ntotal 0\n```"), "ls -la src");
  assert.equal(commandFromResult("[execute_command for 'npm test'] Result:\nok"), "npm test");
  assert.equal(commandFromResult("File created successfully at: a.ts"), null);
  assert.equal(commandFromArgs('{"command":"pytest -q","description":"run"}'), "pytest -q");
  assert.equal(commandFromArgs("command=bash -lc rg TODO src\n"), "rg TODO src");
  assert.equal(commandFromArgs("command=git status\ndescription=Show the working tree\n"), "git status");
  assert.equal(commandFromArgs('{"path":"a.ts"}'), null);
});

test("judges what a command did: read, test, check or other", () => {
  for (const c of [
    "ls -la",
    "cd /repo && pwd",
    "git log --oneline | head -5",
    "grep -rn foo src | wc -l",
    "cat src/a.ts",
    "kubectl get pods",
    "minsky tasks list --json",
  ])
    assert.equal(commandKind(c), "read", c);
  for (const c of ["pytest -q tests/", "cd web && npm test", "bun test src/x.test.ts", "go test ./..."])
    assert.equal(commandKind(c), "test", c);
  for (const c of ["npx tsc --noEmit", "cargo build", "pnpm run lint"]) assert.equal(commandKind(c), "check", c);
  for (const c of ["rm -rf dist", "git commit -m x", "echo hi > notes.txt", "node src/index.ts", "npm install x"])
    assert.equal(commandKind(c), "other", c);
  assert.equal(commandKind("ls 2>&1 > /dev/null"), "read");
});

const chat = (messages: unknown[]) =>
  toClassifyInput({ api: "openai-chat", path: "/v1/chat/completions", headers: {}, body: { model: "m", messages } })!;

const run = (id: string, output: string) => [
  {
    role: "assistant",
    content: "",
    tool_calls: [{ id, type: "function", function: { name: "run_terminal_cmd", arguments: "{}" } }],
  },
  { role: "tool", tool_call_id: id, content: output },
];

test("read-only shell commands before any edit are exploration (plan)", () => {
  const c = classify(
    chat([
      { role: "user", content: "we need per-tenant rate limits; look around first" },
      ...run("1", "$ ls src\napi  db  util"),
      ...run("2", "$ cat src/api/limits.ts\nexport const LIMIT = 10;"),
      ...run("3", "$ grep -rn LIMIT src\nsrc/api/limits.ts:1"),
      ...run("4", "$ git log --oneline | head -3\nabc fix\n"),
    ]),
  );
  assert.equal(c.phase, "plan");
  assert.ok(c.signals.some((s) => /4 read-only, no edits yet/.test(s)));
});

test("a failing test run stays the news when the agent only looked around after it", () => {
  const c = classify(
    chat([
      ...run("1", "$ bun test\nsrc/a.test.ts:\n✗ adds [0.1ms]\n\n 3 pass\n 2 fail\n"),
      ...run("2", "$ git status\nOn branch main\nnothing to commit"),
    ]),
  );
  assert.equal(c.phase, "debug");
  assert.ok(c.signals.some((s) => s.includes("bun 2 failed")));
});

test("pasted output without an instruction is shown because something is off", () => {
  const paste = '[\n  {\n    "type": "tool_result",\n    "content": "File created"\n  }\n]\n```';
  assert.ok(isPasteOnly(paste));
  assert.ok(!isPasteOnly("please add a [link] to the README"));
  const c = classify(
    chat([
      { role: "user", content: "the exporter drops some tool_use entries, here is one of them:" },
      { role: "assistant", content: "Can you show me an example?" },
      { role: "user", content: paste },
    ]),
  );
  assert.equal(c.phase, "debug");
  assert.ok(c.signals.includes("developer pasted output without an instruction"));
});
