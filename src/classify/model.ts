/**
 * Layer 4: a multinomial logistic regression over `featurize` output, shipped as data/classifier-model.json
 * and loaded once at import. Weights are sparse in the file, dense in memory.
 */
import { readFileSync } from "node:fs";
import { N_DENSE, N_PHASES, type SparseVec } from "./features.js";
import { PHASES } from "./types.js";

export interface ModelFile {
  version: 1;
  dim: number;
  nDense: number;
  phases: string[];
  /** Softmax temperature fitted on out-of-fold logits (calibration). */
  temperature: number;
  /** Weight of the rule-layer scores added to the logits (optional; absent = 0). */
  offsetScale?: number;
  bias: number[];
  /** Feature index → per-phase weights (zeros omitted). */
  weights: Record<string, number[]>;
  meta?: Record<string, unknown>;
}

export interface Model {
  dim: number;
  temperature: number;
  offsetScale: number;
  bias: Float64Array;
  w: Float32Array;
  meta?: Record<string, unknown>;
}

export const MODEL_URL = new URL("../../data/classifier-model.json", import.meta.url);

export function fromFile(m: ModelFile): Model {
  if (m.nDense !== N_DENSE || m.phases.join() !== PHASES.join())
    throw new Error("classifier model does not match this build's features; run `npm run train`");
  const w = new Float32Array((m.nDense + m.dim) * N_PHASES);
  for (const k in m.weights) {
    const i = Number(k) * N_PHASES;
    const row = m.weights[k];
    for (let p = 0; p < N_PHASES; p++) w[i + p] = row[p] ?? 0;
  }
  return {
    dim: m.dim,
    temperature: m.temperature,
    offsetScale: m.offsetScale ?? 0,
    bias: Float64Array.from(m.bias),
    w,
    meta: m.meta,
  };
}

export function loadModel(url: URL = MODEL_URL): Model | null {
  try {
    return fromFile(JSON.parse(readFileSync(url, "utf8")) as ModelFile);
  } catch {
    return null;
  }
}

/** Raw logits for one feature vector (plus `offsetScale` × the rule scores, when given). */
export function logits(
  model: { w: Float32Array | Float64Array; bias: Float64Array; offsetScale?: number },
  x: SparseVec,
  rules?: Float64Array,
  out = new Float64Array(N_PHASES),
): Float64Array {
  const k = rules ? (model.offsetScale ?? 0) : 0;
  for (let p = 0; p < N_PHASES; p++) out[p] = model.bias[p] + (k ? k * (rules as Float64Array)[p] : 0);
  const w = model.w;
  for (let k = 0; k < x.idx.length; k++) {
    const base = x.idx[k] * N_PHASES;
    const v = x.val[k];
    for (let p = 0; p < N_PHASES; p++) out[p] += w[base + p] * v;
  }
  return out;
}

export function softmax(z: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (let p = 0; p < z.length; p++) if (z[p] > max) max = z[p];
  const out = new Float64Array(z.length);
  let sum = 0;
  for (let p = 0; p < z.length; p++) {
    out[p] = Math.exp((z[p] - max) / temperature);
    sum += out[p];
  }
  for (let p = 0; p < z.length; p++) out[p] /= sum;
  return out;
}
