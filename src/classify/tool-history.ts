/**
 * Layer 2: evidence from tool traffic — what the last tool results say (tracebacks, compiler errors, test
 * summaries) and what the last tool calls did (edits to tests, writes to .md, read-only exploration).
 */
import type { History } from "./history.js";
import { PHASE_INDEX } from "./rules.js";
import { commandFromResult, commandKind, isRunTool } from "./shell.js";
import { PHASES, type Phase } from "./types.js";

export interface TestSummary {
  runner: string;
  failed: number;
  passed: number;
}

export interface ToolFacts {
  testSummary: TestSummary | null;
  error: string | null;
  edits: number;
  testEdits: number;
  mdWrites: number;
  reads: number;
  runs: number;
  testRuns: number;
  /** Shell commands that only looked (ls, cat, git status, `x list`…), counted among `reads`, not `runs`. */
  shellReads: number;
}

const num = (s: string | undefined): number => (s ? Number.parseInt(s, 10) || 0 : 0);

// Summary regexes, each with strings one of which every match contains (test/classify/tool-history.test.ts checks
// them against the prefilter's reading of the regex): an `includes` that finds none skips the regex, which on a long
// listing full of digits (`cat -n`) would try a match at every digit. (Gates start with a rare character where they
// can: `includes(" pass")` is eight times slower than `includes("pass")` on a text full of spaces.)
const PY_RE = /^=+ [^\n]*\b\d+ (?:passed|failed)\b[^\n]* in [\d.]+s/m;
const JS_RE = /\bTests:?\s+(\d+ (?:failed|passed)[^\n]*)/;
const CARGO_RE = /test result: (?:ok|FAILED)\. (\d+) passed; (\d+) failed/;
const DOTNET_RE = /(?:Passed|Failed)!\s+-\s+Failed:\s+(\d+), Passed:\s+(\d+)/;
const BUN_RE = /^\s*(\d+) pass\s*$/m;
const RSPEC_RE = /(\d+) examples?, (\d+) failures?/;
const MOCHA_RE = /(\d+) passing/;
const CTEST_RE = /\d+% tests passed, (\d+) tests? failed out of (\d+)/;
const JUNIT_RE = /Tests run: (\d+), Failures: (\d+)(?:, Errors: (\d+))?/;
const GRADLE_RE = /(\d+) tests? completed, (\d+) failed/;
const GRADLE_SHORT_RE = /(\d+) tests?, (\d+) failures?\b/;
const PHP_RE = /^OK \((\d+) tests?, \d+ assertions?\)/m;
const PHP_FAIL_RE = /Tests: (\d+), Assertions: \d+, (?:Errors: (\d+), )?Failures: (\d+)/;
const GO_FAIL_RE = /^(?:--- FAIL:|FAIL\s+\S+)/m;
const GO_OK_RE = /^ok\s+\S+\s+[\d.]+s/m;

/** Each summary regex and its gate (strings one of which every match contains). */
export const SUMMARY_GATES: readonly (readonly [RegExp, readonly string[]])[] = [
  [PY_RE, ["pass", "fail"]],
  [JS_RE, ["pass", "fail"]],
  [CARGO_RE, ["result: "]],
  [DOTNET_RE, ["Passed:"]],
  [BUN_RE, ["pass"]],
  [RSPEC_RE, ["xample"]],
  [MOCHA_RE, ["pass"]],
  [CTEST_RE, ["fail"]],
  [JUNIT_RE, ["Failures: "]],
  [GRADLE_RE, ["completed, "]],
  [GRADLE_SHORT_RE, ["fail"]],
  [PHP_RE, ["assertion"]],
  [PHP_FAIL_RE, ["Assertions: "]],
  [GO_FAIL_RE, ["FAIL"]],
  [GO_OK_RE, ["ok"]],
];

/** The gate strings, each once ("pass" and "fail" gate several regexes), and each regex's gate by their numbers. */
const GATE_STRINGS = [...new Set(SUMMARY_GATES.flatMap(([, gate]) => gate))];
const G = new Map(SUMMARY_GATES.map(([re, gate]) => [re, gate.map((s) => GATE_STRINGS.indexOf(s))] as const));

