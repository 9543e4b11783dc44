import assert from "node:assert/strict";
import { test } from "node:test";
import { score } from "../../src/classify/metrics.js";
import { readJsonl, readJsonlFiles, SYNTHETIC_GLOB } from "../../src/classify/train.js";
import { crossValidate, evaluateRows } from "../../src/cli/eval.js";

const fixture = (name: string) => new URL(`../fixtures/eval/${name}`, import.meta.url).pathname;
const dev = readJsonl(fixture("dev.jsonl"));
const syn = readJsonlFiles(new URL(`../../${SYNTHETIC_GLOB}`, import.meta.url).pathname);

// The shipped model trains on dev.jsonl, so the floor is measured by 5-fold cross-validation (each row scored by
// a model that never saw it; synthetic*.jsonl rows only ever train). The rules pick the phase and the model only
// tempers the confidence, so CV, leave-one-repo-out and rules-only agree: 0.847 / 0.809. Issue #2 asks for accuracy
// >= 0.85 and macro-F1 >= 0.75 — accuracy not reached. These floors sit just under today's numbers to catch
// regressions; raise them as the classifier improves.
const FLOOR = { accuracy: 0.83, macro_f1: 0.78 };

test("dev.jsonl, 5-fold cross-validated, no LLM", () => {
  const r = score(crossValidate(dev, 5, syn));
  assert.equal(r.n, 300);
  assert.ok(r.accuracy >= FLOOR.accuracy, `accuracy ${r.accuracy}`);
  assert.ok(r.macro_f1 >= FLOOR.macro_f1, `macro-F1 ${r.macro_f1}`);
});

/** Held-out sets (never trained on): rules-only accuracy floor and the fewest rows the file must hold. */
const HELD_OUT: Record<string, { floor: number; rows: number }> = {
  // holdout*.jsonl: hand-written from PHASES.md by five authors who never saw the classifier. Each was measured once
  // before any change (rules only 0.783, 0.770, 0.745, 0.825, 0.842) and its misses then read, so these are
  // regression floors for the rules, not held-out scores any more.
  "holdout.jsonl": { floor: 0.94, rows: 160 },
  "holdout-b.jsonl": { floor: 0.93, rows: 160 },
  "holdout-c.jsonl": { floor: 0.94, rows: 160 },
  "holdout-d.jsonl": { floor: 0.95, rows: 160 },
  "holdout-e.jsonl": { floor: 0.93, rows: 160 },
  // real-*.specs.jsonl: moments from real chats in public repositories (aider histories, SpecStory exports, Claude
  // Code, Cline and IBM Bob transcripts; none of dev.jsonl's repositories), labelled from PHASES.md by one person and
  // again blind by a second (both phases accepted where they differ, as in dev.jsonl). First scores, before their
  // misses were read (rules / shipped): a 0.671/0.657, b 0.769/0.750, c 0.569/0.600, d 0.456/0.456, e 0.667/0.633,
  // f 0.507/0.520, g 0.688/0.688 (e, f, g after the fixes from a–d), h 0.833/0.833 (after a–g). Floors since.
  // Next round, from repositories none of a–h use (rules = shipped): i Cursor 0.600, k aider 0.717, l Cline + Copilot
  // 0.683, n Claude Code 0.650; j Claude Code 0.433 (scored after the fixes from i, k, l, n: still 0.433); m Cursor
  // 0.667 after them (0.650 with the classifier before them). Then p Claude Code 0.880 (25 rows), q Copilot + aider
  // 0.600 — the same as the classifier from before i–n, so those fixes carried over to neither; o Cursor 0.717, two
  // rows below the classifier from before i–n (0.750: a French build verb caught "développement"); r Cline, Roo and
  // forks 0.621 (0.690 before i–n: the Chinese "optimise" caught a topic list); s Cursor 0.480 (0.480 before i–n);
  // t SWE-agent / mini-swe-agent trajectories 0.667 (the same before i–n). u (Claude Code, Codex, aider, Cursor,
  // Copilot; half in Chinese, Thai, Korean, Italian or French) 0.485 — the same as the classifier from before the
  // fixes made in the same session (small talk, Cline's focus-chain reminder, PRD workflow files, Bugbot). v (Claude
  // Code transcripts, Cursor, VS Code Copilot) 0.644 after the fixes from u — and 0.644 with the classifier from
  // before them. w (aider, 18) 0.722 after the fixes from v, the same as before the fixes from u and v.
  // x (Cursor, VS Code Copilot, Claude Code, Codex; 41) 0.561 after the fixes from u–w, 0.512 before them (+2 rows).
  "real-a.specs.jsonl": { floor: 0.9, rows: 18 },
  "real-b.specs.jsonl": { floor: 0.88, rows: 18 },
  "real-c.specs.jsonl": { floor: 0.73, rows: 18 },
  "real-d.specs.jsonl": { floor: 0.83, rows: 18 },
  "real-e.specs.jsonl": { floor: 0.8, rows: 18 },
  "real-f.specs.jsonl": { floor: 0.84, rows: 18 },
  "real-g.specs.jsonl": { floor: 0.78, rows: 18 },
  "real-h.specs.jsonl": { floor: 0.8, rows: 18 },
  "real-i.specs.jsonl": { floor: 0.76, rows: 60 },
  "real-j.specs.jsonl": { floor: 0.5, rows: 60 },
  "real-k.specs.jsonl": { floor: 0.8, rows: 60 },
  "real-l.specs.jsonl": { floor: 0.76, rows: 60 },
  "real-m.specs.jsonl": { floor: 0.75, rows: 60 },
  "real-n.specs.jsonl": { floor: 0.73, rows: 60 },
  "real-o.specs.jsonl": { floor: 0.83, rows: 60 },
  "real-p.specs.jsonl": { floor: 0.92, rows: 25 },
  "real-q.specs.jsonl": { floor: 0.72, rows: 65 },
  "real-r.specs.jsonl": { floor: 0.75, rows: 29 },
  "real-s.specs.jsonl": { floor: 0.7, rows: 50 },
  "real-t.specs.jsonl": { floor: 0.9, rows: 24 },
  "real-u.specs.jsonl": { floor: 0.6, rows: 66 },
  "real-v.specs.jsonl": { floor: 0.66, rows: 45 },
  "real-w.specs.jsonl": { floor: 0.85, rows: 18 },
  "real-x.specs.jsonl": { floor: 0.68, rows: 41 },
};

for (const [name, { floor, rows }] of Object.entries(HELD_OUT)) {
  test(`${name}, rules only (never trained on)`, () => {
    const r = score(evaluateRows(readJsonl(fixture(name)), true));
    assert.ok(r.n >= rows);
    assert.ok(r.accuracy >= floor, `accuracy ${r.accuracy}`);
  });
}
