/**
 * The proxy benchmark: start the fake upstream and every target, check each answers correctly, warm up, then
 * for each round and scenario measure direct and the target back to back (so drift hits both alike).
 */
import { buildRequests } from "./bodies.js";
import { type LatencySample, measureLatency, probe, type Target } from "./latency.js";
import { type LoadSample, measureLoad } from "./load.js";
import { rssPeakMb } from "./proc.js";
import { type Budget, bodyOf, loadScenarios, looksRight, type Scenario, scenarios } from "./scenarios.js";
import { type Ctx, DIRECT, type Running, startUpstream, type TargetSpec } from "./targets.js";

export interface Pair<T> {
  target: T;
  direct: T;
}

export interface TargetResult {
  key: string;
  label: string;
  version?: string;
  /** Why the whole target has no numbers. */
  na?: string;
  /** Why one scenario has no numbers. */
  scenarioNa: Record<string, string>;
  c1: Record<string, Pair<LatencySample>[]>;
  c32: Record<string, Pair<LoadSample>[]>;
  rssMb?: number;
}

export interface ProxyResults {
  scenarios: string[];
  loadScenarios: string[];
  bodyBytes: Record<string, number>;
  targets: TargetResult[];
}

interface Live {
  spec: TargetSpec;
  result: TargetResult;
  run?: Running;
}

function targetOf(run: Running, s: Scenario): Target {
  return {
    origin: run.origin,
    path: run.path,
    headers: { ...s.request.headers, ...run.headers, "content-type": "application/json" },
  };
}

function push<T>(m: Record<string, T[]>, key: string, v: T): void {
  const list = m[key] ?? [];
  list.push(v);
  m[key] = list;
}

const short = (e: unknown) =>
  String((e as Error)?.message ?? e)
    .replace(/\s+/g, " ")
    .slice(0, 160);

export async function runProxy(
  specs: TargetSpec[],
  budget: Budget,
  quick: boolean,
  log: (s: string) => void,
): Promise<ProxyResults> {
  const all = scenarios(buildRequests());
  const c32 = loadScenarios(all, quick);
  const upstream = await startUpstream();
  const ctx: Ctx = { upstream: upstream.origin, log };
  const direct = await DIRECT.start(ctx);
  const live: Live[] = specs.map((spec) => ({
    spec,
    result: { key: spec.key, label: spec.label, scenarioNa: {}, c1: {}, c32: {} },
  }));
  try {
    for (const l of live) {
      try {
        log(`starting ${l.spec.key} …`);
        l.run = await l.spec.start(ctx);
        l.result.version = l.run.version;
      } catch (e) {
        l.result.na = short(e);
        log(`  ${l.spec.key}: n/a (${l.result.na})`);
      }
    }
    for (const l of live) {
      if (!l.run) continue;
      for (const s of all) {
        try {
          await probe(targetOf(l.run, s), bodyOf(s), (text) => looksRight(s, text));
          // Warm up under load: a few hundred requests are not enough for the JIT, and a cold hop's CPU/request
          // is dominated by compilation.
          await measureLoad(targetOf(l.run, s), bodyOf(s), budget.connections, budget.warmupSeconds);
          await measureLatency(targetOf(l.run, s), bodyOf(s), { maxMs: 200, maxRequests: 2000, minRequests: 5 });
        } catch (e) {
          l.result.scenarioNa[s.name] = short(e);
          log(`  ${l.spec.key} / ${s.name}: n/a (${l.result.scenarioNa[s.name]})`);
        }
      }
    }
    const usable = (l: Live, s: Scenario) => l.run && !l.result.na && !l.result.scenarioNa[s.name];
    const fail = (l: Live, s: Scenario, e: unknown) => {
      const exited = l.run?.proc?.child.exitCode !== null && l.run?.proc?.child.exitCode !== undefined;
      if (exited) l.result.na = `exited during the run: ${short(l.run?.proc?.output())}`;
      else l.result.scenarioNa[s.name] = short(e);
      log(`  ${l.spec.key} / ${s.name}: ${short(e)}`);
    };
    for (let round = 0; round < budget.rounds; round++) {
      const order = live.map((_, i) => live[(i + round) % live.length] as Live);
      log(`round ${round + 1}/${budget.rounds}: concurrency 1`);
      for (const s of all)
        for (const l of order) {
          if (!usable(l, s)) continue;
          try {
            const d = await measureLatency(targetOf(direct, s), bodyOf(s), budget.c1);
            const t = await measureLatency(targetOf(l.run as Running, s), bodyOf(s), budget.c1);
            push(l.result.c1, s.name, { direct: d, target: t });
          } catch (e) {
            fail(l, s, e);
          }
        }
      log(`round ${round + 1}/${budget.rounds}: concurrency ${budget.connections}`);
      for (const s of c32)
        for (const l of order) {
          if (!usable(l, s)) continue;
          try {
            const d = await measureLoad(targetOf(direct, s), bodyOf(s), budget.connections, budget.c32Seconds);
            const run = l.run as Running;
            const t = await measureLoad(
              targetOf(run, s),
              bodyOf(s),
              budget.connections,
              budget.c32Seconds,
              run.proc?.pid,
            );
            push(l.result.c32, s.name, { direct: d, target: t });
          } catch (e) {
            fail(l, s, e);
          }
        }
    }
    for (const l of live) if (l.run?.proc) l.result.rssMb = rssPeakMb(l.run.proc.pid);
  } finally {
    await Promise.all(live.map((l) => l.run?.stop()));
    await upstream.proc.stop();
  }
  const bodyBytes: Record<string, number> = {};
  for (const s of all) bodyBytes[s.name] = bodyOf(s).length;
  return {
    scenarios: all.map((s) => s.name),
    loadScenarios: c32.map((s) => s.name),
    bodyBytes,
    targets: live.map((l) => l.result),
  };
}
