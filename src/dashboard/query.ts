/**
 * Query-string parsing for the dashboard's JSON endpoints (pure functions): time spans, bucket sizes, limits.
 */
import { parseSince } from "../cli/stats.js";

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Bucket sizes the timeseries snaps to, so chart ticks land on round times. */
export const BUCKET_LADDER_MS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 604_800,
].map((s) => s * 1000);

/** At most this many points per series (bigger buckets are chosen instead). */
export const MAX_POINTS = 2000;

export class QueryError extends Error {}

/** `since=7d|24h|all|ISO|epoch-ms` → ms since the epoch (default `fallback`). */
export function sinceParam(url: URL, fallback: string, now = Date.now()): number {
  const raw = url.searchParams.get("since") ?? fallback;
  try {
    return parseSince(raw, now);
  } catch (e) {
    throw new QueryError((e as Error).message.replace(/^--since/, "since"));
  }
}

/** An integer query parameter clamped to [min, max]; `fallback` when absent or unreadable. */
export function intParam(url: URL, name: string, fallback: number, min: number, max: number): number {
  const v = Number(url.searchParams.get(name) ?? Number.NaN);
  if (!Number.isFinite(v)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(v)));
}

/** "15m" / "1h" / "30s" / "60000" → ms; throws on anything else. */
export function parseDuration(spec: string): number {
  const s = spec.trim().toLowerCase();
  const m = /^(\d+(?:\.\d+)?)\s*([smhdw])$/.exec(s);
  if (m) return Math.round(Number(m[1]) * UNITS[m[2]]);
  if (/^\d+$/.test(s)) return Number(s);
  throw new QueryError(`bucket: cannot read "${spec}" (try 1m, 15m, 1h or auto)`);
}

/** The smallest ladder bucket that splits `spanMs` into at most `points` buckets. */
export function autoBucket(spanMs: number, points = 60): number {
  const target = Math.max(1, spanMs) / points;
  return BUCKET_LADDER_MS.find((b) => b >= target) ?? BUCKET_LADDER_MS[BUCKET_LADDER_MS.length - 1];
}

/** A requested bucket, made coarse enough that the span has at most MAX_POINTS buckets (and at least 1 s). */
export function clampBucket(bucketMs: number, spanMs: number): number {
  return Math.max(1000, bucketMs, Math.ceil(spanMs / MAX_POINTS));
}
