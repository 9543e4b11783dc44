/** Runs layers 1–3 and builds the layer-4 feature vector for one request. Pure; state is per call. */
import { type Evidence, featurize, featurizeView, type SparseVec } from "./features.js";
import { type Fingerprint, fingerprint } from "./fingerprint.js";
import { type History, readHistory } from "./history.js";
import { diagnosticPhase, PHASE_INDEX, SMALL_TALK_RE, textEvidence } from "./rules.js";
import { type ToolFacts, toolEvidence, toolFacts } from "./tool-history.js";
import type { ClassifyInput } from "./types.js";
import { type RequestView, readView } from "./view.js";

export const HASH_DIM = 1 << 12;
/** Weight left to the developer's words once the agent acted on them and a tool then failed. */
const ACTED_ON = 0.5;
/** Evidence the words need before the tool traffic after them counts as carrying their phase on. */
const ASK_MIN = 1.5;
/** …and the lead over the next phase (a spec with "keep the API unchanged" in its constraints is still a build). */
const ASK_MARGIN = 1.0;

export interface Analysis {
  view: RequestView;
  fp: Fingerprint;
  hist: History;
  facts: ToolFacts;
  ev: Evidence;
  mode: string | null;
  /** A plan-mode marker's weight: it decides the phase, counts as evidence (Cline), or the history contradicts it. */
  planMarker: "decides" | "evidence" | "stale" | null;
  ruleHits: string[];
  toolSignals: string[];
  /** The layer-4 feature vector, built on first use (the combiner skips it when the rules decide). */
  readonly x: SparseVec;
  /** The same vector for immediate use: a view valid until features are next built (no copy). */
  features(): SparseVec;
}

/** Small talk (rules.ts `SMALL_TALK_RE`): longest message looked at, and its document weight. */
const SMALL_TALK_MAX = 80;
const SMALL_TALK_W = 3;

const TITLE_PROMPT_RE = /User prompt:\s*([\s\S]*)$/;

/** Index of the phase the developer's words clearly ask for, or -1. */
function askPhase(human: Float64Array, prev: Float64Array): number {
  let best = -1;
  let max = 0;
  let second = 0;
  for (let p = 0; p < human.length; p++) {
    const v = human[p] + prev[p];
    if (v > max) {
      second = max;
      max = v;
      best = p;
    } else if (v > second) second = v;
  }
  return max >= ASK_MIN && max - second >= ASK_MARGIN ? best : -1;
}

/**
 * Cline's plan mode is evidence, not the answer. Its marker sits in a system prompt that public Cline exports get
 * replayed under whatever the developer asked (the labelled sets carry one plan-mode Cline envelope on every Cline
 * conversation, half of them build requests); and a plan-mode request to fix an error still wants a debugger's plan.
 */
const SOFT_PLAN_MODE = 1.5;
/** Weight of the kind of an editor diagnostic handed to a quick fix (its own words rarely name a phase). */
const DIAGNOSTIC = 3.0;
/** Length under which a message that names no phase counts as a turn in the work in progress. */
const BARE_MAX = 60;

/**
 * A plan-mode marker the history contradicts: real plan modes forbid edits, and a history calling tools the request
 * does not offer ran in another envelope (a replayed or switched client).
 */
function staleMarker(facts: ToolFacts, hist: History, view: RequestView): boolean {
  if (facts.edits > 0) return true;
  if (view.tools.length === 0) return false;
  for (const call of hist.toolCalls) if (!view.tools.includes(call.name)) return true;
  return false;
}

/** A plan-mode marker that decides the phase outright (the per-request markers of the other agents). */
function markerDecides(fp: Fingerprint): boolean {
  return fp.agent !== "cline";
}

