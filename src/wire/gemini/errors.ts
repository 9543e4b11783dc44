/** RouterError ⇄ Gemini error JSON ({error:{code,message,status}}) and its SSE form (a `data:` chunk with `error`). */
import { type ErrorKind, kindForStatus, RouterError } from "../../errors/index.js";
import { formatSSE } from "../../sse/parser.js";
import { isObj, optNum, optStr } from "../internal/guards.js";
import type { ErrorShape } from "../types.js";

const STATUS: Record<ErrorKind, string> = {
  invalid_request: "INVALID_ARGUMENT",
  authentication: "UNAUTHENTICATED",
  permission: "PERMISSION_DENIED",
  not_found: "NOT_FOUND",
  request_too_large: "INVALID_ARGUMENT",
  unsupported_media_type: "INVALID_ARGUMENT",
  rate_limit: "RESOURCE_EXHAUSTED",
  budget_exceeded: "RESOURCE_EXHAUSTED",
  api_error: "INTERNAL",
  bad_gateway: "INTERNAL",
  overloaded: "UNAVAILABLE",
  timeout: "DEADLINE_EXCEEDED",
};

const HTTP: Record<string, number> = {
  INVALID_ARGUMENT: 400,
  FAILED_PRECONDITION: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  RESOURCE_EXHAUSTED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
};

export function errorBody(status: number, message: string, kind: ErrorKind): Record<string, unknown> {
  return { error: { code: status, message, status: STATUS[kind] } };
}

export function encodeError(err: RouterError): ErrorShape {
  // Gemini clients know 503, not Anthropic's 529.
  const status = err.status === 529 ? 503 : err.status;
  return { status, body: errorBody(status, err.message, err.kind) };
}

export function encodeStreamError(err: RouterError): string {
  return formatSSE(JSON.stringify(encodeError(err).body));
}

/** Upstream Gemini error body → RouterError (retry delay from google.rpc.RetryInfo when present). */
export function errorFromBody(status: number, body: unknown): RouterError {
  const e = isObj(body) && isObj(body.error) ? body.error : {};
  const st = optNum(e.code) ?? HTTP[optStr(e.status) ?? ""] ?? status;
  const message = optStr(e.message) ?? `upstream error (HTTP ${status})`;
  let retryAfter: number | undefined;
  if (Array.isArray(e.details)) {
    for (const d of e.details) {
      if (isObj(d) && typeof d.retryDelay === "string") retryAfter = Number.parseFloat(d.retryDelay);
    }
  }
  return new RouterError(kindForStatus(st), message, {
    status: st,
    code: optStr(e.status) ?? `GEMINI_${st}`,
    ...(retryAfter !== undefined && Number.isFinite(retryAfter) && { retryAfter }),
  });
}

/** IR stream error fields for an error chunk. */
export function streamErrorToIR(body: unknown): { status: number; type: string; message: string } {
  const err = errorFromBody(500, body);
  return { status: err.status, type: err.code, message: err.message };
}
