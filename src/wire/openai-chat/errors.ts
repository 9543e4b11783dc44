import { type ErrorKind, kindForStatus, RouterError } from "../../errors/index.js";
import { formatSSE } from "../../sse/parser.js";
import { isObj, safeJson } from "../internal/check.js";
import type { ErrorShape } from "../types.js";

/** OpenAI's error `type` and, where OpenAI has a well-known one, `code` for each kind. */
const SHAPE: Record<ErrorKind, { type: string; code?: string }> = {
  invalid_request: { type: "invalid_request_error" },
  authentication: { type: "authentication_error", code: "invalid_api_key" },
  permission: { type: "permission_error" },
  not_found: { type: "invalid_request_error", code: "model_not_found" },
  request_too_large: { type: "invalid_request_error", code: "request_too_large" },
  unsupported_media_type: { type: "invalid_request_error" },
  rate_limit: { type: "rate_limit_exceeded", code: "rate_limit_exceeded" },
  budget_exceeded: { type: "insufficient_quota", code: "insufficient_quota" },
  api_error: { type: "server_error" },
  bad_gateway: { type: "server_error" },
  overloaded: { type: "server_error", code: "server_overloaded" },
  timeout: { type: "server_error", code: "timeout" },
};

export function errorBody(
  status: number,
  type: string | undefined,
  message: string,
  code?: string | null,
): Record<string, unknown> {
  const shape = SHAPE[kindForStatus(status)];
  return { error: { message, type: type ?? shape.type, param: null, code: code ?? shape.code ?? null } };
}

export function encodeError(err: RouterError): ErrorShape {
  const shape = SHAPE[err.kind];
  return {
    status: err.status,
    body: { error: { message: err.message, type: shape.type, param: null, code: shape.code ?? err.code } },
  };
}

export function encodeStreamError(err: RouterError): string {
  return formatSSE(JSON.stringify(encodeError(err).body));
}

/** An upstream OpenAI-style error response (status + raw body text) as a RouterError with the upstream message. */
export function parseUpstreamError(status: number, bodyText: string, retryAfter?: number): RouterError {
  const body = safeJson(bodyText);
  const e = isObj(body) && isObj(body.error) ? body.error : undefined;
  const message = e && typeof e.message === "string" ? e.message : bodyText.slice(0, 500) || `upstream HTTP ${status}`;
  const kind = status === 429 && e?.code === "insufficient_quota" ? "budget_exceeded" : kindForStatus(status);
  return new RouterError(kind, message, { status, retryAfter, code: `CR_UPSTREAM_${status}` });
}
