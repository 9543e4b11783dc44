/**
 * `coderouter stats [--since 7d] [--json] [--data DIR] [--config FILE] [--database-url URL] [--export FILE.jsonl]`
 * Reads the same ledger the server writes (SQLite in the data dir, or PostgreSQL when configured).
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../config/load.js";
import type { Config } from "../config/types.js";
import { createLedger, LEDGER_FILE, resolveDataDir } from "../ledger/index.js";
import type { GroupTotals, LedgerStats } from "../ledger/types.js";
import { parseArgs } from "./io.js";

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

const HELP = `usage: coderouter stats [options]
  --since SPAN      7d (default), 24h, 30m, 2w, an ISO date, or "all"
  --json            one JSON object: requests, cost, baseline_cost, savings, per_phase, per_model, …
  --export FILE     write one JSON line per request (replayable by \`coderouter simulate\`); "-" for stdout;
                    exports everything unless --since is given
  --data DIR        SQLite data dir (default ~/.coderouter or CODEROUTER_DATA); wins over a configured database_url
  --config FILE     config file (reads data_dir and database_url)
  --database-url U  PostgreSQL ledger (or CODEROUTER_DATABASE_URL)
`;

/** "7d" → now − 7 days; "all" → 0; ISO dates and epoch ms are accepted. Throws on anything else. */
export function parseSince(spec: string, now = Date.now()): number {
  const s = spec.trim().toLowerCase();
  if (s === "all" || s === "0") return 0;
  const m = /^(\d+(?:\.\d+)?)\s*([smhdw])$/.exec(s);
  if (m) return Math.round(now - Number(m[1]) * UNITS[m[2]]);
  if (/^\d{11,}$/.test(s)) return Number(s);
  const t = Date.parse(spec);
  if (Number.isFinite(t)) return t;
  throw new Error(`--since: cannot read "${spec}" (try 7d, 24h, 30m, 2025-01-31 or all)`);
}

export function money(v: number): string {
  const abs = Math.abs(v);
  return `${v < 0 ? "-" : ""}$${abs >= 100 ? abs.toFixed(2) : abs >= 1 ? abs.toFixed(3) : abs.toFixed(4)}`;
}

const pct = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : "-");
const int = (v: number) => v.toLocaleString("en-US");

function table(headers: string[], rows: string[][], leftCols = 1): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < leftCols ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(headers), ...rows.map(line)].map((l) => `  ${l.trimEnd()}`).join("\n");
}

function groupTable(title: string, groups: Record<string, GroupTotals>, total: number): string {
  const rows = Object.entries(groups).map(([k, g]) => [
    k,
    int(g.requests),
    pct(g.requests, total),
    money(g.cost),
    money(g.baseline_cost),
    pct(g.baseline_cost - g.cost, g.baseline_cost),
  ]);
  if (!rows.length) return "";
  return `${title}\n${table([title.toLowerCase(), "requests", "share", "cost", "baseline", "saved"], rows)}\n`;
}

export function formatStats(s: LedgerStats, where: string, sinceLabel: string): string {
  const out: string[] = [];
  out.push(`CodeRouter ledger (${where}), since ${sinceLabel}\n`);
  const summary: Array<[string, string]> = [
    ["requests", `${int(s.requests)}${s.errors ? ` (${int(s.errors)} errors)` : ""}`],
    ["cost", money(s.cost)],
    ["baseline cost", money(s.baseline_cost)],
    ["savings", `${money(s.savings)} (${s.savings_pct.toFixed(1)}%)`],
    ["tokens in/out", `${int(s.input_tokens)} / ${int(s.output_tokens)}`],
    ["router overhead", `p50 ${s.overhead_ms.p50.toFixed(2)} ms, p99 ${s.overhead_ms.p99.toFixed(2)} ms`],
  ];
  for (const [k, v] of summary) out.push(`  ${k.padEnd(16)} ${v}`);
  out.push("\n");
  if (s.requests === 0) return `${out.join("\n")}\nno requests recorded in this period\n`;
  out.push(groupTable("Phase", s.per_phase, s.requests));
  out.push(groupTable("Model", s.per_model, s.requests));
  out.push(groupTable("Agent", s.per_agent, s.requests));
  if (s.per_session.length) {
    const rows = s.per_session.map((x) => [
      x.session_id.slice(0, 36),
      x.agent,
      int(x.requests),
      money(x.cost),
      money(x.baseline_cost),
    ]);
    out.push(`Top sessions\n${table(["session", "agent", "requests", "cost", "baseline"], rows, 2)}\n`);
  }
  return out
    .filter(Boolean)
    .join("\n")
    .replace(/\n{3,}/g, "\n\n");
}

function readConfig(flags: Record<string, string | true>, err: NodeJS.WritableStream): Config | null {
  const path = typeof flags.config === "string" ? flags.config : undefined;
  try {
    return loadConfig(path);
  } catch (e) {
    if (path) throw e;
    err.write(`coderouter stats: ignoring config (${e instanceof Error ? e.message : String(e)})\n`);
    return null;
  }
}

async function writeExport(
  file: string,
  run: (write: (line: string) => Promise<void>) => Promise<number>,
  stdout: NodeJS.WritableStream,
): Promise<number> {
  const stream = file === "-" ? stdout : createWriteStream(file);
  const n = await run(async (line) => {
    if (!stream.write(`${line}\n`)) await once(stream, "drain");
  });
  if (stream !== stdout) {
    stream.end();
    await once(stream, "finish");
  }
  return n;
}

export async function run(
  args: string[],
  io: { stdout?: NodeJS.WritableStream; stderr?: NodeJS.WritableStream } = {},
): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const { flags } = parseArgs(args, ["json", "help"]);
  if (flags.help || flags.h) {
    stdout.write(HELP);
    return 0;
  }
  let since: number;
  try {
    const spec = typeof flags.since === "string" ? flags.since : flags.export ? "all" : "7d";
    since = parseSince(spec);
  } catch (e) {
    stderr.write(`coderouter stats: ${(e as Error).message}\n`);
    return 2;
  }
  let config: Config | null;
  try {
    config = readConfig(flags, stderr);
  } catch (e) {
    stderr.write(`coderouter stats: ${(e as Error).message}\n`);
    return 2;
  }
  // An explicit --data means the SQLite ledger in that dir, even if a database_url is configured.
  const explicitUrl = typeof flags["database-url"] === "string" ? flags["database-url"] : undefined;
  const databaseUrl =
    explicitUrl ||
    (typeof flags.data === "string" ? undefined : config?.database_url || process.env.CODEROUTER_DATABASE_URL);
  const dataDir = resolveDataDir(typeof flags.data === "string" ? flags.data : undefined, config?.data_dir);
  const where = databaseUrl ? "postgresql" : join(dataDir, LEDGER_FILE);
  const ledger = await createLedger(
    { data_dir: dataDir, database_url: databaseUrl, ledger: config?.ledger },
    { prune: false, env: {} },
  );
  try {
    if (typeof flags.export === "string") {
      const n = await writeExport(flags.export, (w) => ledger.exportJsonl(since, w), stdout);
      stderr.write(`exported ${n} requests to ${flags.export}\n`);
      return 0;
    }
    const stats = await ledger.stats({ sinceMs: since });
    if (flags.json) stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
    else stdout.write(formatStats(stats, where, since === 0 ? "the beginning" : new Date(since).toISOString()));
    return 0;
  } finally {
    await ledger.close();
  }
}
