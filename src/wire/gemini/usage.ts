/**
 * Gemini usageMetadata ⇄ IR usage. promptTokenCount includes cachedContentTokenCount (subtracted for IR input);
 * thoughtsTokenCount is billed as output but excluded from candidatesTokenCount (added for IR output).
 */
import { emptyUsage, type IRUsage } from "../../ir/types.js";
import { isObj, num } from "../internal/guards.js";

export function usageToIR(u: unknown): IRUsage {
  const usage = emptyUsage();
  if (!isObj(u)) return usage;
  const cached = num(u.cachedContentTokenCount);
  usage.cacheReadTokens = cached;
  usage.inputTokens = Math.max(0, num(u.promptTokenCount) - cached) + num(u.toolUsePromptTokenCount);
  usage.reasoningTokens = num(u.thoughtsTokenCount);
  usage.outputTokens = num(u.candidatesTokenCount) + usage.reasoningTokens;
  return usage;
}

export function usageFromIR(u: IRUsage): Record<string, unknown> {
  const prompt = u.inputTokens + u.cacheReadTokens + u.cacheWriteTokens + u.cacheWrite1hTokens;
  const candidates = Math.max(0, u.outputTokens - u.reasoningTokens);
  return {
    promptTokenCount: prompt,
    candidatesTokenCount: candidates,
    totalTokenCount: prompt + u.outputTokens,
    ...(u.cacheReadTokens > 0 && { cachedContentTokenCount: u.cacheReadTokens }),
    ...(u.reasoningTokens > 0 && { thoughtsTokenCount: u.reasoningTokens }),
  };
}
