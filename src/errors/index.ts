/**
 * Typed errors with a stable code and a retryability flag. Each wire format maps a RouterError onto its own
 * JSON error body and SSE error event (`wire/<fmt>/errors.ts`).
 */

export type ErrorKind =
  | "invalid_request" // 400
  | "authentication" // 401
  | "permission" // 403
  | "not_found" // 404
  | "request_too_large" // 413
  | "unsupported_media_type" // 415
  | "rate_limit" // 429
  | "budget_exceeded" // 429
  | "api_error" // 500
  | "bad_gateway" // 502 (upstream answered garbage)
  | "overloaded" // 529 / 503
  | "timeout"; // 504

const STATUS: Record<ErrorKind, number> = {
  invalid_request: 400,
  authentication: 401,
  permission: 403,
  not_found: 404,
  request_too_large: 413,
  unsupported_media_type: 415,
  rate_limit: 429,
  budget_exceeded: 429,
  api_error: 500,
  bad_gateway: 502,
  overloaded: 529,
  timeout: 504,
};

const kRouterError = Symbol.for("coderouter.error");

export class RouterError extends Error {
  readonly [kRouterError] = true;
  readonly kind: ErrorKind;
  readonly status: number;
  /** Stable machine code, e.g. CR_MISSING_KEY, CR_UPSTREAM_TIMEOUT. */
  readonly code: string;
  readonly isRetryable: boolean;
  /** Seconds from an upstream Retry-After, if any. */
  readonly retryAfter?: number;

  constructor(
    kind: ErrorKind,
    message: string,
    opts: { code?: string; status?: number; retryable?: boolean; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(message, opts.cause !== undefined ? { cause: opts.cause } : undefined);
    this.name = "RouterError";
    this.kind = kind;
    this.status = opts.status ?? STATUS[kind];
    this.code = opts.code ?? `CR_${kind.toUpperCase()}`;
    this.isRetryable = opts.retryable ?? isRetryableStatus(this.status);
    this.retryAfter = opts.retryAfter;
  }

  static is(e: unknown): e is RouterError {
    return typeof e === "object" && e !== null && (e as Record<symbol, unknown>)[kRouterError] === true;
  }
}

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

export function kindForStatus(status: number): ErrorKind {
  if (status === 400 || status === 422) return "invalid_request";
  if (status === 401) return "authentication";
  if (status === 403) return "permission";
  if (status === 404) return "not_found";
  if (status === 413) return "request_too_large";
  if (status === 415) return "unsupported_media_type";
  if (status === 429) return "rate_limit";
  if (status === 502) return "bad_gateway";
  if (status === 503 || status === 529) return "overloaded";
  if (status === 504 || status === 408) return "timeout";
  return status >= 500 ? "api_error" : "invalid_request";
}

/** Normalises anything thrown into a RouterError (unknown errors become a 500 without leaking internals). */
export function toRouterError(e: unknown): RouterError {
  if (RouterError.is(e)) return e;
  if (e instanceof SyntaxError) return new RouterError("invalid_request", `Invalid JSON: ${e.message}`);
  return new RouterError("api_error", "Internal router error", { cause: e, code: "CR_INTERNAL" });
}

export const invalid = (message: string, code = "CR_INVALID_REQUEST") =>
  new RouterError("invalid_request", message, { code });
