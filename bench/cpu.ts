/**
 * `node --import tsx bench/cpu.ts [--bins a=path/to/bin/coderouter.js,b=…] [--targets pass,chat,responses]
 *                                 [--scenarios "2 KB,2 KB stream,100 KB"] [--requests N] [--rounds R]
 *                                 [--connections C] [--profile]`
 * A quick, targeted measure of CodeRouter's own CPU per request: a fixed number of requests (not a fixed time)
 * at modest concurrency, the hop's utime+stime from /proc, median over rounds. With several `--bins` (builds of
 * the router, e.g. before/after a change) every build runs side by side and their rounds alternate, so machine
 * noise hits them alike. Default bin: this checkout's bin/coderouter.js (run `npm run build` first).
 * `--profile` adds node --cpu-prof and prints the top self-time functions and CodeRouter's functions by total.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Pool } from "undici";
import { buildRequests } from "./bodies.js";
import { killAll, type Proc, ROOT, WORK_DIR } from "./child.js";
import { cpuMs } from "./proc.js";
import { inclusive, summarise } from "./profile.js";
import { bodyOf, type Scenario, scenarios } from "./scenarios.js";
import { startCodeRouter, startUpstream } from "./targets.js";

const { values: flags } = parseArgs({
  options: {
    bins: { type: "string", default: `here=${join(ROOT, "bin", "coderouter.js")}` },
    targets: { type: "string", default: "pass,chat,responses" },
    requests: { type: "string", default: "2000" },
    rounds: { type: "string", default: "5" },
    connections: { type: "string", default: "8" },
    scenarios: { type: "string", default: "2 KB,2 KB stream,100 KB" },
    profile: { type: "boolean", default: false },
  },
});

const N = Number(flags.requests);
const ROUNDS = Number(flags.rounds);
const C = Number(flags.connections);

/** The same three configurations as bench/targets.ts: every phase routed to one model. */
const CONFIGS: Record<string, { model: string; models: object[] }> = {
  pass: { model: "claude-sonnet-5", models: [] },
  chat: { model: "gpt-5.5", models: [{ id: "gpt-5.5", provider: "openai", format: "openai-chat" }] },
  responses: { model: "gpt-5.5", models: [] },
};

async function startRouter(bin: string, key: string, upstream: string, profDir?: string) {
  const cfg = CONFIGS[key.split("@")[0]];
  const { proc, port } = await startCodeRouter({
    name: key,
    dir: join(WORK_DIR, "cpu", key),
    bin,
    upstream,
    model: cfg.model,
    models: cfg.models,
    nodeArgs: profDir ? ["--cpu-prof", `--cpu-prof-dir=${profDir}`] : [],
  });
  return { proc, pool: new Pool(`http://127.0.0.1:${port}`, { connections: C, pipelining: 1 }) };
}

async function fire(pool: Pool, headers: Record<string, string>, body: Buffer, n: number) {
  let next = 0;
  let bad = 0;
  const worker = async () => {
    while (next < n) {
      next++;
      const r = await pool.request({ method: "POST", path: "/v1/messages", headers, body });
      await r.body.text();
      if (r.statusCode !== 200) bad++;
    }
  };
  await Promise.all(Array.from({ length: C }, worker));
  return bad;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

function printProfile(label: string, dir: string): void {
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) return;
  const prof = JSON.parse(readFileSync(join(dir, file), "utf8"));
  const sum = summarise(prof, 30);
  process.stdout.write(`\n${label}: ${Math.round(sum.totalMs)} ms sampled (${join(dir, file)}); top self:\n`);
  for (const h of sum.functions) process.stdout.write(`  ${h.pct.toFixed(1).padStart(5)}%  ${h.name}  ${h.where}\n`);
  process.stdout.write("own functions by total time:\n");
  for (const h of inclusive(prof, 40))
    process.stdout.write(`  ${h.pct.toFixed(1).padStart(5)}%  ${h.name}  ${h.where}\n`);
}

async function main(): Promise<void> {
  const bins = (flags.bins ?? "").split(",").map((b) => b.split("=") as [string, string]);
  const wanted = (flags.scenarios ?? "").split(",").map((s) => s.trim());
  const picked = scenarios(buildRequests()).filter((s) => wanted.includes(s.name)) as Scenario[];
  const upstream = await startUpstream();
  try {
    for (const target of (flags.targets ?? "").split(",")) {
      const runs: Array<{ name: string; proc: Proc; pool: Pool; profDir?: string }> = [];
      for (const [name, bin] of bins) {
        const profDir = flags.profile ? join(WORK_DIR, "profiles", `cpu-${target}-${name}`) : undefined;
        if (profDir) {
          rmSync(profDir, { recursive: true, force: true });
          mkdirSync(profDir, { recursive: true });
        }
        runs.push({ name, profDir, ...(await startRouter(bin, `${target}@${name}`, upstream.origin, profDir)) });
      }
      for (const s of picked) {
        const headers = { ...s.request.headers, "content-type": "application/json" };
        const body = bodyOf(s);
        for (const r of runs) await fire(r.pool, headers, body, Math.min(N, 1000)); // warm-up
        const per = runs.map(() => [] as number[]);
        const bad = runs.map(() => 0);
        for (let round = 0; round < ROUNDS; round++) {
          for (let i = 0; i < runs.length; i++) {
            const r = runs[(i + round) % runs.length];
            const k = runs.indexOf(r);
            const c0 = cpuMs(r.proc.pid) ?? 0;
            bad[k] += await fire(r.pool, headers, body, N);
            per[k].push(((cpuMs(r.proc.pid) ?? 0) - c0) / N);
          }
        }
        if (runs.length === 2) {
          // Rounds alternate between the two builds: the per-round difference cancels most of the machine's drift.
          const d = per[1].map((x, i) => x - per[0][i]);
          process.stdout.write(
            `${`${target}: ${runs[1].name} − ${runs[0].name}`.padEnd(31)} ${s.name.padEnd(12)} paired Δ median ${median(d) >= 0 ? "+" : ""}${median(d).toFixed(3)} ms/req  [${d.map((x) => x.toFixed(3)).join(", ")}]\n`,
          );
        }
        runs.forEach((r, k) => {
          process.stdout.write(
            `${`${target}@${r.name}`.padEnd(18)} ${s.name.padEnd(12)} CPU ms/req median ${median(per[k]).toFixed(3)}  [${per[k].map((x) => x.toFixed(3)).join(", ")}]${bad[k] ? `  non-200: ${bad[k]}` : ""}\n`,
          );
        });
      }
      for (const r of runs) {
        await r.pool.close();
        await r.proc.stop();
        if (r.profDir) printProfile(`${target}@${r.name}`, r.profDir);
      }
    }
  } finally {
    await upstream.proc.stop();
  }
}

main().catch((e) => {
  killAll();
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exitCode = 1;
});
