/** Responses usage ⇄ IR usage. Responses `input_tokens` includes cached tokens; IR input excludes them. */
import { emptyUsage, type IRUsage } from "../../ir/types.js";
import { isObj, num } from "../internal/guards.js";

export function usageToIR(u: unknown): IRUsage {
  const usage = emptyUsage();
  if (!isObj(u)) return usage;
  const cached = isObj(u.input_tokens_details) ? num(u.input_tokens_details.cached_tokens) : 0;
  const cacheWrite = isObj(u.input_tokens_details) ? num(u.input_tokens_details.cache_write_tokens) : 0;
  usage.cacheReadTokens = cached;
  usage.cacheWriteTokens = cacheWrite;
  usage.inputTokens = Math.max(0, num(u.input_tokens) - cached - cacheWrite);
  usage.outputTokens = num(u.output_tokens);
  usage.reasoningTokens = isObj(u.output_tokens_details) ? num(u.output_tokens_details.reasoning_tokens) : 0;
  return usage;
}

export function usageFromIR(u: IRUsage): Record<string, unknown> {
  const input = u.inputTokens + u.cacheReadTokens + u.cacheWriteTokens + u.cacheWrite1hTokens;
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: u.cacheReadTokens },
    output_tokens: u.outputTokens,
    output_tokens_details: { reasoning_tokens: u.reasoningTokens },
    total_tokens: input + u.outputTokens,
  };
}
