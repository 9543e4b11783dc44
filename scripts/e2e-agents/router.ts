/**
 * The router under test: build it if dist is missing, write a config that sends every provider to the fake
 * upstream and forces every phase to one model, start `coderouter serve` on a free loopback port, and read its
 * ledger afterwards. (The recording tap in front of it is in tap.ts.)
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

export const PHASES = ["plan", "implement", "debug", "test", "refactor", "document", "small_edit"] as const;
/** Built-in OpenAI-Chat providers, also pointed at the fake upstream (so e.g. deepseek-v4-flash exercises Chat). */
const OPENAI_COMPATIBLE = ["deepseek", "moonshot", "xai", "openrouter"];
const KEY_ENVS = [
  "ANTHROPIC_API_KEY",
  "OPENAI_API_KEY",
  "GEMINI_API_KEY",
  "DEEPSEEK_API_KEY",
  "MOONSHOT_API_KEY",
  "XAI_API_KEY",
  "OPENROUTER_API_KEY",
];

/** Newest modification time of any file under `dir` (0 if it does not exist). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let max = 0;
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (f.isFile()) max = Math.max(max, statSync(join(f.parentPath, f.name)).mtimeMs);
  return max;
}

/** `npm run build` when dist/ is missing, older than src/, or `force`. */
export function ensureBuilt(root: string, force: boolean, log: (s: string) => void): void {
  const entry = join(root, "dist", "cli", "main.js");
  const stale = existsSync(entry) && newest(join(root, "src")) > newest(join(root, "dist"));
  if (existsSync(entry) && !force && !stale) return;
  log(`building the router (npm run build${stale ? ": src/ is newer than dist/" : ""}) …`);
  const r = spawnSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  // tsc still emits when other files have type errors; carry on if the entry point exists.
  if (r.status !== 0)
    log(`npm run build exited ${r.status}${existsSync(entry) ? " (dist emitted anyway, continuing)" : ""}`);
  if (!existsSync(entry)) throw new Error("router build failed: dist/cli/main.js missing");
}

export function writeConfig(dir: string, upstream: string, model: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "coderouter.yaml");
  const policy = PHASES.map((p) => `    ${p}: [${model}]`).join("\n");
  writeFileSync(
    file,
    [
      "providers:",
      `  anthropic: {base_url: ${upstream}}`,
      `  openai: {base_url: ${upstream}/v1}`,
      `  google: {base_url: ${upstream}}`,
      ...OPENAI_COMPATIBLE.map((id) => `  ${id}: {base_url: ${upstream}/v1}`),
      "routing:",
      "  policy:",
      policy,
      `data_dir: ${join(dir, "data")}`,
      "",
    ].join("\n"),
  );
  return file;
}

export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export interface RunningRouter {
  url: string;
  child: ChildProcess;
  logs: () => string;
  stop: () => Promise<void>;
}

export async function startRouter(root: string, configFile: string, dataDir: string): Promise<RunningRouter> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...Object.fromEntries(KEY_ENVS.map((k) => [k, "dummy"])),
    CODEROUTER_DATA: dataDir,
    CODEROUTER_LOG_LEVEL: "info",
  };
  const child = spawn(
    process.execPath,
    [
      join(root, "bin", "coderouter.js"),
      "serve",
      "--config",
      configFile,
      "--port",
      String(port),
      "--host",
      "127.0.0.1",
    ],
    { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  child.stdout?.on("data", (c: Buffer) => {
    out += c.toString("utf8");
  });
  child.stderr?.on("data", (c: Buffer) => {
    out += c.toString("utf8");
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(t);
    }
  };
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`router exited ${child.exitCode} at startup:\n${out.slice(-2000)}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return { url, child, logs: () => out, stop };
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`router did not answer /healthz within 20s:\n${out.slice(-2000)}`);
}

export interface LedgerRow {
  api: string;
  requested_model: string | null;
  model: string | null;
  provider: string | null;
  status: number;
  phase: string | null;
  agent: string;
}

/** Rows of `<data_dir>/ledger.db` (read after the router stopped and flushed), or why they could not be read. */
export async function readLedger(dataDir: string): Promise<LedgerRow[] | string> {
  const file = join(dataDir, "ledger.db");
  if (!existsSync(file)) return `no ledger at ${file}`;
  try {
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(file, { readonly: true });
    try {
      return db
        .prepare("SELECT api, requested_model, model, provider, status, phase, agent FROM requests ORDER BY ts")
        .all() as LedgerRow[];
    } finally {
      db.close();
    }
  } catch (e) {
    return `ledger unreadable: ${(e as Error).message}`;
  }
}
