/**
 * Shell commands the agent ran, read from where agents record them — call arguments (`command=…`, Codex argv
 * arrays) or the head of the result (Cursor "$ cmd", Claude transcripts "Bash: … ```shell cmd```", Cline
 * "[execute_command for 'cmd']") — and what kind of step each one was.
 */

export type CommandKind = "read" | "test" | "check" | "other";

const RUN_TOOLS =
  /^(?:bash|execute_bash|shell|run_terminal_cmd|run_commands|exec_command|exec|run_shell_command|execute_command|terminal|powershell|local_shell|run)$/i;

/** A tool that runs shell commands (the name without any namespace prefix). */
export function isRunTool(name: string): boolean {
  return RUN_TOOLS.test(name.replace(/^.*[.:/]/, ""));
}

const RESULT_CMD_RE =
  /^(?:\$ ([^\n]{1,300})|Bash:[^\n]{0,200}\n```(?:shell|bash|sh|console)?\n([^\n]{1,300})|\[execute_command for '([^'\n]{1,300})'\])/;
const ARGS_CMD_RE = /(?:^|[\s"{,])(?:command|cmd)"?\s*[=:]\s*"?([^\n"]{1,300})/;

/** The command at the head of a tool result, or null. */
export function commandFromResult(out: string): string | null {
  const m = RESULT_CMD_RE.exec(out);
  return m ? (m[1] ?? m[2] ?? m[3]).trim() : null;
}

/** The command in a run tool's arguments (`command=…`, JSON `"command": "…"`, argv joined), or null. */
export function commandFromArgs(args: string): string | null {
  const m = ARGS_CMD_RE.exec(args);
  if (!m) return null;
  // Codex wraps commands in a login shell: "bash -lc ls src" → "ls src".
  return m[1].replace(/^(?:ba|z)?sh -l?c /, "").trim() || null;
}

const TEST_RE =
  /^(?:\S+\/)?(?:pytest|py\.test|jest|vitest|mocha|rspec|phpunit|tox|nox)\b|^(?:go test|cargo (?:test|nextest)|dotnet test|bun test|deno test|mix test|swift test|(?:npm|pnpm|yarn|bun) (?:run )?test(?::\S+)?|npx (?:jest|vitest|mocha|playwright test)|python3? -m (?:pytest|unittest)|uv run (?:pytest|python -m pytest)|make (?:test|check))\b/;
// Builds, type checks, linters and formatters in check mode: verifying work, neither reading nor writing code.
const CHECK_RE =
  /^(?:tsc|mypy|pyright|ruff|eslint|biome|flake8|pylint|cargo (?:build|check|clippy)|go (?:build|vet)|dotnet build|(?:npm|pnpm|yarn|bun) (?:run )?(?:build|lint|typecheck|type-check|check|ci)\b|npx (?:tsc|eslint|biome)|make\b|gradle|mvn)\b/;
// Commands that only look: listings, file views, searches, VCS inspection, and any CLI's get/list/show/status.
const READ_RE =
  /^(?:ls|ll|la|pwd|cat|bat|less|more|head|tail|grep|egrep|rg|ag|ack|find|fd|tree|wc|file|stat|which|whereis|type|echo|env|printenv|ps|du|df|jq|yq|sort|uniq|diff|cut|awk|sed -n|nl|realpath|basename|dirname|date|whoami|uname|git (?:status|log|diff|show|branch|remote|blame|ls-files|rev-parse|describe|shortlog|reflog|grep)|(?:npm|pnpm|yarn) (?:ls|list|view|info|why|outdated)|pip3? (?:list|show|freeze)|uv pip list|cargo tree|go (?:list|doc|env)|docker (?:ps|images|logs|inspect)|kubectl (?:get|describe|logs)|gh (?:pr|issue|run) (?:view|list|diff|checks))\b|^[\w.-]+(?: [\w.#'"-]+){0,2} (?:get|list|ls|status|show|info|describe|view|help|--help|-h|--version)(?:\s|$)/;

const REDIRECT_RE = /(?<![2&])>{1,2}\s*(?!&|\/dev\/null)\S/;

/** Splits a command line on `&&`, `;`, `||` and pipes and judges every part; `cd` parts say nothing. */
export function commandKind(cmd: string): CommandKind {
  let sawRead = false;
  let sawCheck = false;
  for (const raw of cmd.split(/\s*(?:&&|\|\||;|\|)\s*/)) {
    const part = raw.trim().replace(/^(?:sudo |time |env \S+=\S+ )+/, "");
    if (!part) continue;
    if (/^cd\b/.test(part)) {
      sawRead = true;
      continue;
    }
    // Output redirected into a file writes it ("echo x > a.txt"); "2>&1" and "> /dev/null" do not.
    if (REDIRECT_RE.test(part)) return "other";
    if (TEST_RE.test(part)) return "test";
    if (CHECK_RE.test(part)) sawCheck = true;
    else if (READ_RE.test(part)) sawRead = true;
    else return "other";
  }
  return sawCheck ? "check" : sawRead ? "read" : "other";
}
