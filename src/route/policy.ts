/**
 * Default routing policy: the seed's phase → preference table mapped onto today's model names, quality floors,
 * and the output-token assumption used to estimate cost before a call. All editable under `routing:` in config.
 *
 * Name mapping (seed → catalog id): opus → claude-opus-5-5 (newest Opus), gpt-5.x → gpt-5.5, gpt → gpt-6-sol,
 * gpt-mini → gpt-6-luna, sonnet → claude-sonnet-5, haiku → claude-haiku-4-5, gemini-pro → gemini-3.1-pro-preview,
 * gemini-flash → gemini-3.8-flash, deepseek-chat → deepseek-v4-flash, deepseek-reasoner → deepseek-v4-pro,
 * kimi → kimi-k2.7-code.
 */
import type { Phase, RequestKind } from "../classify/types.js";

export const DEFAULT_POLICY: Record<Phase, string[]> = {
  plan: ["claude-opus-5-5", "gpt-5.5", "claude-sonnet-5", "gemini-3.1-pro-preview"],
  implement: ["claude-sonnet-5", "deepseek-v4-flash", "gemini-3.1-pro-preview", "gpt-6-sol"],
  debug: ["claude-sonnet-5", "deepseek-v4-pro", "gpt-6-sol", "claude-opus-5-5"],
  test: ["deepseek-v4-flash", "kimi-k2.7-code", "claude-sonnet-5", "gemini-3.8-flash"],
  refactor: ["claude-sonnet-5", "deepseek-v4-flash", "gemini-3.1-pro-preview"],
  document: ["claude-haiku-4-5", "gemini-3.8-flash", "gpt-6-luna"],
  small_edit: ["gpt-6-luna", "gemini-3.8-flash", "claude-haiku-4-5"],
};

/** Minimum per-phase capability score (0–100) for medium complexity; see `floorFor`. */
export const DEFAULT_FLOORS: Record<Phase, number> = {
  plan: 84,
  implement: 74,
  debug: 78,
  test: 72,
  refactor: 76,
  document: 60,
  small_edit: 55,
};

/** Floor for side calls, which ignore the phase policy and go to the cheapest capable model. */
export const SIDE_FLOORS: Partial<Record<RequestKind, number>> = { title: 40, router: 40, compact: 70, subagent: 72 };

/**
 * Output tokens assumed per request when estimating cost before the call (and by `simulate` when a workload line
 * carries no usage): typical agent turns are tool calls or short edits, plans are longer.
 */
export const DEFAULT_OUTPUT_TOKENS: Record<Phase, number> = {
  plan: 2000,
  implement: 1500,
  debug: 1200,
  test: 1500,
  refactor: 1500,
  document: 600,
  small_edit: 300,
};
export const SIDE_OUTPUT_TOKENS: Partial<Record<RequestKind, number>> = { title: 30, router: 60, compact: 2000 };

/** Preference bonus by position in the phase's list (capability points). */
export const PREFERENCE_BONUS = [6, 4, 2, 1];

/** Capability points one 10× cost step is worth (20: a model 10× the price must score 20 points higher): value = score + bonus − weight·log10(cost / cheapest). */
export const DEFAULT_COST_WEIGHT = 20;

/** Assumed further requests a session switch pays back over (phase runs are short; see README). */
export const DEFAULT_SESSION_HORIZON = 4;

export function floorFor(base: number, complexity: "low" | "medium" | "high"): number {
  return complexity === "high" ? base + 8 : complexity === "low" ? base - 8 : base;
}
