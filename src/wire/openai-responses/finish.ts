/** Responses status / incomplete_details ⇄ IR stop reason. */
import type { StopReason } from "../../ir/types.js";
import { isObj } from "../internal/guards.js";

export function stopReasonToIR(status: unknown, incomplete: unknown, hasToolCalls: boolean): StopReason {
  if (status === "incomplete") {
    const reason = isObj(incomplete) ? incomplete.reason : undefined;
    return reason === "content_filter" ? "content_filter" : "max_tokens";
  }
  if (status === "failed") return "error";
  return hasToolCalls ? "tool_use" : "end_turn";
}

export interface ResponsesStatus {
  status: "completed" | "incomplete" | "failed";
  incomplete_details: { reason: string } | null;
}

export function stopReasonFromIR(reason: StopReason): ResponsesStatus {
  switch (reason) {
    case "max_tokens":
      return { status: "incomplete", incomplete_details: { reason: "max_output_tokens" } };
    case "content_filter":
      return { status: "incomplete", incomplete_details: { reason: "content_filter" } };
    case "error":
      return { status: "failed", incomplete_details: null };
    default:
      return { status: "completed", incomplete_details: null };
  }
}
