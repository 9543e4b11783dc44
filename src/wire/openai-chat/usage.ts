import type { IRUsage } from "../../ir/types.js";
import { isObj, type Obj } from "../internal/check.js";

const n = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/**
 * OpenAI usage → IR. `prompt_tokens` includes cached tokens, so they are subtracted to get uncached input.
 * Also reads DeepSeek's `prompt_cache_hit_tokens` when `prompt_tokens_details` is absent.
 */
export function usageFromOpenAI(u: unknown): IRUsage {
  const o: Obj = isObj(u) ? u : {};
  const pd = isObj(o.prompt_tokens_details) ? o.prompt_tokens_details : undefined;
  const cd = isObj(o.completion_tokens_details) ? o.completion_tokens_details : undefined;
  const prompt = n(o.prompt_tokens);
  const cached = pd && typeof pd.cached_tokens === "number" ? n(pd.cached_tokens) : n(o.prompt_cache_hit_tokens);
  const cacheWrite = pd ? n(pd.cache_write_tokens) : 0;
  return {
    inputTokens: Math.max(0, prompt - cached - cacheWrite),
    outputTokens: n(o.completion_tokens),
    cacheReadTokens: cached,
    cacheWriteTokens: cacheWrite,
    cacheWrite1hTokens: 0,
    reasoningTokens: cd ? n(cd.reasoning_tokens) : 0,
  };
}

export function usageToOpenAI(u: IRUsage): Record<string, unknown> {
  const prompt = u.inputTokens + u.cacheReadTokens + u.cacheWriteTokens + u.cacheWrite1hTokens;
  return {
    prompt_tokens: prompt,
    completion_tokens: u.outputTokens,
    total_tokens: prompt + u.outputTokens,
    prompt_tokens_details: { cached_tokens: u.cacheReadTokens },
    completion_tokens_details: { reasoning_tokens: u.reasoningTokens },
  };
}