/**
 * Which gate strings the output being read holds, looked up once each (bit i: `GATE_STRINGS[i]` was looked for /
 * found). Reset by `testSummary` for every output; used only within that synchronous call.
 */
let gateKnown = 0;
let gateFound = 0;

function holds(out: string, g: number): boolean {
  const bit = 1 << g;
  if ((gateKnown & bit) === 0) {
    gateKnown |= bit;
    if (out.includes(GATE_STRINGS[g])) gateFound |= bit;
  }
  return (gateFound & bit) !== 0;
}

/** `re.exec(out)` when `out` contains one of the regex's gate strings; otherwise null without running it (no match is possible). */
function gated(re: RegExp, out: string): RegExpExecArray | null {
  const gate = G.get(re) as readonly number[];
  for (let i = 0; i < gate.length; i++) if (holds(out, gate[i])) return re.exec(out);
  return null;
}

/** Recognises a test-runner summary in tool output. */
export function testSummary(out: string): TestSummary | null {
  gateKnown = 0;
  gateFound = 0;
  // pytest: "=== 2 failed, 3 passed in 0.1s ==="
  const py = gated(PY_RE, out);
  if (py)
    return {
      runner: "pytest",
      failed: num(/(\d+) failed/.exec(py[0])?.[1]),
      passed: num(/(\d+) passed/.exec(py[0])?.[1]),
    };
  // jest / vitest: "Tests:       1 failed, 4 passed" / "Tests  1 failed | 4 passed"
  const js = gated(JS_RE, out);
  if (js) {
    const runner = out.includes("vitest") || out.includes("Test Files") ? "vitest" : "jest";
    return { runner, failed: num(/(\d+) failed/.exec(js[1])?.[1]), passed: num(/(\d+) passed/.exec(js[1])?.[1]) };
  }
  // cargo: "test result: FAILED. 3 passed; 1 failed"
  const cargo = gated(CARGO_RE, out);
  if (cargo) return { runner: "cargo", failed: num(cargo[2]), passed: num(cargo[1]) };
  // dotnet: "Failed!  - Failed:     1, Passed:     4"
  const dotnet = gated(DOTNET_RE, out);
  if (dotnet) return { runner: "dotnet", failed: num(dotnet[1]), passed: num(dotnet[2]) };
  // bun: " 4 pass\n 1 fail"
  const bun = gated(BUN_RE, out);
  if (bun) return { runner: "bun", failed: num(/^\s*(\d+) fail\s*$/m.exec(out)?.[1]), passed: num(bun[1]) };
  // rspec: "12 examples, 2 failures"; mocha: "3 passing", "1 failing"
  const rspec = gated(RSPEC_RE, out);
  if (rspec) return { runner: "rspec", failed: num(rspec[2]), passed: num(rspec[1]) - num(rspec[2]) };
  const mocha = gated(MOCHA_RE, out);
  if (mocha) return { runner: "mocha", failed: num(/(\d+) failing/.exec(out)?.[1]), passed: num(mocha[1]) };
  // ctest: "75% tests passed, 1 tests failed out of 4"
  const ctest = gated(CTEST_RE, out);
  if (ctest) return { runner: "ctest", failed: num(ctest[1]), passed: num(ctest[2]) - num(ctest[1]) };
  // JUnit (maven, gradle): "Tests run: 5, Failures: 1, Errors: 0", "6 tests completed, 1 failed", "6 tests, 0 failures"
  const junit = gated(JUNIT_RE, out);
  if (junit) {
    const failed = num(junit[2]) + num(junit[3]);
    return { runner: "junit", failed, passed: num(junit[1]) - failed };
  }
  const gradle = gated(GRADLE_RE, out) ?? gated(GRADLE_SHORT_RE, out);
  if (gradle) return { runner: "junit", failed: num(gradle[2]), passed: num(gradle[1]) - num(gradle[2]) };
  // phpunit: "OK (5 tests, 9 assertions)", "Tests: 5, Assertions: 9, Failures: 1."
  const php = gated(PHP_RE, out);
  if (php) return { runner: "phpunit", failed: 0, passed: num(php[1]) };
  const phpFail = gated(PHP_FAIL_RE, out);
  if (phpFail) {
    const failed = num(phpFail[2]) + num(phpFail[3]);
    return { runner: "phpunit", failed, passed: num(phpFail[1]) - failed };
  }
  // go test: "--- FAIL: TestX", "FAIL\tpkg", "ok  \tpkg\t0.1s"
  const goFail = gated(GO_FAIL_RE, out) !== null;
  if (goFail || gated(GO_OK_RE, out) !== null)
    return { runner: "go test", failed: goFail ? 1 : 0, passed: goFail ? 0 : 1 };
  // generic ✓ / ✗ lists (no mark anywhere: nothing to count)
  const ok = out.includes("✓") || out.includes("✔") ? (out.match(/✓|✔/g) ?? []).length : 0;
  const bad =
    out.includes("✗") || out.includes("✘") || out.includes("✕") || out.includes("×")
      ? (out.match(/✗|✘|✕|×/g) ?? []).length
      : 0;
  if (ok + bad >= 3) return { runner: "tests", failed: bad, passed: ok };
  return null;
}

