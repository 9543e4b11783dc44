/**
 * End-to-end: the real Claude Code and Codex CLIs complete a tool-using turn through CodeRouter, routed
 * cross-format, against a scripted fake upstream. Not part of `npm test` (it installs ~200 MB of CLIs).
 *
 *   node --import tsx scripts/e2e-agents/run.ts [options]
 *
 *   --scenario CLIENT=MODEL  claude|codex, forced model id (repeatable; default claude=gpt-5.5 codex=claude-sonnet-5)
 *   --only CLIENT            run only that client's default scenario
 *   --all                    the full matrix: each CLI routed to an Anthropic (Codex only), OpenAI Responses
 *                            (Claude only), OpenAI Chat (deepseek-v4-flash) and Gemini (gemini-3.8-flash) model
 *   --direct                 no router: each CLI talks to the fake upstream in its own format (harness self-test)
 *   --timeout SECONDS        per CLI run (default 150)
 *   --clients-dir DIR        where the CLIs are installed/cached (default $TMPDIR/coderouter-e2e-agents/clients)
 *   --build                  rebuild the router even if dist/ exists
 *   --router-root DIR        run the router from another checkout/copy (default: this repository)
 *   --no-netns               do not isolate the network (default: re-exec under `unshare -n` with only loopback)
 *   --keep                   keep the scratch folder (always kept on failure)
 *
 * Exit 0 when every check passes, 1 otherwise.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type CatalogEntry, type Check, evaluate, expectedFormats } from "./checks.js";
import {
  type ClientId,
  clientsInstalled,
  ensureClients,
  INBOUND,
  type Prepared,
  prepareClaude,
  prepareCodex,
  runClient,
} from "./clients.js";
import { ScriptedUpstream } from "./fake-upstream.js";
import { ensureBuilt, readLedger, startRouter, writeConfig } from "./router.js";
import { startTap } from "./tap.js";

const REPO = resolve(import.meta.dirname, "..", "..");
const DEFAULT_MODELS: Record<ClientId, string> = { claude: "gpt-5.5", codex: "claude-sonnet-5" };
const IN_NETNS = "CODEROUTER_E2E_IN_NETNS";
const ALL: { client: ClientId; model: string }[] = [
  { client: "claude", model: "gpt-5.5" },
  { client: "claude", model: "deepseek-v4-flash" },
  { client: "claude", model: "gemini-3.8-flash" },
  { client: "codex", model: "claude-sonnet-5" },
  { client: "codex", model: "deepseek-v4-flash" },
  { client: "codex", model: "gemini-3.8-flash" },
];

interface Options {
  scenarios: { client: ClientId; model: string }[];
  direct: boolean;
  timeoutMs: number;
  clientsDir: string;
  build: boolean;
  netns: boolean;
  keep: boolean;
  routerRoot: string;
}

function parse(argv: string[]): Options {
  const o: Options = {
    scenarios: [],
    direct: false,
    timeoutMs: 150_000,
    clientsDir: process.env.CODEROUTER_E2E_CLIENTS ?? join(tmpdir(), "coderouter-e2e-agents", "clients"),
    build: false,
    netns: true,
    keep: false,
    routerRoot: REPO,
  };
  const only: ClientId[] = [];
  const isClient = (c: string): c is ClientId => c === "claude" || c === "codex";
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--scenario") {
      const [client, model] = val().split("=");
      if (!isClient(client) || !model) throw new Error("--scenario takes claude=MODEL or codex=MODEL");
      o.scenarios.push({ client, model });
    } else if (a === "--only") {
      const c = val();
      if (!isClient(c)) throw new Error("--only takes claude or codex");
      only.push(c);
    } else if (a === "--all") o.scenarios.push(...ALL);
    else if (a === "--direct") o.direct = true;
    else if (a === "--timeout") o.timeoutMs = Number(val()) * 1000;
    else if (a === "--clients-dir") o.clientsDir = resolve(val());
    else if (a === "--build") o.build = true;
    else if (a === "--no-netns") o.netns = false;
    else if (a === "--keep") o.keep = true;
    else if (a === "--router-root") o.routerRoot = resolve(val());
    else if (a === "-h" || a === "--help") {
      process.stdout.write(`${readFileSync(new URL(import.meta.url), "utf8").split("*/")[0]}*/\n`);
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (o.scenarios.length === 0)
    o.scenarios = (only.length ? only : (["claude", "codex"] as ClientId[])).map((client) => ({
      client,
      model: DEFAULT_MODELS[client],
    }));
  return o;
}

const log = (s: string) => process.stderr.write(`[e2e] ${s}\n`);

/** Model id → upstream format and upstream model name, from the router's catalog (data/catalog.json), if readable. */
function readCatalog(root: string): Record<string, CatalogEntry> | undefined {
  try {
    const cat = JSON.parse(readFileSync(join(root, "data", "catalog.json"), "utf8"));
    return Object.fromEntries((cat.models as (CatalogEntry & { id: string })[]).map((m) => [m.id, m]));
  } catch {
    return undefined;
  }
}

/** Re-runs this script inside a fresh network namespace where only loopback exists (root, or a user namespace). */
function reexecIsolated(argv: string[]): number {
  const inner = [process.execPath, ...process.execArgv, process.argv[1], ...argv];
  const script = 'ip link set lo up && exec "$@"';
  for (const flags of process.getuid?.() === 0 ? [["-n"], ["-rn"]] : [["-rn"]]) {
    const probe = spawnSync("unshare", [...flags, "bash", "-c", "ip link set lo up"], { stdio: "ignore" });
    if (probe.status !== 0) continue;
    log(`isolating the network: unshare ${flags.join(" ")} (only 127.0.0.1 reachable)`);
    const r = spawnSync("unshare", [...flags, "bash", "-c", script, "bash", ...inner], {
      stdio: "inherit",
      env: { ...process.env, [IN_NETNS]: "1" },
    });
    return r.status ?? 1;
  }
  log("unshare -n is not available here: running without network isolation (use --no-netns to silence)");
  return -1;
}

