/**
 * The phase classifier: `classify(input)` labels one inbound request with the coding phase it asks for, the
 * agent that sent it, its mode and its role in the agent loop. Layers: text rules (rules.ts), tool history
 * (tool-history.ts), agent fingerprint (fingerprint.ts), a small learned model (model.ts), combiner
 * (combine.ts). `classifyWithFallback` adds the LLM hook for low confidence.
 */
import { analyze } from "./analyze.js";
import { combine } from "./combine.js";
import { loadModel, type Model } from "./model.js";
import { type Classification, type ClassifyInput, type LlmFallback, PHASES } from "./types.js";

export type { Classification, ClassifyInput, LlmFallback, Phase, RequestKind } from "./types.js";
export { PHASES } from "./types.js";

/** Loaded once at startup; null (rules only) if the file is missing or stale. */
const MODEL: Model | null = loadModel();

/** Classifies one request. Sync, no I/O; reads only the tail of the conversation and the head of the prompt. */
export function classify(input: ClassifyInput): Classification {
  return combine(analyze(input), MODEL);
}

/** Same, with an explicit model (null = rules only). For training, evaluation and tests. */
export function classifyWith(input: ClassifyInput, model: Model | null): Classification {
  return combine(analyze(input), model);
}

export function modelLoaded(): boolean {
  return MODEL !== null;
}

/**
 * Calibrated confidence below which the LLM fallback is asked: answers right about half the time or less — 14% of
 * dev.jsonl and 15% of the real chats (right 49% / 57%), a quarter of the first-score answers to unseen sets (right 35%).
 */
export const DEFAULT_FALLBACK_THRESHOLD = 0.5;
export const DEFAULT_FALLBACK_TIMEOUT_MS = 1500;

/**
 * Layer 5 hook: when the local confidence is below `threshold` (and the phase did not come from a mode marker),
 * asks `fallback` (a cheap LLM, wired by the router). Fails open: on error, timeout or a bad answer the local
 * result is returned unchanged.
 */
export async function classifyWithFallback(
  input: ClassifyInput,
  fallback: LlmFallback,
  threshold = DEFAULT_FALLBACK_THRESHOLD,
  timeoutMs = DEFAULT_FALLBACK_TIMEOUT_MS,
): Promise<Classification> {
  const local = classify(input);
  if (local.confidence >= threshold || local.layer === "fingerprint") return local;
  let timer: NodeJS.Timeout | undefined;
  try {
    const answer = await Promise.race([
      fallback(input, local),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), timeoutMs);
      }),
    ]);
    if (!answer || !(PHASES as readonly string[]).includes(answer.phase)) {
      return { ...local, signals: [...local.signals, "llm fallback: no answer, kept local result"] };
    }
    const confidence =
      typeof answer.confidence === "number" && answer.confidence >= 0 && answer.confidence <= 1
        ? answer.confidence
        : Math.max(local.confidence, 0.6);
    return {
      ...local,
      phase: answer.phase,
      confidence,
      layer: "llm",
      signals: [`llm fallback: ${answer.phase} (local ${local.phase} at ${local.confidence})`, ...local.signals],
    };
  } catch {
    return { ...local, signals: [...local.signals, "llm fallback failed, kept local result"] };
  } finally {
    if (timer) clearTimeout(timer);
  }
}
