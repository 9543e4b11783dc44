import type { StopReason } from "../../ir/types.js";

export function finishReasonFromOpenAI(r: unknown): StopReason {
  switch (r) {
    case "length":
      return "max_tokens";
    case "tool_calls":
    case "function_call":
      return "tool_use";
    case "content_filter":
      return "content_filter";
    default:
      return "end_turn"; // "stop" and unknown values
  }
}

export function finishReasonToOpenAI(r: StopReason): string {
  switch (r) {
    case "max_tokens":
      return "length";
    case "tool_use":
      return "tool_calls";
    case "content_filter":
    case "refusal":
      return "content_filter";
    default:
      return "stop";
  }
}
