/**
 * `npm run bench -- --profile`: CodeRouter under concurrency-32 load with `node --cpu-prof`, then the top
 * self-time functions and files of the .cpuprofile (time per sample = the profile's own timeDeltas).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { buildRequests } from "./bodies.js";
import { ROOT, WORK_DIR } from "./child.js";
import { measureLoad } from "./load.js";
import { bodyOf, type Scenario, scenarios } from "./scenarios.js";
import { type Ctx, startUpstream, type TargetSpec } from "./targets.js";

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: CpuNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Hotspot {
  name: string;
  where: string;
  selfMs: number;
  pct: number;
}

function shortUrl(url: string): string {
  if (!url) return "(native)";
  const path = url.replace(/^file:\/\//, "");
  const nm = path.lastIndexOf("node_modules/");
  if (nm >= 0) return path.slice(nm + "node_modules/".length);
  return path.startsWith("/") ? relative(ROOT, path) : path;
}

/**
 * Total (self + callees) time of the project's own functions (dist/ or src/), counted once per stack even when
 * a function recurses: where the router's time goes by stage (parse, classify, route, price, ledger …).
 */
export function inclusive(p: CpuProfile, top = 15): Hotspot[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  let total = 0;
  const acc = new Map<string, Hotspot>();
  for (const [id, t] of self) {
    if ((byId.get(id) as CpuNode).callFrame.functionName === "(idle)") continue;
    total += t;
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const cf = (byId.get(cur) as CpuNode).callFrame;
      if (!/\/(dist|src)\//.test(cf.url) || cf.url.includes("node_modules")) continue;
      const where = `${shortUrl(cf.url)}:${cf.lineNumber + 1}`;
      const key = `${cf.functionName}@${where}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const h = acc.get(key) ?? { name: cf.functionName || "(anonymous)", where, selfMs: 0, pct: 0 };
      h.selfMs += t;
      acc.set(key, h);
    }
  }
  return [...acc.values()]
    .map((h) => ({ ...h, pct: (100 * h.selfMs) / total }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top);
}

/** Self time per function (and per file), largest first; idle time left out. */
export function summarise(p: CpuProfile, top = 20): { functions: Hotspot[]; files: Hotspot[]; totalMs: number } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  const idle = new Set(p.nodes.filter((n) => n.callFrame.functionName === "(idle)").map((n) => n.id));
  const totalMs = [...self.entries()].reduce((a, [id, t]) => (idle.has(id) ? a : a + t), 0);
  const fn = new Map<string, Hotspot>();
  const file = new Map<string, Hotspot>();
  for (const [id, t] of self) {
    const cf = (byId.get(id) as CpuNode).callFrame;
    if (cf.functionName === "(idle)") continue;
    const where = shortUrl(cf.url);
    const name = cf.functionName || "(anonymous)";
    const key = `${name}@${where}:${cf.lineNumber + 1}`;
    const f = fn.get(key) ?? { name, where: cf.url ? `${where}:${cf.lineNumber + 1}` : where, selfMs: 0, pct: 0 };
    f.selfMs += t;
    fn.set(key, f);
    const g = file.get(where) ?? { name: where, where, selfMs: 0, pct: 0 };
    g.selfMs += t;
    file.set(where, g);
  }
  const rank = (m: Map<string, Hotspot>) =>
    [...m.values()]
      .map((h) => ({ ...h, pct: (100 * h.selfMs) / totalMs }))
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, top);
  return { functions: rank(fn), files: rank(file), totalMs };
}

function hotspotTable(title: string, hs: Hotspot[], withWhere: boolean, kind = "self"): string {
  const head = withWhere
    ? `| ${kind} % | ${kind} ms | function | where |\n|---|---|---|---|`
    : `| ${kind} % | ${kind} ms | file |\n|---|---|---|`;
  const rows = hs.map((h) =>
    withWhere
      ? `| ${h.pct.toFixed(1)} | ${Math.round(h.selfMs)} | \`${h.name}\` | ${h.where} |`
      : `| ${h.pct.toFixed(1)} | ${Math.round(h.selfMs)} | ${h.name} |`,
  );
  return `${title}\n\n${head}\n${rows.join("\n")}`;
}

/** Profile each spec under load on the given scenarios; returns markdown. */
export async function runProfile(specs: TargetSpec[], seconds: number, log: (s: string) => void): Promise<string> {
  const all = scenarios(buildRequests());
  const picked = all.filter((s) => ["2 KB", "2 KB stream", "100 KB"].includes(s.name));
  const upstream = await startUpstream();
  const out: string[] = [];
  try {
    for (const spec of specs) {
      const dir = join(WORK_DIR, "profiles", spec.key);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const ctx: Ctx = { upstream: upstream.origin, log, cpuProfDir: dir };
      let run: Awaited<ReturnType<TargetSpec["start"]>>;
      try {
        run = await spec.start(ctx);
      } catch (e) {
        out.push(`### ${spec.label}\n\nn/a: ${(e as Error).message}`);
        continue;
      }
      const done: string[] = [];
      for (const s of picked as Scenario[]) {
        const t = {
          origin: run.origin,
          path: run.path,
          headers: { ...s.request.headers, ...run.headers, "content-type": "application/json" },
        };
        const r = await measureLoad(t, bodyOf(s), 32, seconds, run.proc?.pid);
        done.push(
          `${s.name}: ${Math.round(r.rps).toLocaleString("en-US")} req/s, ${r.cpuMsPerReq?.toFixed(3) ?? "?"} CPU ms/req`,
        );
        log(`  profile ${spec.key} ${done.at(-1)}`);
      }
      await run.stop();
      const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
      if (!file) {
        out.push(`### ${spec.label}\n\nno .cpuprofile written (did the process exit cleanly on SIGTERM?)`);
        continue;
      }
      const prof = JSON.parse(readFileSync(join(dir, file), "utf8")) as CpuProfile;
      const sum = summarise(prof);
      out.push(
        [
          `### ${spec.label}`,
          `Load: c=32, ${seconds} s each — ${done.join("; ")}. Profile: ${relative(ROOT, join(dir, file))} (${Math.round(sum.totalMs)} ms sampled).`,
          hotspotTable("Top self time by function:", sum.functions, true),
          hotspotTable("Top self time by file:", sum.files.slice(0, 12), false),
          hotspotTable("CodeRouter's own functions by total time (self + callees):", inclusive(prof), true, "total"),
        ].join("\n\n"),
      );
    }
  } finally {
    await upstream.proc.stop();
  }
  return out.join("\n\n");
}
