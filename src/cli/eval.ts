/**
 * `coderouter eval FILE.jsonl [--json] [--cv K] [--extra FILE.jsonl]`: scores the classifier on a labelled set.
 * `--cv K` scores the learned layer by k-fold cross-validation (train on k−1 folds plus `--extra`, score the
 * held-out fold) — the honest number when the shipped model was trained on FILE.
 */
import { existsSync } from "node:fs";
import { classify, classifyWith } from "../classify/index.js";
import { formatReport, type Report, type Scored, score } from "../classify/metrics.js";
import { softmax } from "../classify/model.js";
import {
  crossValLogits,
  DEFAULT_TRAIN,
  fitTemperature,
  type LabelledRow,
  readJsonl,
  rowInput,
  toExamples,
} from "../classify/train.js";
import { PHASES } from "../classify/types.js";
import { parseArgs } from "./io.js";

function progress(i: number, n: number, label: string): void {
  if (!process.stderr.isTTY) return;
  const w = 30;
  const done = Math.round((i / n) * w);
  process.stderr.write(`\r${label} [${"#".repeat(done)}${".".repeat(w - done)}] ${i}/${n}`);
  if (i === n) process.stderr.write("\r\x1b[K");
}

/** Scores the shipped classifier (or rules only) on every row; also measures latency. */
export function evaluateRows(rows: LabelledRow[], rulesOnly = false): Scored[] {
  const out: Scored[] = [];
  // warm-up so JIT compilation does not land in the percentiles
  for (let i = 0; i < Math.min(rows.length, 50); i++)
    rulesOnly ? classifyWith(rowInput(rows[i]), null) : classify(rowInput(rows[i]));
  rows.forEach((r, i) => {
    const input = rowInput(r);
    const t0 = process.hrtime.bigint();
    const c = rulesOnly ? classifyWith(input, null) : classify(input);
    const us = Number(process.hrtime.bigint() - t0) / 1000;
    out.push({
      pred: c.phase,
      confidence: c.confidence,
      gold: r.label.phase,
      accept: r.label.accept ?? [r.label.phase],
      agent: r.source?.agent ?? c.agent,
      toolResult: c.kind === "tool-continuation",
      layer: c.layer,
      latencyUs: us,
    });
    progress(i + 1, rows.length, "classifying");
  });
  return out;
}

/** Cross-validated scores: phase/confidence from models that never saw the row. */
export function crossValidate(rows: LabelledRow[], k: number, extra: LabelledRow[] = []): Scored[] {
  const base = evaluateRows(rows);
  const ex = toExamples(rows);
  const zs = crossValLogits(ex, k, DEFAULT_TRAIN, toExamples(extra));
  const T = fitTemperature(
    zs,
    ex.map((e) => e.y),
  );
  return base.map((s, i) => {
    const p = softmax(zs[i], T);
    let best = 0;
    for (let q = 1; q < p.length; q++) if (p[q] > p[best]) best = q;
    // Plan-mode markers override the model in the shipped path too.
    if (s.layer === "fingerprint") return s;
    return { ...s, pred: PHASES[best], confidence: p[best] };
  });
}

export async function run(args: string[]): Promise<number> {
  const { flags, positionals } = parseArgs(args, ["json", "rules", "help"]);
  const file = positionals[0];
  if (!file || flags.help) {
    process.stdout.write("usage: coderouter eval FILE.jsonl [--json] [--cv K] [--extra SYNTHETIC.jsonl] [--rules]\n");
    return file ? 0 : 2;
  }
  const rows = readJsonl(file);
  let items: Scored[];
  let title = "classifier";
  if (flags.cv) {
    const k = Number(flags.cv === true ? 5 : flags.cv);
    const extraFile = typeof flags.extra === "string" ? flags.extra : undefined;
    const extra = extraFile && existsSync(extraFile) ? readJsonl(extraFile) : [];
    items = crossValidate(rows, k, extra);
    title = `classifier, ${k}-fold cross-validation${extra.length ? ` (+${extra.length} extra training rows)` : ""}`;
  } else {
    items = evaluateRows(rows, flags.rules === true);
    if (flags.rules) title = "classifier, rules only";
  }
  const report: Report = score(items);
  if (flags.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else process.stdout.write(formatReport(report, title));
  return 0;
}
