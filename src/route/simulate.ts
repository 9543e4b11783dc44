/**
 * Replays a workload through the real classify + route code and prices it. Lines are eval envelopes
 * ({api, headers, body}) or ledger exports that carry `usage`. When a line has no usage, it is estimated: input =
 * the request's estimated tokens (no cache hits, on both sides), output = the per-phase output assumption in
 * policy.ts. Every line is also priced on the baseline (all-Opus) with the same usage.
 */
import type { Phase } from "../classify/types.js";
import { costIfBaseline, priceUsage, promptTokens } from "../cost/price.js";
import type { IRUsage } from "../ir/types.js";
import { dryRun, toEnvelope } from "./dry-run.js";
import { DEFAULT_OUTPUT_TOKENS, SIDE_OUTPUT_TOKENS } from "./policy.js";
import type { Router } from "./router.js";

export interface PhaseReport {
  requests: number;
  share: number;
  models: Record<string, number>;
  tokens: number;
  cost: number;
  baseline_cost: number;
  /** USD per million tokens (prompt + output) actually routed. */
  blended_usd_per_m: number;
  baseline_usd_per_m: number;
}

export interface SimulationReport {
  requests: number;
  cost: number;
  baseline_cost: number;
  savings: number;
  savings_pct: number;
  baseline_model: string;
  usage_estimated: number;
  output_assumption: string;
  per_phase: Partial<Record<Phase, PhaseReport>>;
  models: Record<string, number>;
}

/** Accepts IRUsage or {input_tokens, output_tokens, cache_read_tokens, cache_write_tokens}. */
export function normalizeUsage(u: any): IRUsage | undefined {
  if (!u || typeof u !== "object") return undefined;
  if (typeof u.inputTokens === "number")
    return {
      inputTokens: u.inputTokens,
      outputTokens: u.outputTokens ?? 0,
      cacheReadTokens: u.cacheReadTokens ?? 0,
      cacheWriteTokens: u.cacheWriteTokens ?? 0,
      cacheWrite1hTokens: u.cacheWrite1hTokens ?? 0,
      reasoningTokens: u.reasoningTokens ?? 0,
    };
  if (typeof u.input_tokens === "number")
    return {
      inputTokens: u.input_tokens,
      outputTokens: u.output_tokens ?? 0,
      cacheReadTokens: u.cache_read_tokens ?? u.cache_read_input_tokens ?? 0,
      cacheWriteTokens: u.cache_write_tokens ?? u.cache_creation_input_tokens ?? 0,
      cacheWrite1hTokens: u.cache_write_1h_tokens ?? 0,
      reasoningTokens: u.reasoning_tokens ?? 0,
    };
  return undefined;
}

export async function simulate(
  router: Router,
  lines: any[],
  opts: { availableProviders?: Iterable<string>; at?: Date } = {},
): Promise<SimulationReport> {
  const per: Partial<Record<Phase, PhaseReport>> = {};
  const models: Record<string, number> = {};
  let cost = 0;
  let baseline = 0;
  let estimated = 0;
  for (const line of lines) {
    const env = toEnvelope(line);
    const { decision, features, sessionId } = await dryRun(router, env, opts);
    let usage = normalizeUsage(line.usage);
    if (!usage) {
      estimated++;
      const out = SIDE_OUTPUT_TOKENS[decision.kind] ?? DEFAULT_OUTPUT_TOKENS[decision.phase];
      usage = {
        inputTokens: features.estInputTokens,
        outputTokens: out,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        cacheWrite1hTokens: 0,
        reasoningTokens: 0,
      };
    }
    const c = priceUsage(decision.model, usage, router.catalog, { at: opts.at }).usd;
    const b = costIfBaseline(usage, router.catalog, { at: opts.at }).usd;
    await router.commit(sessionId, decision.model, usage);
    per[decision.phase] ??= {
      requests: 0,
      share: 0,
      models: {},
      tokens: 0,
      cost: 0,
      baseline_cost: 0,
      blended_usd_per_m: 0,
      baseline_usd_per_m: 0,
    };
    const p = per[decision.phase] as PhaseReport;
    p.requests++;
    p.models[decision.model] = (p.models[decision.model] ?? 0) + 1;
    p.tokens += promptTokens(usage) + usage.outputTokens;
    p.cost += c;
    p.baseline_cost += b;
    models[decision.model] = (models[decision.model] ?? 0) + 1;
    cost += c;
    baseline += b;
  }
  for (const p of Object.values(per)) {
    p.share = p.requests / lines.length;
    p.blended_usd_per_m = p.tokens ? (p.cost / p.tokens) * 1e6 : 0;
    p.baseline_usd_per_m = p.tokens ? (p.baseline_cost / p.tokens) * 1e6 : 0;
  }
  return {
    requests: lines.length,
    cost,
    baseline_cost: baseline,
    savings: baseline - cost,
    savings_pct: baseline ? (baseline - cost) / baseline : 0,
    baseline_model: router.catalog.baselineId,
    usage_estimated: estimated,
    output_assumption: `lines without usage: input = body bytes / 3.7, no cache hits; output per phase ${JSON.stringify(DEFAULT_OUTPUT_TOKENS)}, side calls ${JSON.stringify(SIDE_OUTPUT_TOKENS)}`,
    per_phase: per,
    models,
  };
}
