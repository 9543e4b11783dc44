/** RouterError ⇄ Responses error JSON ({error:{message,type,param,code}}) and SSE `error` / `response.failed` events. */
import { type ErrorKind, kindForStatus, RouterError } from "../../errors/index.js";
import { formatSSE } from "../../sse/parser.js";
import { isObj, optStr } from "../internal/guards.js";
import type { ErrorShape } from "../types.js";

const TYPE: Record<ErrorKind, string> = {
  invalid_request: "invalid_request_error",
  authentication: "authentication_error",
  permission: "permission_error",
  not_found: "not_found_error",
  request_too_large: "invalid_request_error",
  unsupported_media_type: "invalid_request_error",
  rate_limit: "rate_limit_error",
  budget_exceeded: "insufficient_quota",
  api_error: "server_error",
  bad_gateway: "server_error",
  overloaded: "server_error",
  timeout: "server_error",
};

export function errorType(kind: ErrorKind): string {
  return TYPE[kind];
}

export function encodeError(err: RouterError): ErrorShape {
  return {
    status: err.status,
    body: { error: { message: err.message, type: TYPE[err.kind], param: null, code: err.code } },
  };
}

/** A standalone error for a stream whose encoder is gone: the `error` event, then `response.failed` (Codex waits for it). */
export function encodeStreamError(err: RouterError): string {
  return streamErrorEvents(err.message, TYPE[err.kind], err.code, 0, `resp_error_${Date.now()}`, "");
}

export function streamErrorEvents(
  message: string,
  type: string,
  code: string,
  seq: number,
  responseId: string,
  model: string,
): string {
  const error = { type: "error", sequence_number: seq, error: { type, code, message, param: null } };
  const failed = {
    type: "response.failed",
    sequence_number: seq + 1,
    response: {
      id: responseId,
      object: "response",
      created_at: Math.floor(Date.now() / 1000),
      status: "failed",
      error: { code, message },
      incomplete_details: null,
      model,
      output: [],
      usage: null,
    },
  };
  return formatSSE(JSON.stringify(error), "error") + formatSSE(JSON.stringify(failed), "response.failed");
}

/** Upstream error body (JSON error or stream error payload) → RouterError. */
export function errorFromBody(status: number, body: unknown): RouterError {
  const e = isObj(body) && isObj(body.error) ? body.error : isObj(body) ? body : {};
  const message = optStr(e.message) ?? `upstream error (HTTP ${status})`;
  const code = optStr(e.code) ?? optStr(e.type);
  const st = statusForCode(code) ?? status;
  return new RouterError(kindForStatus(st), message, { status: st, ...(code && { code }) });
}

export function statusForCode(code: string | undefined): number | undefined {
  switch (code) {
    case "rate_limit_exceeded":
    case "insufficient_quota":
    case "rate_limit_error":
      return 429;
    case "invalid_api_key":
    case "authentication_error":
      return 401;
    case "context_length_exceeded":
    case "invalid_request_error":
    case "invalid_prompt":
      return 400;
    case "server_error":
      return 500;
    case "server_is_overloaded":
    case "slow_down":
      return 503;
    default:
      return undefined;
  }
}
