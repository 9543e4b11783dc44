/**
 * Offline training for the layer-4 model (used by scripts/train-classifier.ts and `coderouter eval --cv`).
 * Multinomial logistic regression, full-batch Adam with L2, class-balanced; temperature fitted on
 * out-of-fold logits so confidences are calibrated.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { analyze, HASH_DIM } from "./analyze.js";
import type { Calibration } from "./calibrate.js";
import { ruleScores, rulesDecide } from "./combine.js";
import { buildRow, isSpec } from "./eval-rows.js";
import { N_DENSE, N_PHASES, type SparseVec } from "./features.js";
import { logits, type Model, type ModelFile, softmax } from "./model.js";
import { type ClassifyInput, PHASES, type Phase } from "./types.js";

export interface LabelledRow {
  id?: string;
  api: ClassifyInput["api"];
  path?: string;
  headers?: Record<string, string>;
  body: unknown;
  label: { phase: Phase; accept?: Phase[]; complexity?: string };
  source?: { agent?: string; repo?: string };
}

/** Rows whose envelopes compact specs (eval-rows.ts) borrow: the shared dev set's. */
export const TEMPLATE_ROWS = "test/fixtures/eval/dev.jsonl";
let templates: LabelledRow[] | undefined;

function parseRows(file: string): unknown[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

/** Labelled rows of a .jsonl file: envelopes as in dev.jsonl, or compact specs built into them (eval-rows.ts). */
export function readJsonl(file: string): LabelledRow[] {
  return parseRows(file).map((row) => {
    if (!isSpec(row)) return row as LabelledRow;
    templates ??= parseRows(new URL(`../../${TEMPLATE_ROWS}`, import.meta.url).pathname) as LabelledRow[];
    return buildRow(row, templates);
  });
}

/**
 * Files named by `pattern`: a path, a glob over the file name (`dir/synthetic*.jsonl`), or several of either
 * separated by commas. Missing files are skipped. Sorted, so training is deterministic.
 */
export function expandFiles(pattern: string): string[] {
  const out: string[] = [];
  for (const part of pattern.split(",").map((s) => s.trim())) {
    if (!part) continue;
    if (!part.includes("*")) {
      if (existsSync(part) && statSync(part).isFile()) out.push(part);
      continue;
    }
    const dir = dirname(part);
    if (!existsSync(dir)) continue;
    const re = new RegExp(
      `^${basename(part)
        .replace(/[.+?^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, ".*")}$`,
    );
    for (const f of readdirSync(dir).sort()) if (re.test(f)) out.push(join(dir, f));
  }
  return [...new Set(out)];
}

/** Every row of every file `pattern` names (see `expandFiles`). */
export function readJsonlFiles(pattern: string): LabelledRow[] {
  return expandFiles(pattern).flatMap(readJsonl);
}

/** Hand-written training rows shipped with the repo (never scored). */
export const SYNTHETIC_GLOB = "test/fixtures/eval/synthetic*.jsonl";

export function rowInput(r: LabelledRow): ClassifyInput {
  return { api: r.api, path: r.path, headers: r.headers ?? {}, body: r.body };
}

export interface Example {
  x: SparseVec;
  y: number;
  accept: number[];
  weight: number;
  /** Rule-layer scores (`ruleScores`); the model learns a correction on top of `offsetScale` × these. */
  rules: Float64Array;
  /** The combiner skips the model for this request (`rulesDecide`): a tool-result turn. */
  rulesDecide?: boolean;
}

export function toExamples(rows: LabelledRow[]): Example[] {
  return rows.map((r) => {
    const a = analyze(rowInput(r), false);
    const y = PHASES.indexOf(r.label.phase);
    if (y < 0) throw new Error(`unknown phase ${r.label.phase} in ${r.id}`);
    const accept = (r.label.accept ?? [r.label.phase]).map((p) => PHASES.indexOf(p));
    return { x: a.x, y, accept, weight: 1, rules: ruleScores(a), rulesDecide: rulesDecide(a) };
  });
}

export interface TrainOptions {
  l2: number;
  epochs: number;
  lr: number;
  /** Exponent of inverse class frequency weighting (0 = none, 1 = fully balanced). */
  balance: number;
  /** Weight of the rule scores added to the logits as a fixed offset (0 = the model alone). */
  offsetScale: number;
  /** L2 on the per-phase bias too (a large value keeps the rules' own prior). */
  l2Bias: number;
  /** Weight of the hand-written (synthetic) rows: their phase mix is balanced, real traffic's is not. */
  extraWeight: number;
}

/**
 * Chosen on both stratified 5-fold and leave-one-repo-out CV of dev.jsonl: the rule scores carry most of the
 * signal across repositories, so the model is a regularised correction on top of them.
 */
export const DEFAULT_TRAIN: TrainOptions = {
  l2: 0.01,
  epochs: 250,
  lr: 0.05,
  balance: 0,
  offsetScale: 1,
  l2Bias: 0.1,
  extraWeight: 0.3,
};

/** `ex` followed by `extra` re-weighted by `opt.extraWeight` (copies; the inputs are left alone). */
export function withExtra(ex: Example[], extra: Example[], opt: TrainOptions): Example[] {
  return ex.concat(extra.map((e) => ({ ...e, weight: e.weight * opt.extraWeight })));
}

export interface Trained {
  w: Float64Array;
  bias: Float64Array;
  offsetScale: number;
}

export function train(ex: Example[], opt: TrainOptions = DEFAULT_TRAIN): Trained {
  const nf = N_DENSE + HASH_DIM;
  const K = N_PHASES;
  const counts = new Float64Array(K);
  for (const e of ex) counts[e.y]++;
  const cw = Array.from(counts, (c) => (c > 0 ? (ex.length / (K * c)) ** opt.balance : 0));
  let wsum = 0;
  for (const e of ex) wsum += cw[e.y] * e.weight;
  // Work on the features that occur only (L2 keeps unseen weights at exactly 0), remapped to a compact block;
  // repeated indices of one example are summed once up front.
  const compact = new Int32Array(nf).fill(-1);
  const active: number[] = [];
  const xs = ex.map((e) => {
    const acc = new Map<number, number>();
    for (let k = 0; k < e.x.idx.length; k++) {
      const i = e.x.idx[k];
      if (compact[i] < 0) {
        compact[i] = active.length;
        active.push(i);
      }
      acc.set(compact[i], (acc.get(compact[i]) ?? 0) + e.x.val[k]);
    }
    return { idx: Int32Array.from(acc.keys()), val: Float64Array.from(acc.values()) };
  });
  const size = active.length * K;
  const w = new Float64Array(size);
  const mw = new Float64Array(size);
  const vw = new Float64Array(size);
  const g = new Float64Array(size);
  const bias = new Float64Array(K);
  const mb = new Float64Array(K);
  const vb = new Float64Array(K);
  const gb = new Float64Array(K);
  const sw = ex.map((e) => (cw[e.y] * e.weight) / wsum);
  const b1 = 0.9;
  const b2 = 0.999;
  const z = new Float64Array(K);
  for (let t = 1; t <= opt.epochs; t++) {
    g.fill(0);
    gb.fill(0);
    for (let n = 0; n < xs.length; n++) {
      const { idx, val } = xs[n];
      const off = ex[n].rules;
      for (let q = 0; q < K; q++) z[q] = bias[q] + opt.offsetScale * off[q];
      for (let k = 0; k < idx.length; k++) {
        const base = idx[k] * K;
        const v = val[k];
        for (let q = 0; q < K; q++) z[q] += w[base + q] * v;
      }
      let max = -Infinity;
      for (let q = 0; q < K; q++) if (z[q] > max) max = z[q];
      let sum = 0;
      for (let q = 0; q < K; q++) {
        z[q] = Math.exp(z[q] - max);
        sum += z[q];
      }
      const s = sw[n];
      for (let q = 0; q < K; q++) z[q] = (z[q] / sum - (q === ex[n].y ? 1 : 0)) * s;
      for (let q = 0; q < K; q++) gb[q] += z[q];
      for (let k = 0; k < idx.length; k++) {
        const base = idx[k] * K;
        const v = val[k];
        for (let q = 0; q < K; q++) g[base + q] += v * z[q];
      }
    }
    const lrt = (opt.lr * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t);
    for (let j = 0; j < size; j++) {
      const gj = g[j] + opt.l2 * w[j];
      mw[j] = b1 * mw[j] + (1 - b1) * gj;
      vw[j] = b2 * vw[j] + (1 - b2) * gj * gj;
      w[j] -= (lrt * mw[j]) / (Math.sqrt(vw[j]) + 1e-8);
    }
    for (let q = 0; q < K; q++) {
      const gq = gb[q] + opt.l2Bias * bias[q];
      mb[q] = b1 * mb[q] + (1 - b1) * gq;
      vb[q] = b2 * vb[q] + (1 - b2) * gq * gq;
      bias[q] -= (lrt * mb[q]) / (Math.sqrt(vb[q]) + 1e-8);
    }
  }
  const full = new Float64Array(nf * K);
  for (let c = 0; c < active.length; c++) full.set(w.subarray(c * K, c * K + K), active[c] * K);
  return { w: full, bias, offsetScale: opt.offsetScale };
}

/** Deterministic fold assignment: stratified by label, shuffled with a fixed seed. */
export function folds(ex: Example[], k: number, seed = 7): number[] {
  let s = seed >>> 0;
  const rnd = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const order = ex.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  order.sort((a, b) => ex[a].y - ex[b].y);
  const f = new Array<number>(ex.length);
  order.forEach((idx, n) => {
    f[idx] = n % k;
  });
  return f;
}

/**
 * Folds that keep every group together (e.g. one fold per source repository: leave-one-repo-out when `k` is
 * at least the number of groups). Groups are dealt largest first to the smallest fold.
 */
export function groupFolds(groups: string[], k: number): number[] {
  const sizes = new Map<string, number>();
  for (const g of groups) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  const order = [...sizes.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const nf = Math.min(k, order.length);
  const load = new Array<number>(nf).fill(0);
  const of = new Map<string, number>();
  for (const [g, n] of order) {
    let best = 0;
    for (let i = 1; i < nf; i++) if (load[i] < load[best]) best = i;
    of.set(g, best);
    load[best] += n;
  }
  return groups.map((g) => of.get(g) ?? 0);
}

/**
 * k-fold cross-validation: out-of-fold logits for every example in `ex` (`extra` examples, e.g. synthetic ones,
 * join every training fold but are never scored).
 */
export function crossValLogits(
  ex: Example[],
  k: number,
  opt: TrainOptions = DEFAULT_TRAIN,
  extra: Example[] = [],
  assignment?: number[],
): Float64Array[] {
  const f = assignment ?? folds(ex, k);
  const nf = Math.max(...f) + 1;
  const out: Float64Array[] = new Array(ex.length);
  for (let fold = 0; fold < nf; fold++) {
    const tr = withExtra(
      ex.filter((_, i) => f[i] !== fold),
      extra,
      opt,
    );
    const m = train(tr, opt);
    ex.forEach((e, i) => {
      if (f[i] === fold) out[i] = logits(m, e.x, e.rules);
    });
  }
  return out;
}

/** Temperature minimising NLL of the true labels (golden-section search on log T). */
export function fitTemperature(zs: Float64Array[], ys: number[]): number {
  const nll = (T: number) => {
    let s = 0;
    for (let i = 0; i < zs.length; i++) s -= Math.log(Math.max(softmax(zs[i], T)[ys[i]], 1e-12));
    return s / zs.length;
  };
  let a = Math.log(0.2);
  let b = Math.log(10);
  const r = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 60; it++) {
    const c = b - r * (b - a);
    const d = a + r * (b - a);
    if (nll(Math.exp(c)) < nll(Math.exp(d))) b = d;
    else a = c;
  }
  return Math.exp((a + b) / 2);
}

export function toModelFile(
  m: Trained,
  temperature: number,
  calibration: Calibration,
  meta: Record<string, unknown>,
): ModelFile {
  const weights: Record<string, number[]> = {};
  const nf = N_DENSE + HASH_DIM;
  for (let i = 0; i < nf; i++) {
    const row: number[] = [];
    let nz = false;
    for (let q = 0; q < N_PHASES; q++) {
      const v = Math.round(m.w[i * N_PHASES + q] * 1e4) / 1e4;
      row.push(v);
      if (v !== 0) nz = true;
    }
    if (nz) weights[i] = row;
  }
  return {
    version: 1,
    dim: HASH_DIM,
    nDense: N_DENSE,
    phases: [...PHASES],
    temperature: Math.round(temperature * 1e4) / 1e4,
    offsetScale: m.offsetScale,
    bias: Array.from(m.bias, (v) => Math.round(v * 1e4) / 1e4),
    calibration,
    weights,
    meta,
  };
}

export function asModel(m: Trained, temperature: number): Model {
  return { dim: HASH_DIM, temperature, bias: m.bias, w: m.w as unknown as Float32Array, offsetScale: m.offsetScale };
}
