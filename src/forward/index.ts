/**
 * Upstream calls: one undici Agent (pooled keep-alive connections per origin), connect / first-byte / idle
 * timeouts, abort from the client side, and upstream failures mapped to typed, retry-aware RouterErrors.
 */
import { EventEmitter } from "node:events";
import type { Dispatcher } from "undici";
import { Agent, request } from "undici";
import { kindForStatus, RouterError } from "../errors/index.js";

export interface ForwardTimeouts {
  connect_ms: number;
  first_byte_ms: number;
  idle_ms: number;
}

export interface UpstreamResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Dispatcher.ResponseData["body"];
}

/**
 * A one-shot cancel switch for `send`, for the per-request hot path: an AbortController costs several µs to create
 * and listen to; undici accepts any EventEmitter with `aborted` / an 'abort' event. `reason` is the same
 * DOMException an AbortController gives, so an abort surfaces exactly as before.
 */
export class ClientAbort extends EventEmitter {
  aborted = false;
  reason: unknown = undefined;
  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = new DOMException("This operation was aborted", "AbortError");
    this.emit("abort");
  }
}

export interface Forwarder {
  send(
    url: string,
    headers: Record<string, string>,
    body: string | Buffer,
    signal: AbortSignal | ClientAbort,
  ): Promise<UpstreamResponse>;
  close(): Promise<void>;
}

export function createForwarder(t: ForwardTimeouts): Forwarder {
  const agent = new Agent({
    connect: { timeout: t.connect_ms },
    headersTimeout: t.first_byte_ms,
    bodyTimeout: t.idle_ms,
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 600_000,
    connections: 256,
    pipelining: 1,
  });
  return {
    async send(url, headers, body, signal) {
      try {
        const r = await request(url, { method: "POST", headers, body, signal, dispatcher: agent });
        return { status: r.statusCode, headers: r.headers, body: r.body };
      } catch (e) {
        throw upstreamError(e, url);
      }
    },
    close: () => agent.close(),
  };
}

/** Maps undici/socket failures onto RouterErrors. The URL's origin is named, never its query (keys can live there). */
export function upstreamError(e: unknown, url: string): RouterError {
  if (RouterError.is(e)) return e;
  const err = e as { code?: string; name?: string; message?: string };
  const origin = safeOrigin(url);
  switch (err.code) {
    case "UND_ERR_CONNECT_TIMEOUT":
      return new RouterError("timeout", `Upstream ${origin}: connect timeout`, {
        code: "CR_UPSTREAM_CONNECT_TIMEOUT",
        retryable: true,
      });
    case "UND_ERR_HEADERS_TIMEOUT":
      return new RouterError("timeout", `Upstream ${origin}: no response before the first-byte timeout`, {
        code: "CR_UPSTREAM_FIRST_BYTE_TIMEOUT",
        retryable: true,
      });
    case "UND_ERR_BODY_TIMEOUT":
      return new RouterError("timeout", `Upstream ${origin}: stream idle timeout`, {
        code: "CR_UPSTREAM_IDLE_TIMEOUT",
        retryable: true,
      });
    case "ECONNREFUSED":
    case "ECONNRESET":
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EHOSTUNREACH":
    case "UND_ERR_SOCKET":
    case "UND_ERR_CLOSED":
      return new RouterError("bad_gateway", `Upstream ${origin}: connection failed (${err.code})`, {
        code: "CR_UPSTREAM_CONNECTION",
        retryable: true,
      });
    default:
      if (err.name === "AbortError" || err.code === "UND_ERR_ABORTED")
        return new RouterError("api_error", "Request aborted", { code: "CR_ABORTED", retryable: false, status: 499 });
      return new RouterError("bad_gateway", `Upstream ${origin}: ${err.message ?? "request failed"}`, {
        code: "CR_UPSTREAM",
        retryable: true,
      });
  }
}

/** An upstream HTTP error status as a RouterError with the provider's own message. */
export function upstreamStatusError(
  status: number,
  provider: string,
  bodyText: string,
  retryAfter?: string | string[],
): RouterError {
  let msg = bodyText.slice(0, 500);
  try {
    const j = JSON.parse(bodyText);
    const m = j?.error?.message ?? j?.message ?? (Array.isArray(j) ? j[0]?.error?.message : undefined);
    if (typeof m === "string") msg = m;
  } catch {}
  const ra = Array.isArray(retryAfter) ? retryAfter[0] : retryAfter;
  const secs = ra !== undefined && /^\d+(\.\d+)?$/.test(ra) ? Number(ra) : undefined;
  return new RouterError(kindForStatus(status), `Upstream ${provider} returned ${status}: ${msg}`, {
    status: status === 529 ? 529 : status,
    code: `CR_UPSTREAM_${status}`,
    retryAfter: secs,
  });
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "upstream";
  }
}
