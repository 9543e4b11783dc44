/**
 * Structured JSON logs (pino). Two layers keep keys out:
 * 1. pino `redact` censors credential-bearing fields (authorization, x-api-key, x-goog-api-key, api_key, key, …)
 *    at the top level and up to three objects deep (e.g. `req.headers.authorization`).
 * 2. Every finished line passes through `redactSecrets`: the literal secrets the server knows (provider and router
 *    keys) and key-shaped tokens (sk-…, AIza…, Bearer …) are replaced, wherever they hide (error messages, URLs).
 */
import pino from "pino";

export type Logger = pino.Logger;

export const REDACTED = "[REDACTED]";

/** Field names whose values are never logged (case as they appear on the wire; headers are lower-cased by Node). */
export const SECRET_FIELDS = [
  "authorization",
  "Authorization",
  "proxy-authorization",
  "x-api-key",
  "x-goog-api-key",
  "api-key",
  "api_key",
  "apiKey",
  "key",
  "cookie",
  "set-cookie",
  "password",
  "secret",
  "token",
  "access_token",
  "refresh_token",
] as const;

function redactPaths(): string[] {
  const out: string[] = [];
  for (const f of SECRET_FIELDS) {
    const seg = /^[A-Za-z_$][\w$]*$/.test(f) ? f : `["${f}"]`;
    const dot = seg.startsWith("[") ? "" : ".";
    out.push(seg, `*${dot}${seg}`, `*.*${dot}${seg}`, `*.*.*${dot}${seg}`);
  }
  return out;
}

/** Key-shaped tokens, redacted even when nobody told us about them. */
const KEY_PATTERNS: RegExp[] = [
  /\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{16,}/g,
  /\bAIza[0-9A-Za-z_-]{20,}/g,
  /\b(?:gsk_|xai-)[A-Za-z0-9]{20,}/g,
  /\b(Bearer\s+)[A-Za-z0-9._~+/=-]{12,}/gi,
  /([?&](?:key|api_key|apikey)=)[^&\s"]+/gi,
];

/** Replaces every occurrence of the given secrets (and key-shaped tokens) in `str`. Secrets shorter than 6 chars are ignored. */
export function redactSecrets(str: string, secrets: readonly string[] = []): string {
  let out = str;
  for (const s of secrets) {
    if (typeof s !== "string" || s.length < 6) continue;
    if (out.includes(s)) out = out.split(s).join(REDACTED);
    // The same secret as it appears inside a JSON string.
    const esc = JSON.stringify(s).slice(1, -1);
    if (esc !== s && out.includes(esc)) out = out.split(esc).join(REDACTED);
  }
  for (const re of KEY_PATTERNS) {
    re.lastIndex = 0;
    if (re.test(out)) {
      re.lastIndex = 0;
      out = out.replace(re, (_m, prefix?: string) => (typeof prefix === "string" ? prefix : "") + REDACTED);
    }
  }
  return out;
}

export interface LoggerOptions {
  /** pino level (default "info", or CODEROUTER_LOG_LEVEL). */
  level?: string;
  /**
   * Secrets that must never appear in a line (provider keys, router keys). The array is read on every write,
   * so the server may push into it after creating the logger.
   */
  secrets?: string[];
  /** Where lines go (default stdout). */
  destination?: pino.DestinationStream;
  /** Extra fields on every line. */
  base?: Record<string, unknown>;
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const secrets = opts.secrets ?? [];
  const options: pino.LoggerOptions = {
    level: opts.level ?? process.env.CODEROUTER_LOG_LEVEL ?? "info",
    base: { name: "coderouter", ...opts.base },
    redact: { paths: redactPaths(), censor: REDACTED },
    hooks: { streamWrite: (line: string) => redactSecrets(line, secrets) },
  };
  return opts.destination ? pino(options, opts.destination) : pino(options);
}

/** Child logger carrying the request id (and any other per-request fields). */
export function requestLogger(parent: Logger, requestId: string, bindings: Record<string, unknown> = {}): Logger {
  return parent.child({ req_id: requestId, ...bindings });
}
