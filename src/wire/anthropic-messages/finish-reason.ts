import type { StopReason } from "../../ir/types.js";

/** Anthropic stop_reason → IR. Unknown values (future reasons) read as end_turn. */
export function stopReasonFromAnthropic(r: unknown): StopReason {
  switch (r) {
    case "end_turn":
    case "pause_turn":
      return "end_turn";
    case "max_tokens":
    case "model_context_window_exceeded":
      return "max_tokens";
    case "tool_use":
      return "tool_use";
    case "stop_sequence":
      return "stop_sequence";
    case "refusal":
      return "refusal";
    default:
      return "end_turn";
  }
}

export function stopReasonToAnthropic(r: StopReason): string {
  switch (r) {
    case "max_tokens":
      return "max_tokens";
    case "tool_use":
      return "tool_use";
    case "stop_sequence":
      return "stop_sequence";
    case "refusal":
    case "content_filter":
      return "refusal";
    default:
      return "end_turn";
  }
}
