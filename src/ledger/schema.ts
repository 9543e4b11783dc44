/**
 * One schema for both backends: numbered migrations written once with a few type placeholders, the column list
 * in insert order, and the row ↔ record mapping. JSON columns are TEXT in both databases.
 */
import type { LedgerRecord } from "./types.js";

export type Dialect = "sqlite" | "postgres";

const TYPES: Record<Dialect, Record<string, string>> = {
  sqlite: { BIGINT: "INTEGER", INT: "INTEGER", REAL: "REAL", TEXT: "TEXT" },
  postgres: { BIGINT: "BIGINT", INT: "INTEGER", REAL: "DOUBLE PRECISION", TEXT: "TEXT" },
};

export interface Migration {
  version: number;
  name: string;
  /** SQL with {BIGINT} {INT} {REAL} {TEXT} placeholders; statements separated by `;`. */
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: "requests",
    sql: `
CREATE TABLE IF NOT EXISTS requests (
  id {TEXT} PRIMARY KEY,
  ts {BIGINT} NOT NULL,
  session_id {TEXT},
  agent {TEXT} NOT NULL,
  kind {TEXT},
  phase {TEXT},
  confidence {REAL},
  signals {TEXT} NOT NULL,
  api {TEXT} NOT NULL,
  requested_model {TEXT},
  model {TEXT},
  provider {TEXT},
  attempts {TEXT} NOT NULL,
  input_tokens {BIGINT} NOT NULL,
  output_tokens {BIGINT} NOT NULL,
  cache_read_tokens {BIGINT} NOT NULL,
  cache_write_tokens {BIGINT} NOT NULL,
  cache_write_1h_tokens {BIGINT} NOT NULL,
  reasoning_tokens {BIGINT} NOT NULL,
  cost_usd {REAL} NOT NULL,
  baseline_cost_usd {REAL} NOT NULL,
  overhead_ms {REAL} NOT NULL,
  ttfb_ms {REAL},
  total_ms {REAL} NOT NULL,
  status {INT} NOT NULL,
  error {TEXT},
  stream {INT} NOT NULL,
  key_id {TEXT},
  layer {TEXT},
  mode {TEXT},
  content {TEXT}
);
CREATE INDEX IF NOT EXISTS requests_ts ON requests (ts);
CREATE INDEX IF NOT EXISTS requests_session ON requests (session_id, ts);
CREATE INDEX IF NOT EXISTS requests_key ON requests (key_id, ts)`,
  },
];

export function migrationStatements(m: Migration, d: Dialect): string[] {
  const sql = m.sql.replace(/\{(BIGINT|INT|REAL|TEXT)\}/g, (_, t: string) => TYPES[d][t]);
  return sql
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}

export const SCHEMA_MIGRATIONS_DDL =
  "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";

/** Column order used by inserts (and the Postgres unnest casts). */
export const COLUMNS = [
  ["id", "text"],
  ["ts", "bigint"],
  ["session_id", "text"],
  ["agent", "text"],
  ["kind", "text"],
  ["phase", "text"],
  ["confidence", "float8"],
  ["signals", "text"],
  ["api", "text"],
  ["requested_model", "text"],
  ["model", "text"],
  ["provider", "text"],
  ["attempts", "text"],
  ["input_tokens", "bigint"],
  ["output_tokens", "bigint"],
  ["cache_read_tokens", "bigint"],
  ["cache_write_tokens", "bigint"],
  ["cache_write_1h_tokens", "bigint"],
  ["reasoning_tokens", "bigint"],
  ["cost_usd", "float8"],
  ["baseline_cost_usd", "float8"],
  ["overhead_ms", "float8"],
  ["ttfb_ms", "float8"],
  ["total_ms", "float8"],
  ["status", "int"],
  ["error", "text"],
  ["stream", "int"],
  ["key_id", "text"],
  ["layer", "text"],
  ["mode", "text"],
  ["content", "text"],
] as const;

export const COLUMN_NAMES = COLUMNS.map((c) => c[0]);

export type RowValue = string | number | null;

/** Record (already normalized) → values in COLUMNS order. */
export function toRow(r: LedgerRecord): RowValue[] {
  return [
    r.id,
    r.ts,
    r.session_id,
    r.agent,
    r.kind,
    r.phase,
    r.confidence,
    JSON.stringify(r.signals),
    r.api,
    r.requested_model,
    r.model,
    r.provider,
    JSON.stringify(r.attempts),
    r.input_tokens,
    r.output_tokens,
    r.cache_read_tokens,
    r.cache_write_tokens,
    r.cache_write_1h_tokens ?? 0,
    r.reasoning_tokens,
    r.cost_usd,
    r.baseline_cost_usd,
    r.overhead_ms,
    r.ttfb_ms,
    r.total_ms,
    r.status,
    r.error,
    r.stream ? 1 : 0,
    r.key_id,
    r.layer ?? null,
    r.mode ?? null,
    r.content === null || r.content === undefined ? null : JSON.stringify(r.content),
  ];
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const parseJson = <T>(v: unknown, fallback: T): T => {
  if (typeof v !== "string") return fallback;
  try {
    return JSON.parse(v) as T;
  } catch {
    return fallback;
  }
};

/** A database row (SQLite or Postgres; bigints may arrive as strings) → record. */
export function fromRow(row: Record<string, unknown>): LedgerRecord {
  return {
    id: String(row.id),
    ts: num(row.ts),
    session_id: (row.session_id as string | null) ?? null,
    agent: String(row.agent),
    kind: (row.kind as string | null) ?? null,
    phase: (row.phase as string | null) ?? null,
    confidence: numOrNull(row.confidence),
    signals: parseJson<string[]>(row.signals, []),
    api: String(row.api),
    requested_model: (row.requested_model as string | null) ?? null,
    model: (row.model as string | null) ?? null,
    provider: (row.provider as string | null) ?? null,
    attempts: parseJson(row.attempts, []),
    input_tokens: num(row.input_tokens),
    output_tokens: num(row.output_tokens),
    cache_read_tokens: num(row.cache_read_tokens),
    cache_write_tokens: num(row.cache_write_tokens),
    cache_write_1h_tokens: num(row.cache_write_1h_tokens),
    reasoning_tokens: num(row.reasoning_tokens),
    cost_usd: num(row.cost_usd),
    baseline_cost_usd: num(row.baseline_cost_usd),
    overhead_ms: num(row.overhead_ms),
    ttfb_ms: numOrNull(row.ttfb_ms),
    total_ms: num(row.total_ms),
    status: num(row.status),
    error: (row.error as string | null) ?? null,
    stream: num(row.stream) !== 0 || row.stream === true,
    key_id: (row.key_id as string | null) ?? null,
    layer: (row.layer as string | null) ?? null,
    mode: (row.mode as string | null) ?? null,
    content: row.content === null || row.content === undefined ? null : parseJson(row.content, null),
  };
}