interface Outcome {
  label: string;
  checks: Check[];
  dir: string;
}

async function runScenario(
  o: Options,
  up: ScriptedUpstream,
  scratch: string,
  s: { client: ClientId; model: string },
): Promise<Outcome> {
  const entry = readCatalog(o.routerRoot)?.[s.model];
  const formats = expectedFormats(s.model, entry);
  const label = o.direct
    ? `${s.client} → fake (${INBOUND[s.client]})`
    : `${s.client} → ${s.model} (${formats.join("|")})`;
  const dir = join(scratch, o.direct ? `${s.client}-direct` : `${s.client}-${s.model}`);
  const home = join(dir, "home");
  const workspace = join(dir, "workspace");
  mkdirSync(home, { recursive: true });
  mkdirSync(workspace, { recursive: true });
  writeFileSync(join(workspace, "README.md"), "# scratch workspace for the CodeRouter agent e2e run\n");
  spawnSync("git", ["init", "-q"], { cwd: workspace });
  up.reset();

  let router: Awaited<ReturnType<typeof startRouter>> | undefined;
  let tap: Awaited<ReturnType<typeof startTap>> | undefined;
  let baseUrl = up.url;
  if (!o.direct) {
    const cfgDir = join(dir, "router");
    const file = writeConfig(cfgDir, up.url, s.model);
    router = await startRouter(o.routerRoot, file, join(cfgDir, "data"));
    tap = await startTap(router.url);
    baseUrl = tap.url;
    log(`${label}: router ${router.url} (tap ${tap.url}) → fake upstream ${up.url}`);
  }
  const prepared: Prepared =
    s.client === "claude"
      ? prepareClaude(o.clientsDir, home, workspace, baseUrl)
      : prepareCodex(o.clientsDir, home, workspace, baseUrl);
  log(`${label}: ${prepared.describe}`);
  const run = await runClient(prepared, o.timeoutMs);
  log(`${label}: CLI finished (exit ${run.code ?? run.signal}${run.timedOut ? ", timed out" : ""}) in ${run.ms} ms`);
  await tap?.stop();
  await router?.stop();
  const ledger = router ? await readLedger(join(dir, "router", "data")) : undefined;
  const outFile = join(workspace, "out.txt");
  const checks = evaluate({
    client: s.client,
    inbound: INBOUND[s.client],
    model: o.direct ? undefined : s.model,
    formats,
    upstreamModel: entry?.upstream_id ?? s.model,
    run,
    fileText: existsSync(outFile) ? readFileSync(outFile, "utf8") : undefined,
    seen: up.seen,
    tap: tap?.records,
    ledger,
  });
  writeFileSync(join(dir, "cli.stdout"), run.stdout);
  writeFileSync(join(dir, "cli.stderr"), run.stderr);
  writeFileSync(join(dir, "upstream.json"), JSON.stringify(up.seen, null, 2));
  if (tap) writeFileSync(join(dir, "tap.json"), JSON.stringify(tap.records, null, 2));
  if (router) writeFileSync(join(dir, "router.log"), router.logs());
  writeFileSync(join(dir, "checks.json"), JSON.stringify({ label, ms: run.ms, checks }, null, 2));
  return { label, checks, dir };
}

function table(outcomes: Outcome[]): string {
  const rows = outcomes.flatMap((o) => o.checks.map((c) => [o.label, c.name, c.status, c.detail]));
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), 8));
  const line = (r: string[]) => `${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2].padEnd(w[2])}  ${r[3]}`;
  return [
    line(["scenario", "check", "result", "detail"]),
    line(w.map((n) => "-".repeat(n)).concat("------")),
    ...rows.map(line),
  ].join("\n");
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const o = parse(argv);
  if (!process.env[IN_NETNS]) {
    ensureClients(o.clientsDir, log);
    if (!o.direct) ensureBuilt(o.routerRoot, o.build, log);
    if (o.netns) {
      const code = reexecIsolated(argv.filter((a) => a !== "--build"));
      if (code >= 0) return code;
    }
  } else if (!clientsInstalled(o.clientsDir)) {
    throw new Error(`CLIs missing in ${o.clientsDir}`);
  }
  const scratch = mkdtempSync(join(tmpdir(), "coderouter-e2e-"));
  const up = await new ScriptedUpstream().start();
  log(`fake upstream on ${up.url}; scratch ${scratch}`);
  const outcomes: Outcome[] = [];
  try {
    for (const s of o.scenarios) {
      try {
        outcomes.push(await runScenario(o, up, scratch, s));
      } catch (e) {
        outcomes.push({
          label: `${s.client} → ${s.model}`,
          checks: [{ name: "scenario set up", status: "FAIL", detail: (e as Error).message.split("\n")[0] }],
          dir: scratch,
        });
        log(`${s.client}: ${(e as Error).message}`);
      }
    }
  } finally {
    await up.stop();
  }
  const failed = outcomes.some((x) => x.checks.some((c) => c.status === "FAIL"));
  process.stdout.write(`\n${table(outcomes)}\n\n`);
  process.stdout.write(
    failed
      ? `FAIL — evidence (CLI output, upstream requests, router headers and log) kept in ${scratch}\n`
      : `PASS — ${outcomes.length} scenario(s), all checks passed${o.keep ? ` (kept ${scratch})` : ""}\n`,
  );
  if (!failed && !o.keep) rmSync(scratch, { recursive: true, force: true });
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`[e2e] ${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  },
);
