/**
 * The two agent CLIs: installing them once into a cache folder, preparing a scratch HOME and workspace, and running
 * one non-interactive turn with a timeout — set up the way test/fixtures/clients captured them (same env, flags,
 * pre-seeded ~/.claude.json, Codex custom provider with wire_api="responses").
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export type ClientId = "claude" | "codex";

export const VERSIONS: Record<ClientId, { pkg: string; version: string }> = {
  claude: { pkg: "@anthropic-ai/claude-code", version: "2.1.197" },
  codex: { pkg: "@openai/codex", version: "0.171.0" },
};

/** The inbound API each client speaks to its base URL. */
export const INBOUND: Record<ClientId, "anthropic-messages" | "openai-responses"> = {
  claude: "anthropic-messages",
  codex: "openai-responses",
};

export const API_KEY = "dummy-key";
export const PROMPT = "Create the file out.txt with a greeting in it using the shell, then reply with one word.";
/** Model name Codex asks for (with -m gpt-5.5 it sends plain function tools such as exec_command). */
export const CODEX_REQUESTED_MODEL = "gpt-5.5";

const installedVersion = (dir: string, pkg: string): string | undefined => {
  try {
    return JSON.parse(readFileSync(join(dir, "node_modules", pkg, "package.json"), "utf8")).version;
  } catch {
    return undefined;
  }
};

export function binPath(dir: string, id: ClientId): string {
  return join(dir, "node_modules", ".bin", id);
}

export function clientsInstalled(dir: string): boolean {
  return (Object.keys(VERSIONS) as ClientId[]).every(
    (id) => installedVersion(dir, VERSIONS[id].pkg) === VERSIONS[id].version && existsSync(binPath(dir, id)),
  );
}

/** `npm install --prefix <dir> pkg@ver …` unless the exact versions are already there (the cache). */
export function ensureClients(dir: string, log: (s: string) => void): void {
  if (clientsInstalled(dir)) {
    log(`CLIs cached in ${dir}`);
    return;
  }
  mkdirSync(dir, { recursive: true });
  const specs = Object.values(VERSIONS).map((v) => `${v.pkg}@${v.version}`);
  log(`installing ${specs.join(" ")} into ${dir} …`);
  const r = spawnSync("npm", ["install", "--prefix", dir, "--no-audit", "--no-fund", "--loglevel=error", ...specs], {
    stdio: "inherit",
  });
  if (r.status !== 0 || !clientsInstalled(dir))
    throw new Error(`npm install of the agent CLIs failed (exit ${r.status})`);
}

/** Environment with nothing inherited but the basics: no real keys or base URLs leak into the run. */
function baseEnv(home: string): NodeJS.ProcessEnv {
  const keep = ["PATH", "LANG", "LC_ALL", "TERM", "TMPDIR", "USER", "LOGNAME", "SHELL"];
  const env: NodeJS.ProcessEnv = {};
  for (const k of keep) if (process.env[k]) env[k] = process.env[k];
  env.HOME = home;
  env.NO_COLOR = "1";
  return env;
}

export interface Prepared {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** What the run set up, for the report. */
  describe: string;
}

/** Claude Code: `-p` with ANTHROPIC_BASE_URL, telemetry and updates off, onboarding and the key pre-approved. */
export function prepareClaude(clientsDir: string, home: string, workspace: string, baseUrl: string): Prepared {
  mkdirSync(join(home, ".claude"), { recursive: true });
  writeFileSync(
    join(home, ".claude.json"),
    JSON.stringify(
      {
        hasCompletedOnboarding: true,
        lastOnboardingVersion: VERSIONS.claude.version,
        customApiKeyResponses: { approved: [API_KEY.slice(-20)], rejected: [] },
        projects: { [workspace]: { hasTrustDialogAccepted: true, allowedTools: [] } },
      },
      null,
      2,
    ),
  );
  const env = {
    ...baseEnv(home),
    ANTHROPIC_BASE_URL: baseUrl,
    ANTHROPIC_API_KEY: API_KEY,
    DISABLE_TELEMETRY: "1",
    DISABLE_AUTOUPDATER: "1",
    DISABLE_ERROR_REPORTING: "1",
    DISABLE_BUG_COMMAND: "1",
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
    DISABLE_COST_WARNINGS: "1",
  };
  // `--allowedTools Bash` pre-approves the shell tool (-p cannot ask), as a user's settings would.
  const args = ["-p", PROMPT, "--allowedTools", "Bash", "--max-turns", "4"];
  return {
    command: binPath(clientsDir, "claude"),
    args,
    env,
    cwd: workspace,
    describe: `ANTHROPIC_BASE_URL=${baseUrl} claude ${args.map((a) => JSON.stringify(a)).join(" ")}`,
  };
}

/** Codex: a custom model provider in $HOME/.codex/config.toml with wire_api="responses", analytics/updates off. */
export function prepareCodex(clientsDir: string, home: string, workspace: string, baseUrl: string): Prepared {
  const codexHome = join(home, ".codex");
  mkdirSync(codexHome, { recursive: true });
  writeFileSync(
    join(codexHome, "config.toml"),
    [
      'model_provider = "e2e"',
      `model = "${CODEX_REQUESTED_MODEL}"`,
      "check_for_update_on_startup = false",
      "",
      "[analytics]",
      "enabled = false",
      "",
      "[model_providers.e2e]",
      'name = "e2e"',
      `base_url = "${baseUrl}/v1"`,
      'env_key = "E2E_API_KEY"',
      'wire_api = "responses"',
      "",
    ].join("\n"),
  );
  const env = { ...baseEnv(home), E2E_API_KEY: API_KEY, CODEX_HOME: codexHome };
  const args = [
    "exec",
    "--skip-git-repo-check",
    "--sandbox",
    "workspace-write",
    "--color",
    "never",
    "-m",
    CODEX_REQUESTED_MODEL,
    PROMPT,
  ];
  return {
    command: binPath(clientsDir, "codex"),
    args,
    env,
    cwd: workspace,
    describe: `codex ${args.map((a) => JSON.stringify(a)).join(" ")} (provider base_url=${baseUrl}/v1, wire_api=responses)`,
  };
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  ms: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with stdin closed; on timeout kills its process group (it was started detached, by pid). */
export function runClient(p: Prepared, timeoutMs: number): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(p.command, p.args, {
      cwd: p.cwd,
      env: p.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString("utf8");
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString("utf8");
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {}
    }, timeoutMs);
    const done = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, ms: Date.now() - started, stdout, stderr });
    };
    child.on("error", (e) => {
      stderr += `\nspawn error: ${e.message}`;
      done(null, null);
    });
    child.on("close", done);
  });
}
