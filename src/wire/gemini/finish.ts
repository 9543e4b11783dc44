/** Gemini finishReason ⇄ IR stop reason (a functionCall in the answer ⇒ tool_use). */
import type { StopReason } from "../../ir/types.js";

const FILTERED = new Set([
  "SAFETY",
  "RECITATION",
  "BLOCKLIST",
  "PROHIBITED_CONTENT",
  "SPII",
  "IMAGE_SAFETY",
  "LANGUAGE",
]);

export function finishToIR(reason: unknown, hasToolCalls: boolean): StopReason {
  if (reason === "MAX_TOKENS") return "max_tokens";
  if (typeof reason === "string" && FILTERED.has(reason)) return "content_filter";
  if (reason === "MALFORMED_FUNCTION_CALL" || reason === "UNEXPECTED_TOOL_CALL") return "error";
  return hasToolCalls ? "tool_use" : "end_turn";
}

export function finishFromIR(reason: StopReason): string {
  switch (reason) {
    case "max_tokens":
      return "MAX_TOKENS";
    case "content_filter":
    case "refusal":
      return "SAFETY";
    case "error":
      return "OTHER";
    default:
      return "STOP";
  }
}