// Case matters: "FAILED" and "Error:" report a failure, "0 tests failed" does not.
const ERROR_RE =
  /Traceback \(most recent call last\)|\b[A-Z]\w*(?:Error|Exception)\b(?::|\s+at\b)|\b[Ee]rror(?:\[E\d+\]| TS\d+|:)|\bERROR\b|npm ERR!|^npm error |command not found|No such file or directory|^fatal:|panic:|[Ss]egmentation fault|BUILD FAILED|Build failed|Compilation failed|[Cc]annot find module|[Ee]xit(?:ed)?(?: with)? (?:code|status):? [1-9]|HTTP\/\d(?:\.\d)? 5\d\d|DATA RACE|<tool_use_error>|Uncaught|FAILED\b|\.go:\d+:\d+: |[Ii]nvalid option|[Uu]nknown option|[Uu]nrecognized (?:option|argument)|:\d+:\d+: (?:E9\d\d|F8[2-3]\d|F63\d|F7\d\d) /m;

/** First error line in tool output, or null. */
/** Cursor's zsh integration prints this after every command on some machines: noise, not the command failing. */
const SHELL_HOOK_NOISE = "command not found: dump_zsh_state";

export function findError(out: string): string | null {
  const text = out.indexOf(SHELL_HOOK_NOISE) === -1 ? out : out.replaceAll(SHELL_HOOK_NOISE, "");
  const m = ERROR_RE.exec(text);
  if (!m) return null;
  const s = text.lastIndexOf("\n", m.index) + 1;
  const e = text.indexOf("\n", m.index);
  return text.slice(s, e === -1 ? undefined : Math.min(e, s + 120)).trim();
}

/** How agents print a file they read: Cursor "Contents of …", opencode "<path>…", numbered lines (Claude Code "1→"). */
const FILE_CONTENT_RE = /^(?:Contents of \S|<path>|File: \S[^\n]*\n\s*\d|\s*\d+(?:→|\t| \|) )/;

const EDIT_TOOLS =
  /^(?:edit|multiedit|write|apply_patch|edit_file|write_to_file|replace|replace_in_file|str_replace|str_replace_editor|str_replace_based_edit_tool|create_file|write_file|search_replace|notebookedit|insert|patch|create)$/i;
const READ_TOOLS =
  /^(?:read|read_file|read_files|view|cat|grep|glob|ls|list|list_dir|list_directory|list_files|search|codebase_search|grep_search|file_search|search_codebase|search_files|rg|find|webfetch|web_search|fetch|read_many_files|lsp|outline|symbols|task|agent|explore|todowrite|todoread)$/i;
