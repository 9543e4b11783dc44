/**
 * Offline training for the layer-4 model (used by scripts/train-classifier.ts and `coderouter eval --cv`).
 * Multinomial logistic regression, full-batch Adam with L2, class-balanced; temperature fitted on
 * out-of-fold logits so confidences are calibrated.
 */
import { readFileSync } from "node:fs";
import { analyze, HASH_DIM } from "./analyze.js";
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

export function readJsonl(file: string): LabelledRow[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledRow);
}

export function rowInput(r: LabelledRow): ClassifyInput {
  return { api: r.api, path: r.path, headers: r.headers ?? {}, body: r.body };
}

export interface Example {
  x: SparseVec;
  y: number;
  accept: number[];
  weight: number;
}

export function toExamples(rows: LabelledRow[]): Example[] {
  return rows.map((r) => {
    const a = analyze(rowInput(r), false);
    const y = PHASES.indexOf(r.label.phase);
    if (y < 0) throw new Error(`unknown phase ${r.label.phase} in ${r.id}`);
    const accept = (r.label.accept ?? [r.label.phase]).map((p) => PHASES.indexOf(p));
    return { x: a.x, y, accept, weight: 1 };
  });
}

export interface TrainOptions {
  l2: number;
  epochs: number;
  lr: number;
  /** Exponent of inverse class frequency weighting (0 = none, 1 = fully balanced). */
  balance: number;
}

export const DEFAULT_TRAIN: TrainOptions = { l2: 3e-3, epochs: 250, lr: 0.05, balance: 0.5 };

export interface Trained {
  w: Float64Array;
  bias: Float64Array;
}

export function train(ex: Example[], opt: TrainOptions = DEFAULT_TRAIN): Trained {
  const nf = N_DENSE + HASH_DIM;
  const size = nf * N_PHASES;
  const w = new Float64Array(size);
  const bias = new Float64Array(N_PHASES);
  const mw = new Float64Array(size);
  const vw = new Float64Array(size);
  const mb = new Float64Array(N_PHASES);
  const vb = new Float64Array(N_PHASES);
  const g = new Float64Array(size);
  const gb = new Float64Array(N_PHASES);
  const counts = new Float64Array(N_PHASES);
  for (const e of ex) counts[e.y]++;
  const cw = Array.from(counts, (c) => (c > 0 ? (ex.length / (N_PHASES * c)) ** opt.balance : 0));
  let wsum = 0;
  for (const e of ex) wsum += cw[e.y] * e.weight;
  // Only touch features that occur (L2 keeps unseen weights at exactly 0).
  const used = new Uint8Array(nf);
  for (const e of ex) for (const i of e.x.idx) used[i] = 1;
  const active: number[] = [];
  for (let i = 0; i < nf; i++) if (used[i]) active.push(i);
  const b1 = 0.9;
  const b2 = 0.999;
  const z = new Float64Array(N_PHASES);
  for (let t = 1; t <= opt.epochs; t++) {
    for (const i of active) g.fill(0, i * N_PHASES, i * N_PHASES + N_PHASES);
    gb.fill(0);
    for (const e of ex) {
      logits({ w, bias }, e.x, z);
      const p = softmax(z);
      const s = (cw[e.y] * e.weight) / wsum;
      p[e.y] -= 1;
      for (let q = 0; q < N_PHASES; q++) gb[q] += s * p[q];
      for (let k = 0; k < e.x.idx.length; k++) {
        const base = e.x.idx[k] * N_PHASES;
        const v = e.x.val[k] * s;
        for (let q = 0; q < N_PHASES; q++) g[base + q] += v * p[q];
      }
    }
    const lrt = (opt.lr * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t);
    for (const i of active) {
      for (let q = 0; q < N_PHASES; q++) {
        const j = i * N_PHASES + q;
        const gj = g[j] + opt.l2 * w[j];
        mw[j] = b1 * mw[j] + (1 - b1) * gj;
        vw[j] = b2 * vw[j] + (1 - b2) * gj * gj;
        w[j] -= (lrt * mw[j]) / (Math.sqrt(vw[j]) + 1e-8);
      }
    }
    for (let q = 0; q < N_PHASES; q++) {
      mb[q] = b1 * mb[q] + (1 - b1) * gb[q];
      vb[q] = b2 * vb[q] + (1 - b2) * gb[q] * gb[q];
      bias[q] -= (lrt * mb[q]) / (Math.sqrt(vb[q]) + 1e-8);
    }
  }
  return { w, bias };
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
 * k-fold cross-validation: out-of-fold logits for every example in `ex` (`extra` examples, e.g. synthetic ones,
 * join every training fold but are never scored).
 */
export function crossValLogits(
  ex: Example[],
  k: number,
  opt: TrainOptions = DEFAULT_TRAIN,
  extra: Example[] = [],
): Float64Array[] {
  const f = folds(ex, k);
  const out: Float64Array[] = new Array(ex.length);
  for (let fold = 0; fold < k; fold++) {
    const tr = ex.filter((_, i) => f[i] !== fold).concat(extra);
    const m = train(tr, opt);
    ex.forEach((e, i) => {
      if (f[i] === fold) out[i] = logits(m, e.x);
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

export function toModelFile(m: Trained, temperature: number, meta: Record<string, unknown>): ModelFile {
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
    bias: Array.from(m.bias, (v) => Math.round(v * 1e4) / 1e4),
    weights,
    meta,
  };
}

export function asModel(m: Trained, temperature: number): Model {
  return { dim: HASH_DIM, temperature, bias: m.bias, w: m.w as unknown as Float32Array };
}
