/**
 * Trains the layer-4 phase model and writes data/classifier-model.json.
 *   npm run train                      # dev.jsonl + synthetic.jsonl, 5-fold CV report, then fit on all
 *   npm run train -- --k 10 --out data/classifier-model.json
 * See src/classify/README.md.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fitCalibration } from "../src/classify/calibrate.js";
import { type Scored, score } from "../src/classify/metrics.js";
import { softmax } from "../src/classify/model.js";
import {
  crossValLogits,
  DEFAULT_TRAIN,
  expandFiles,
  fitTemperature,
  readJsonl,
  readJsonlFiles,
  SYNTHETIC_GLOB,
  toExamples,
  toModelFile,
  train,
  withExtra,
} from "../src/classify/train.js";
import { PHASES } from "../src/classify/types.js";
import { crossValidate } from "../src/cli/eval.js";
import { parseArgs } from "../src/cli/io.js";

const root = new URL("..", import.meta.url).pathname;
const { flags } = parseArgs(process.argv.slice(2));
const devFile = typeof flags.dev === "string" ? flags.dev : `${root}test/fixtures/eval/dev.jsonl`;
const synGlob = typeof flags.synthetic === "string" ? flags.synthetic : `${root}${SYNTHETIC_GLOB}`;
const out = typeof flags.out === "string" ? flags.out : `${root}data/classifier-model.json`;
const k = Number(flags.k ?? 5);
const firstScoresFile =
  typeof flags["first-scores"] === "string" ? flags["first-scores"] : `${root}test/fixtures/eval/first-scores.jsonl`;

/**
 * The answers the classifier gave to each real-chat set when it was first scored, before anyone read its misses:
 * one line per request, `{set, id, raw, correct, classifier}` (raw = top probability before calibration; classifier =
 * the commit that answered).
 */
function readFirstScores(file: string): { confidence: number; correct: boolean }[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => {
      const r = JSON.parse(l) as { raw: number; correct: boolean };
      return { confidence: r.raw, correct: r.correct };
    });
}

const dev = readJsonl(devFile);
const syn = readJsonlFiles(synGlob);
const devEx = toExamples(dev);
const synEx = toExamples(syn);
console.log(
  `training rows: ${dev.length} labelled (${devFile}) + ${syn.length} synthetic (${expandFiles(synGlob).length} files, weight ${DEFAULT_TRAIN.extraWeight})`,
);

const t0 = Date.now();
const zs = crossValLogits(devEx, k, DEFAULT_TRAIN, synEx);
const T = fitTemperature(
  zs,
  devEx.map((e) => e.y),
);
const items: Scored[] = zs.map((z, i) => {
  const p = softmax(z, T);
  let b = 0;
  for (let q = 1; q < p.length; q++) if (p[q] > p[b]) b = q;
  return {
    pred: PHASES[b],
    confidence: p[b],
    gold: dev[i].label.phase,
    accept: dev[i].label.accept ?? [dev[i].label.phase],
    agent: dev[i].source?.agent ?? "unknown",
    toolResult: false,
    latencyUs: 0,
  };
});
const r = score(items);
console.log(
  `${k}-fold CV (model layer only, no mode override): accuracy ${r.accuracy} macro-F1 ${r.macro_f1}; temperature ${T.toFixed(3)} (${Date.now() - t0} ms)`,
);

// Calibration: how often the shipped combiner (rules decide, a fold's model tempers) is right at each raw confidence,
// on dev.jsonl's folds and on the first scores of the real-chat sets — the only answers given to requests nobody had
// tuned the rules on (dev.jsonl's rules were tuned on it, so its folds alone promise too much on unseen traffic).
const shipped = crossValidate(dev, k, syn).filter((s) => s.layer !== "fingerprint");
const points = shipped.map((s) => ({ confidence: s.confidence, correct: s.accept.includes(s.pred) }));
const firstScores = existsSync(firstScoresFile) ? readFirstScores(firstScoresFile) : [];
const calibration = fitCalibration([...points, ...firstScores]);
console.log(
  `calibration on ${points.length} dev answers + ${firstScores.length} first scores (raw → share right): ${calibration.map(([x, y]) => `${x.toFixed(2)}→${y.toFixed(2)}`).join(" ")}`,
);

const model = train(withExtra(devEx, synEx, DEFAULT_TRAIN), DEFAULT_TRAIN);
const file = toModelFile(model, T, calibration, {
  trained_at: new Date().toISOString(),
  rows: dev.length,
  synthetic: syn.length,
  synthetic_files: expandFiles(synGlob).map((f) => f.slice(root.length)),
  options: DEFAULT_TRAIN,
  cv: { k, accuracy: r.accuracy, macro_f1: r.macro_f1 },
});
writeFileSync(out, `${JSON.stringify(file)}\n`);
console.log(`wrote ${out}: ${Object.keys(file.weights).length} non-zero feature rows`);
