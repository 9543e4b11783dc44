import type { IRUsage } from "../../ir/types.js";
import { isObj, type Obj } from "../internal/check.js";

const n = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/**
 * Anthropic usage → IR. `input_tokens` already excludes cache reads/writes. Cache writes are split by TTL when
 * `cache_creation` is present; otherwise all of `cache_creation_input_tokens` counts as 5-minute writes.
 */
export function usageFromAnthropic(u: unknown): IRUsage {
  const o: Obj = isObj(u) ? u : {};
  const cc = isObj(o.cache_creation) ? o.cache_creation : undefined;
  const w5 = cc ? n(cc.ephemeral_5m_input_tokens) : n(o.cache_creation_input_tokens);
  const w1h = cc ? n(cc.ephemeral_1h_input_tokens) : 0;
  // A cache_creation split that doesn't add up (older/compatible servers) falls back to the total as 5m writes.
  const total = n(o.cache_creation_input_tokens);
  const split = cc && w5 + w1h === 0 && total > 0 ? { w5: total, w1h: 0 } : { w5, w1h };
  const details = isObj(o.output_tokens_details) ? o.output_tokens_details : undefined;
  return {
    inputTokens: n(o.input_tokens),
    outputTokens: n(o.output_tokens),
    cacheReadTokens: n(o.cache_read_input_tokens),
    cacheWriteTokens: split.w5,
    cacheWrite1hTokens: split.w1h,
    reasoningTokens: details ? n(details.thinking_tokens) : 0,
  };
}

/** Merges a partial update (message_delta usage) into the running usage: only fields present are replaced. */
export function mergeAnthropicUsage(base: IRUsage, u: unknown): IRUsage {
  if (!isObj(u)) return base;
  const next = usageFromAnthropic(u);
  const has = (k: string) => typeof u[k] === "number";
  return {
    inputTokens: has("input_tokens") ? next.inputTokens : base.inputTokens,
    outputTokens: has("output_tokens") ? next.outputTokens : base.outputTokens,
    cacheReadTokens: has("cache_read_input_tokens") ? next.cacheReadTokens : base.cacheReadTokens,
    cacheWriteTokens:
      has("cache_creation_input_tokens") || isObj(u.cache_creation) ? next.cacheWriteTokens : base.cacheWriteTokens,
    cacheWrite1hTokens:
      has("cache_creation_input_tokens") || isObj(u.cache_creation) ? next.cacheWrite1hTokens : base.cacheWrite1hTokens,
    reasoningTokens: isObj(u.output_tokens_details) ? next.reasoningTokens : base.reasoningTokens,
  };
}

export function usageToAnthropic(u: Partial<IRUsage>): Record<string, unknown> {
  const w5 = u.cacheWriteTokens ?? 0;
  const w1h = u.cacheWrite1hTokens ?? 0;
  return {
    input_tokens: u.inputTokens ?? 0,
    cache_creation_input_tokens: w5 + w1h,
    cache_read_input_tokens: u.cacheReadTokens ?? 0,
    cache_creation: { ephemeral_5m_input_tokens: w5, ephemeral_1h_input_tokens: w1h },
    output_tokens: u.outputTokens ?? 0,
    ...(u.reasoningTokens ? { output_tokens_details: { thinking_tokens: u.reasoningTokens } } : {}),
  };
}