const VIEW_ARGS_RE = /(?:^|[\s"{,])command"?\s*[=:]\s*"?view\b/;
const TEST_PATH =
  /(?:^|[/\\_.-])(?:tests?|specs?|__tests__|testing)(?:[/\\_.-]|$)|\.(?:test|spec)\.\w+|_test\.\w+|test_\w+\.py|Tests?\.cs/i;
const MD_PATH =
  /\.(?:md|mdx|mdc|rst|adoc)\b|(?<!CMakeLists|requirements[\w-]*|constraints)\.txt\b|README|CHANGELOG|LICENSE/i;
const TEST_CMD =
  /\b(?:pytest|py\.test|jest|vitest|mocha|go test|cargo test|npm (?:run )?test|pnpm (?:run )?test|yarn test|bun test|dotnet test|rspec|phpunit|unittest|tox|nox|make test|ctest|gradlew? test|mvn test|mix test|swift test|flutter test)\b/;

export function toolFacts(h: History): ToolFacts {
  const f: ToolFacts = {
    testSummary: null,
    error: null,
    edits: 0,
    testEdits: 0,
    mdWrites: 0,
    reads: 0,
    runs: 0,
    testRuns: 0,
    shellReads: 0,
  };
  const last = h.toolResults[0];
  // The newest result that says something: a failing run followed by "git status" or "ls" is still the news.
  for (let k = 0; k < h.toolResults.length; k++) {
    const r = h.toolResults[k];
    // A file's contents (a read) show code, whatever words it contains ("error: String(e)").
    if (FILE_CONTENT_RE.test(r)) continue;
    f.testSummary = testSummary(r);
    f.error = f.testSummary ? null : findError(r);
    if (f.testSummary || f.error) break;
    const cmd = commandFromResult(r);
    if (!cmd || commandKind(cmd) !== "read") break;
  }
  for (const c of h.toolCalls) {
    const name = c.name.replace(/^.*[.:/]/, "");
    // str_replace_editor (SWE-agent, OpenHands, Anthropic's text editor tool) also views files and directories.
    if (EDIT_TOOLS.test(name) && !VIEW_ARGS_RE.test(c.args)) {
      f.edits++;
      if (TEST_PATH.test(c.args)) f.testEdits++;
      if (MD_PATH.test(c.args)) f.mdWrites++;
    } else if (isRunTool(name)) {
      f.runs++;
      if (TEST_CMD.test(c.args)) f.testRuns++;
    } else if (READ_TOOLS.test(name) || EDIT_TOOLS.test(name)) f.reads++;
  }
  // Files named in tool results / transcript markers: count test and docs edits the call arguments did not show.
  if (h.editPaths.length) {
    let t = 0;
    let d = 0;
    for (const p of h.editPaths) {
      if (TEST_PATH.test(p)) t++;
      else if (MD_PATH.test(p)) d++;
    }
    if (t > f.testEdits) f.testEdits = t;
    if (d > f.mdWrites) f.mdWrites = d;
    if (f.edits === 0) f.edits = h.editPaths.length;
  }
  // Tool output that names the command (Cursor "$ bun test", Claude "Bash: …```shell") counts as a test run too.
  if (last !== undefined && f.testRuns === 0 && TEST_CMD.test(last.slice(0, 300))) f.testRuns++;
  for (const cmd of h.commands) if (commandKind(cmd) === "read") f.shellReads++;
  if (h.commands.length) {
    f.reads += f.shellReads;
    f.runs = Math.max(h.commands.length - f.shellReads, f.runs - f.shellReads, 0);
  }
  return f;
}

const N = PHASES.length;

/** The phase that code edits and green runs carry on: the ask's, unless it asked for a plan (edits end planning). */
function carried(ask: number): number {
  return ask === -1 || ask === PHASE_INDEX.plan ? PHASE_INDEX.implement : ask;
}

const COMMIT_RE = /^git commit\b[^\n]*?-m\s*["']?(\w+)(?:\([^)]*\))?!?:/;
const COMMIT_PHASE: Record<string, Phase> = {
  feat: "implement",
  fix: "debug",
  test: "test",
  tests: "test",
  refactor: "refactor",
  perf: "refactor",
  docs: "document",
  doc: "document",
  style: "small_edit",
};

/** Phase named by the type of the newest conventional commit among the commands, if any. */
function commitKind(commands: string[]): Phase | null {
  for (const c of commands) {
    if (!c.startsWith("git commit")) continue;
    const m = COMMIT_RE.exec(c);
    return m ? (COMMIT_PHASE[m[1].toLowerCase()] ?? null) : null;
  }
  return null;
}

/**
 * Weighted phase evidence from tool facts. `testWork` says test-writing was the work in progress; `ask` is the
 * phase the developer's words asked for (index, or -1 when they say little): edits and a passing run carry it on.
 */
const PLAN_APPROVED = "User has approved your plan";
const QUESTIONS_ANSWERED = "User has answered your questions";

export function toolEvidence(
  f: ToolFacts,
  h: History,
  testWork: boolean,
  signals: string[] | null,
  ask = -1,
): Float64Array {
  const askedToChange = ask !== -1 && ask !== PHASE_INDEX.plan;
  const s = new Float64Array(N);
  const P = PHASE_INDEX;
  const fresh = h.lastIsToolResult;
  const ts = f.testSummary;
  if (ts && fresh) {
    if (ts.failed > 0) {
      if (testWork || f.testEdits > 0) s[P.test] += 2.5;
      else s[P.debug] += 2.5;
      signals?.push(`last tool result: ${ts.runner} ${ts.failed} failed`);
    } else {
      // A green run continues the work in progress: the tests being written, the ask, or the build.
      s[testWork || f.testEdits > 0 ? P.test : carried(ask)] += 1.2;
      signals?.push(`last tool result: ${ts.runner} ${ts.passed} passed`);
    }
  } else if (f.error && fresh) {
    s[P.debug] += f.edits > 0 || f.runs > 0 ? 3.0 : 1.5;
    signals?.push(`last tool result: error (${f.error.slice(0, 60)})`);
  }
  // Claude Code's answer to ExitPlanMode: the plan is approved and building starts now.
  if (fresh && h.toolResults[0]?.startsWith(PLAN_APPROVED)) {
    s[P.implement] += 3.0;
    signals?.push("last tool result: plan approved, start coding");
  }
  // Claude Code's AskUserQuestion answered before any edit: the agent is settling scope and design choices.
  if (fresh && f.edits === 0 && h.toolResults[0]?.startsWith(QUESTIONS_ANSWERED)) {
    s[P.plan] += 2.0;
    signals?.push("last tool result: the developer answered the agent's questions");
  }
  if (f.testEdits > 0) {
    s[P.test] += 1.5 + 0.3 * Math.min(f.testEdits, 3);
    signals?.push("tool calls: edits to test files");
  }
  if (f.mdWrites > 0) {
    s[P.document] += 2.0;
    signals?.push("tool calls: writes to docs");
  }
  if (f.edits > f.testEdits + f.mdWrites) s[carried(ask)] += 0.8;
  if (f.reads >= 2 && f.edits === 0 && f.runs <= 1) {
    // Running something (the program, a build) is checking work, not surveying; and with no developer words in
    // the tail the agent is deep in a task, where reading is as likely a step of the build as a survey before it.
    // After a clear ask to change something (fix, build, document…) reading is the first step of that work.
    const w =
      (f.reads >= 4 ? 2.0 : 1.2) *
      (h.human ? (f.runs === 0 ? 1 : 0.5) : f.runs === 0 ? 0.6 : 0) *
      (askedToChange ? 0.25 : 1);
    if (w > 0) {
      s[P.plan] += w;
      signals?.push(`tool calls: ${f.reads} read-only, no edits yet`);
    }
  }
  if (f.testRuns > 0 && !ts) s[P.test] += 0.6;
  // The agent's latest conventional commit names the kind of work in progress ("test: cover refunds").
  const kind = commitKind(h.commands);
  if (kind) {
    s[P[kind]] += 1.0;
    signals?.push(`last commit: ${kind}`);
  }
  return s;
}