export function analyze(input: ClassifyInput, withSignals = true): Analysis {
  const view = readView(input);
  const fp = fingerprint(view);
  const hist = readHistory(view);
  if (fp.kind === "title") {
    const m = TITLE_PROMPT_RE.exec(hist.human);
    if (m) hist.human = m[1].trim();
  }
  const mode = fp.mode ?? hist.humanMode;
  const facts = toolFacts(hist);
  const human = textEvidence(hist.continuation ? "" : hist.human, withSignals);
  if (hist.human.length < SMALL_TALK_MAX && !hist.continuation && SMALL_TALK_RE.test(hist.human.toLowerCase())) {
    human.scores[PHASE_INDEX.document] += SMALL_TALK_W;
    if (withSignals) human.hits.push("document: small talk");
  }
  const planMarker =
    mode !== "plan" ? null : staleMarker(facts, hist, view) ? "stale" : markerDecides(fp) ? "decides" : "evidence";
  if (planMarker === "evidence") human.scores[PHASE_INDEX.plan] += SOFT_PLAN_MODE;
  // A short message with no phase words of its own ("изучи", "think", "there are already scripts for this") is a
  // turn in the work in progress: the earlier words carry it (PHASES.md: bare continuations inherit the phase).
  const bare = hist.human.length < BARE_MAX && hist.prev !== "" && human.scores.every((v) => v === 0);
  const inherit = hist.continuation || hist.pasted || hist.followUp || bare;
  const prev = textEvidence(inherit || !hist.humanIsLast ? hist.prev : "", false, 300);
  // When the last message is the developer's, earlier words matter less; after tool traffic, "ok" or a paste, more.
  const prevScale = inherit ? 1 : hist.humanIsLast ? 0 : 0.5;
  if (prevScale !== 1) for (let p = 0; p < prev.scores.length; p++) prev.scores[p] *= prevScale;
  if (hist.continuation) {
    // A bare continuation inherits the phase in progress: the previous words, or the assistant's proposal.
    const asst = textEvidence(hist.assistant, false, 300).scores;
    for (let p = 0; p < prev.scores.length; p++) prev.scores[p] += 0.5 * asst[p];
  }
  // Without the developer's words in view, the agent's own narration ("Let me fix…", "Now the tests…") is the best clue.
  const asstText = hist.human ? hist.assistant : hist.narration || hist.assistant;
  const assistant = textEvidence(asstText, false, hist.human ? 300 : 600, true).scores;
  // Test-writing in progress: the developer asked for tests, or (no words in view) the agent says it is on them.
  const T = PHASE_INDEX.test;
  const testWork =
    human.scores[T] + prev.scores[T] >= 2 ||
    (!hist.human && assistant[T] >= 2 && assistant[T] >= assistant[PHASE_INDEX.debug]);
  // The ask has been acted on and the newest tool result is a failure: fixing it is the next step, whatever the ask
  // was ("a tool result that shows a failure right after the model changed code is debug").
  const ts = facts.testSummary;
  // (A refused tool call — Claude Code's <tool_use_error> — is the agent's slip, not the code failing.)
  const codeFailed =
    (facts.error !== null && !facts.error.includes("tool_use_error")) || (ts !== null && ts.failed > 0);
  if (hist.lastIsToolResult && !hist.humanIsLast && !testWork && codeFailed)
    for (let p = 0; p < human.scores.length; p++) human.scores[p] *= ACTED_ON;
  const toolSignals: string[] = [];
  // An issue handed over by a harness is there to be resolved, and most issues report bugs; a feature request's
  // own words (add, support, implement…) outweigh this.
  if (hist.issue) {
    human.scores[PHASE_INDEX.debug] += 1.2;
    if (withSignals) toolSignals.push("the ask is an issue report");
  }
  // An editor diagnostic handed to a quick fix: a linter's advice is a small edit (or a refactor), anything else an error.
  if (hist.diagnostic) {
    const p = diagnosticPhase(hist.human);
    human.scores[PHASE_INDEX[p]] += DIAGNOSTIC;
    if (withSignals) toolSignals.push(`quick fix of an editor diagnostic: ${p}`);
  }
  // Pasted output with no words of its own is shown because something in it is off.
  if (hist.pasted) {
    human.scores[PHASE_INDEX.debug] += 1.5;
    if (withSignals) toolSignals.push("developer pasted output without an instruction");
  }
  const tool = toolEvidence(
    facts,
    hist,
    testWork,
    withSignals ? toolSignals : null,
    askPhase(human.scores, prev.scores),
  );
  // The agent's words weigh little next to the developer's own, and most in tool-only stretches where they are the only
  // statement of the work in progress (0.5/1.2 → 0.3/1.6: leave-one-repo-out 0.723 → 0.730, 5-fold 0.740 → 0.750).
  const asstScale = hist.human ? 0.3 : 1.6;
  for (let p = 0; p < assistant.length; p++) assistant[p] *= asstScale;
  const ev: Evidence = { human: human.scores, prev: prev.scores, tool, assistant };
  return new Analyzed(view, fp, hist, facts, ev, mode, planMarker, human.hits, toolSignals);
}

/**
 * A class, not an object literal with a getter: V8 gives a literal with its own accessor a hidden class per object,
 * and hidden classes live in the old generation — every request's data then survived young collections until a
 * full one (measured on the bench: slow scavenges that freed almost nothing).
 */
class Analyzed implements Analysis {
  private built: SparseVec | undefined;

  constructor(
    public view: RequestView,
    public fp: Fingerprint,
    public hist: History,
    public facts: ToolFacts,
    public ev: Evidence,
    public mode: string | null,
    public planMarker: Analysis["planMarker"],
    public ruleHits: string[],
    public toolSignals: string[],
  ) {}

  get x(): SparseVec {
    this.built ??= featurize(this.ev, this.hist, this.facts, this.mode, this.view.hasTools, { dim: HASH_DIM });
    return this.built;
  }

  features(): SparseVec {
    return (
      this.built ?? featurizeView(this.ev, this.hist, this.facts, this.mode, this.view.hasTools, { dim: HASH_DIM })
    );
  }
}
