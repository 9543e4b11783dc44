/** Scoring for labelled sets: accuracy against `label.accept`, macro-F1, per-phase P/R/F1, confusion, slices. */
import { PHASES, type Phase } from "./types.js";

export interface Scored {
  pred: Phase;
  confidence: number;
  gold: Phase;
  accept: Phase[];
  agent: string;
  toolResult: boolean;
  latencyUs: number;
  /** Which layer decided (the CV path keeps fingerprint decisions). */
  layer?: string;
}

export interface PhaseStats {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Report {
  n: number;
  accuracy: number;
  macro_f1: number;
  per_phase: Record<Phase, PhaseStats>;
  /** confusion[gold][pred]; gold is the accepted phase that was predicted when there is one. */
  confusion: Record<Phase, Record<Phase, number>>;
  per_agent: Record<string, { n: number; accuracy: number }>;
  tool_result_turns: { n: number; accuracy: number };
  coverage_at_0_8: { coverage: number; accuracy: number };
  latency_us: { p50: number; p99: number; max: number };
}

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

export function score(items: Scored[]): Report {
  const conf = Object.fromEntries(
    PHASES.map((g) => [g, Object.fromEntries(PHASES.map((p) => [p, 0]))]),
  ) as Report["confusion"];
  let correct = 0;
  const agents: Record<string, { n: number; c: number }> = {};
  let trN = 0;
  let trC = 0;
  let covN = 0;
  let covC = 0;
  for (const it of items) {
    const ok = it.accept.includes(it.pred);
    const gold = ok ? it.pred : it.gold;
    conf[gold][it.pred]++;
    if (ok) correct++;
    agents[it.agent] ??= { n: 0, c: 0 };
    const a = agents[it.agent];
    a.n++;
    if (ok) a.c++;
    if (it.toolResult) {
      trN++;
      if (ok) trC++;
    }
    if (it.confidence >= 0.8) {
      covN++;
      if (ok) covC++;
    }
  }
  const per = {} as Record<Phase, PhaseStats>;
  let f1sum = 0;
  for (const p of PHASES) {
    const tp = conf[p][p];
    let fp = 0;
    let fn = 0;
    for (const q of PHASES) {
      if (q !== p) {
        fp += conf[q][p];
        fn += conf[p][q];
      }
    }
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    per[p] = { precision: r4(precision), recall: r4(recall), f1: r4(f1), support: tp + fn };
    f1sum += f1;
  }
  const lat = items.map((i) => i.latencyUs).sort((a, b) => a - b);
  return {
    n: items.length,
    accuracy: r4(items.length ? correct / items.length : 0),
    macro_f1: r4(f1sum / PHASES.length),
    per_phase: per,
    confusion: conf,
    per_agent: Object.fromEntries(Object.entries(agents).map(([k, v]) => [k, { n: v.n, accuracy: r4(v.c / v.n) }])),
    tool_result_turns: { n: trN, accuracy: r4(trN ? trC / trN : 0) },
    coverage_at_0_8: { coverage: r4(items.length ? covN / items.length : 0), accuracy: r4(covN ? covC / covN : 0) },
    latency_us: { p50: r4(percentile(lat, 0.5)), p99: r4(percentile(lat, 0.99)), max: r4(lat.at(-1) ?? 0) },
  };
}

/** Human-readable report. */
export function formatReport(r: Report, title = "classifier"): string {
  const L: string[] = [];
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  L.push(`${title}: n=${r.n}  accuracy ${pct(r.accuracy)}  macro-F1 ${r.macro_f1.toFixed(3)}`);
  L.push("");
  L.push("phase        precision  recall   f1      support");
  for (const p of PHASES) {
    const s = r.per_phase[p];
    L.push(
      `${p.padEnd(12)} ${s.precision.toFixed(3).padStart(9)}  ${s.recall.toFixed(3).padStart(6)}  ${s.f1.toFixed(3).padStart(6)}  ${String(s.support).padStart(7)}`,
    );
  }
  L.push("");
  L.push(`confusion (rows gold, columns predicted)`);
  const ab = (p: string) => p.slice(0, 6).padStart(7);
  L.push(`${"".padEnd(12)}${PHASES.map(ab).join("")}`);
  for (const g of PHASES) L.push(`${g.padEnd(12)}${PHASES.map((p) => String(r.confusion[g][p]).padStart(7)).join("")}`);
  L.push("");
  L.push("accuracy per agent");
  for (const [a, v] of Object.entries(r.per_agent).sort((x, y) => y[1].n - x[1].n))
    L.push(`  ${a.padEnd(14)} ${pct(v.accuracy).padStart(6)}  (n=${v.n})`);
  L.push(`tool-result turns: ${pct(r.tool_result_turns.accuracy)} (n=${r.tool_result_turns.n})`);
  L.push(
    `coverage at confidence >= 0.8: ${pct(r.coverage_at_0_8.coverage)} of requests, accuracy there ${pct(r.coverage_at_0_8.accuracy)}`,
  );
  L.push(
    `latency: p50 ${r.latency_us.p50.toFixed(1)} µs, p99 ${r.latency_us.p99.toFixed(1)} µs, max ${r.latency_us.max.toFixed(1)} µs`,
  );
  return `${L.join("\n")}\n`;
}
