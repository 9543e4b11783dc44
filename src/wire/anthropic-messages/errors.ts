import { type ErrorKind, kindForStatus, RouterError } from "../../errors/index.js";
import { formatSSE } from "../../sse/parser.js";
import { isObj, safeJson } from "../internal/check.js";
import type { ErrorShape } from "../types.js";

const TYPE_BY_KIND: Record<ErrorKind, string> = {
  invalid_request: "invalid_request_error",
  authentication: "authentication_error",
  permission: "permission_error",
  not_found: "not_found_error",
  request_too_large: "request_too_large",
  unsupported_media_type: "invalid_request_error",
  rate_limit: "rate_limit_error",
  budget_exceeded: "rate_limit_error",
  api_error: "api_error",
  bad_gateway: "api_error",
  overloaded: "overloaded_error",
  timeout: "timeout_error",
};

const ANTHROPIC_TYPES = new Set([...Object.values(TYPE_BY_KIND), "billing_error"]);

/** Anthropic error `type` for an HTTP status (used for IR stream errors that carry a foreign type). */
export function anthropicErrorType(status: number, type?: string): string {
  if (type && ANTHROPIC_TYPES.has(type)) return type;
  return TYPE_BY_KIND[kindForStatus(status)];
}

export function errorBody(status: number, type: string | undefined, message: string): Record<string, unknown> {
  return { type: "error", error: { type: anthropicErrorType(status, type), message } };
}

export function encodeError(err: RouterError): ErrorShape {
  const body = errorBody(err.status, TYPE_BY_KIND[err.kind], err.message);
  return { status: err.status, body };
}

export function encodeStreamError(err: RouterError): string {
  return formatSSE(JSON.stringify(encodeError(err).body), "error");
}

const STATUS_BY_TYPE: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

export const statusForAnthropicType = (type: string): number => STATUS_BY_TYPE[type] ?? 500;

/** An upstream Anthropic error response (status + raw body text) as a RouterError with the upstream message. */
export function parseUpstreamError(status: number, bodyText: string, retryAfter?: number): RouterError {
  const body = safeJson(bodyText);
  const e = isObj(body) && isObj(body.error) ? body.error : undefined;
  const message = e && typeof e.message === "string" ? e.message : bodyText.slice(0, 500) || `upstream HTTP ${status}`;
  return new RouterError(kindForStatus(status), message, { status, retryAfter, code: `CR_UPSTREAM_${status}` });
}
