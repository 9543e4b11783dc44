/**
 * Makes any record safe to store: every field has its type, strings have no NUL (Postgres rejects it) and a
 * bounded length, numbers are finite. A record that reaches the batcher can always be written.
 */
import { randomUUID } from "node:crypto";
import type { LedgerAttempt, LedgerRecord } from "./types.js";

const MAX_STR = 512;
const MAX_ERROR = 2000;
const MAX_SIGNALS = 32;
const MAX_ATTEMPTS = 16;

function str(v: unknown, max = MAX_STR): string | null {
  if (v === null || v === undefined) return null;
  const s = typeof v === "string" ? v : String(v);
  const clean = s.includes("\u0000") ? s.replaceAll("\u0000", "") : s;
  return clean.length > max ? clean.slice(0, max) : clean;
}

function finite(v: unknown, fallback = 0): number {
  const n = typeof v === "number" ? v : Number(v);
  return Number.isFinite(n) ? n : fallback;
}

function finiteOrNull(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = typeof v === "number" ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

/** An integer in [min, max]: Postgres rejects out-of-range BIGINT/INTEGER values, which would block a batch. */
function int(v: unknown, min: number, max: number, fallback = 0): number {
  const n = Math.trunc(finite(v, fallback));
  return Math.min(max, Math.max(min, n));
}

const tokens = (v: unknown): number => int(Math.round(finite(v)), 0, Number.MAX_SAFE_INTEGER);

function attempt(a: Partial<LedgerAttempt> | null | undefined): LedgerAttempt {
  const out: LedgerAttempt = {
    model: str(a?.model) ?? "",
    provider: str(a?.provider) ?? "",
    status: int(a?.status, 0, 999),
    ms: finite(a?.ms),
  };
  const err = str(a?.error, MAX_ERROR);
  if (err) out.error = err;
  return out;
}

export function normalizeRecord(r: Partial<LedgerRecord>, storeContent: boolean): LedgerRecord {
  const signals = Array.isArray(r.signals) ? r.signals.slice(0, MAX_SIGNALS).map((s) => str(s) ?? "") : [];
  const attempts = Array.isArray(r.attempts) ? r.attempts.slice(0, MAX_ATTEMPTS).map(attempt) : [];
  let content: unknown = null;
  if (storeContent && r.content !== undefined && r.content !== null) {
    try {
      // Round-trip now so a later JSON.stringify in the writer cannot throw (cycles, BigInt).
      content = JSON.parse(JSON.stringify(r.content).replace(/\\u0000/g, ""));
    } catch {
      content = null;
    }
  }
  return {
    id: str(r.id) || randomUUID(),
    ts: int(r.ts, 0, Number.MAX_SAFE_INTEGER, Date.now()),
    session_id: str(r.session_id),
    agent: str(r.agent) ?? "unknown",
    kind: str(r.kind),
    phase: str(r.phase),
    confidence: finiteOrNull(r.confidence),
    signals,
    api: str(r.api) ?? "unknown",
    requested_model: str(r.requested_model),
    model: str(r.model),
    provider: str(r.provider),
    attempts,
    input_tokens: tokens(r.input_tokens),
    output_tokens: tokens(r.output_tokens),
    cache_read_tokens: tokens(r.cache_read_tokens),
    cache_write_tokens: tokens(r.cache_write_tokens),
    cache_write_1h_tokens: tokens(r.cache_write_1h_tokens),
    reasoning_tokens: tokens(r.reasoning_tokens),
    cost_usd: finite(r.cost_usd),
    baseline_cost_usd: finite(r.baseline_cost_usd),
    overhead_ms: finite(r.overhead_ms),
    ttfb_ms: finiteOrNull(r.ttfb_ms),
    total_ms: finite(r.total_ms),
    status: int(r.status, 0, 999),
    error: str(r.error, MAX_ERROR),
    stream: r.stream === true,
    key_id: str(r.key_id, 64),
    layer: str(r.layer, 32),
    mode: str(r.mode, 64),
    content,
  };
}
