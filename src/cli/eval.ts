/**
 * `coderouter eval FILE.jsonl [--json] [--cv K] [--group-by repo] [--extra GLOB] [--errors]`: scores the
 * classifier on a labelled set. `--cv K` scores the learned layer by k-fold cross-validation (train on k−1 folds
 * plus the `--extra` rows, score the held-out fold) — the honest number when the shipped model was trained on
 * FILE. `--group-by repo` keeps each source repository in one fold (leave-one-repo-out with `--cv 99`), which
 * predicts accuracy on unseen repositories better. `--extra` defaults to the shipped
 * test/fixtures/eval/synthetic*.jsonl (`--extra none` for none). `--errors` lists the misclassified rows.
 */
import { analyze } from "../classify/analyze.js";
import { type Calibration, calibrate } from "../classify/calibrate.js";
import { RULES_TEMPERATURE, secondOpinion } from "../classify/combine.js";
import { classify, classifyWith } from "../classify/index.js";
import { formatReport, type Report, type Scored, score } from "../classify/metrics.js";
import { loadModel, softmax } from "../classify/model.js";
import {
  crossValLogits,
  DEFAULT_TRAIN,
  fitTemperature,
  groupFolds,
  type LabelledRow,
  readJsonl,
  readJsonlFiles,
  rowInput,
  SYNTHETIC_GLOB,
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

/**
 * Cross-validated scores: phase/confidence from models that never saw the row. Confidences are raw unless a
 * calibration map is given (the training script fits the shipped map on the raw ones).
 */
export function crossValidate(
  rows: LabelledRow[],
  k: number,
  extra: LabelledRow[] = [],
  groupBy?: "repo" | "agent",
  calibration?: Calibration,
): Scored[] {
  const base = evaluateRows(rows);
  const ex = toExamples(rows);
  const assignment = groupBy
    ? groupFolds(
        rows.map((r) => r.source?.[groupBy] ?? "?"),
        k,
      )
    : undefined;
  const zs = crossValLogits(ex, k, DEFAULT_TRAIN, toExamples(extra), assignment);
  const T = fitTemperature(
    zs,
    ex.map((e) => e.y),
  );
  return base.map((s, i) => {
    // Same combination as the shipped combiner: the rules decide, the fold's model tempers the confidence.
    let p: Float64Array;
    let best: number;
    if (ex[i].rulesDecide) {
      p = softmax(ex[i].rules, RULES_TEMPERATURE);
      best = 0;
      for (let q = 1; q < p.length; q++) if (p[q] > p[best]) best = q;
    } else ({ probs: p, best } = secondOpinion(ex[i].rules, softmax(zs[i], T)));
    // Plan-mode markers decide in the shipped path too.
    if (s.layer === "fingerprint") return s;
    return { ...s, pred: PHASES[best], confidence: calibrate(calibration, p[best]) };
  });
}

export async function run(args: string[]): Promise<number> {
  const { flags, positionals } = parseArgs(args, ["json", "rules", "help", "errors"]);
  const file = positionals[0];
  if (!file || flags.help) {
    process.stdout.write(
      "usage: coderouter eval FILE.jsonl [--json] [--cv K] [--group-by repo|agent] [--extra GLOB|none] [--rules] [--errors]\n",
    );
    return file ? 0 : 2;
  }
  const rows = readJsonl(file);
  let items: Scored[];
  let title = "classifier";
  if (flags.cv) {
    const k = Number(flags.cv === true ? 5 : flags.cv);
    const pattern =
      typeof flags.extra === "string" ? flags.extra : new URL(`../../${SYNTHETIC_GLOB}`, import.meta.url).pathname;
    const extra = pattern === "none" ? [] : readJsonlFiles(pattern);
    const groupBy = flags["group-by"] === "repo" || flags["group-by"] === "agent" ? flags["group-by"] : undefined;
    items = crossValidate(rows, k, extra, groupBy, loadModel()?.calibration);
    title = `classifier, ${k}-fold cross-validation${groupBy ? ` grouped by ${groupBy}` : ""}${extra.length ? ` (+${extra.length} extra training rows)` : ""}`;
  } else {
    items = evaluateRows(rows, flags.rules === true);
    if (flags.rules) title = "classifier, rules only";
  }
  const report: Report = score(items);
  if (flags.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else process.stdout.write(formatReport(report, title));
  if (flags.errors) process.stdout.write(formatErrors(rows, items));
  return 0;
}

const one = (s: string, n: number) => JSON.stringify(s.replace(/\s+/g, " ").trim().slice(0, n));

/** The misclassified rows grouped by confusion pair, with what the classifier read: words, narration, tool result. */
export function formatErrors(rows: LabelledRow[], items: Scored[]): string {
  const groups = new Map<string, string[]>();
  items.forEach((it, i) => {
    if (it.accept.includes(it.pred)) return;
    const r = rows[i];
    const a = analyze(rowInput(r), true);
    const h = a.hist;
    const key = `${it.gold} -> ${it.pred}`;
    const L = [
      `- ${r.id} [${r.source?.agent ?? a.fp.agent}] conf ${it.confidence.toFixed(2)}${h.continuation ? " (continuation)" : ""}${h.humanIsLast ? "" : ` (+${h.turnsSinceHuman} turns)`}`,
      `    user: ${one(h.human, 300)}`,
    ];
    if (h.prev) L.push(`    prev: ${one(h.prev, 160)}`);
    if (!h.humanIsLast) {
      L.push(`    asst: ${one(h.narration || h.assistant, 200)}`);
      if (h.toolResults[0]) L.push(`    tool: ${one(h.toolResults[0], 200)}`);
      if (h.toolCalls.length) L.push(`    calls: ${h.toolCalls.map((c) => c.name).join(",")}`);
    }
    if (a.ruleHits.length || a.toolSignals.length) L.push(`    hits: ${[...a.ruleHits, ...a.toolSignals].join("; ")}`);
    const g = groups.get(key) ?? [];
    g.push(L.join("\n"));
    groups.set(key, g);
  });
  const out: string[] = [];
  for (const [k, v] of [...groups.entries()].sort((x, y) => y[1].length - x[1].length))
    out.push(`\n## ${k} (${v.length})\n${v.join("\n")}`);
  return `${out.join("\n")}\n`;
}
