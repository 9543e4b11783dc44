/**
 * The ledger: one row per request the router answered (or refused), written off the response path.
 * No prompt or completion content unless `ledger.store_content` is set.
 */
import type { ApiKind } from "../ir/types.js";

/** One upstream try. The last attempt is the one that answered (or the final failure). */
export interface LedgerAttempt {
  model: string;
  provider: string;
  /** HTTP status from the upstream; 0 when no response arrived (connect error, timeout). */
  status: number;
  error?: string;
  ms: number;
}

export interface LedgerRecord {
  /** The request id (x-request-id the router returned). */
  id: string;
  /** Start of the request, ms since the epoch. */
  ts: number;
  session_id: string | null;
  agent: string;
  kind: string | null;
  phase: string | null;
  confidence: number | null;
  signals: string[];
  /** Inbound API. */
  api: ApiKind | string;
  requested_model: string | null;
  model: string | null;
  provider: string | null;
  attempts: LedgerAttempt[];
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  /** 5-minute cache writes. */
  cache_write_tokens: number;
  /** 1-hour cache writes (optional; 0 when absent). */
  cache_write_1h_tokens?: number;
  /** Already included in output_tokens. */
  reasoning_tokens: number;
  cost_usd: number;
  /** What the request would have cost on the baseline model. */
  baseline_cost_usd: number;
  /** Time spent inside the router (classify, route, translate), ms. */
  overhead_ms: number;
  ttfb_ms: number | null;
  total_ms: number;
  /** HTTP status returned to the client. */
  status: number;
  error: string | null;
  stream: boolean;
  /** Hash prefix of the router key used, when router keys are configured. */
  key_id: string | null;
  /** Classifier layer that decided (fingerprint, rules, model, llm); optional. */
  layer?: string | null;
  /** Agent mode when signalled (plan, architect, …); optional. */
  mode?: string | null;
  /** Prompt/completion content, only stored when `ledger.store_content` is true. */
  content: unknown | null;
}

export interface SessionSummary {
  session_id: string;
  requests: number;
  cost_usd: number;
  baseline_cost_usd: number;
  savings_usd: number;
  /** Distinct models used, most used first. */
  models: string[];
  first_ts: number;
  last_ts: number;
}

export interface GroupTotals {
  requests: number;
  cost: number;
  baseline_cost: number;
  input_tokens: number;
  output_tokens: number;
}

export interface SessionTotals extends GroupTotals {
  session_id: string;
  agent: string;
  first_ts: number;
  last_ts: number;
}

export interface LedgerStats {
  since_ms: number;
  requests: number;
  cost: number;
  baseline_cost: number;
  savings: number;
  /** 0–100; 0 when the baseline cost is 0. */
  savings_pct: number;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  errors: number;
  /** Keyed by phase ("unknown" when the request was not classified). */
  per_phase: Record<string, GroupTotals>;
  per_model: Record<string, GroupTotals>;
  per_agent: Record<string, GroupTotals>;
  /** Top sessions by cost. */
  per_session: SessionTotals[];
  overhead_ms: { p50: number; p99: number };
}

export interface StatsOptions {
  /** Only rows with ts >= sinceMs (default 0: everything). */
  sinceMs?: number;
  /** How many sessions in per_session (default 10). */
  topSessions?: number;
}

export interface TimeseriesPoint {
  /** Bucket start, ms since the epoch. */
  t: number;
  requests: number;
  cost: number;
  baseline_cost: number;
}

/** Called once per exported row with one JSON document (no trailing newline). */
export type WriteLine = (line: string) => void | Promise<void>;

/** Read side, shared by every backend. */
export interface LedgerQueries {
  getRequest(id: string): Promise<LedgerRecord | null>;
  sessionSummary(sessionId: string): Promise<SessionSummary | null>;
  stats(opts?: StatsOptions): Promise<LedgerStats>;
  /** Newest first. */
  recent(limit: number): Promise<LedgerRecord[]>;
  timeseries(opts: { sinceMs: number; bucketMs: number }): Promise<TimeseriesPoint[]>;
  /** Oldest first; returns the number of lines written. */
  exportJsonl(sinceMs: number, writeLine: WriteLine): Promise<number>;
  /** Sum of cost_usd for one router key since a time (budgets). */
  spendSince(keyId: string, sinceMs: number): Promise<number>;
  /** Deletes rows older than `retentionDays`; returns how many were deleted. */
  prune(retentionDays: number, nowMs?: number): Promise<number>;
}

/** A storage backend (SQLite, PostgreSQL): synchronous-looking batch writes plus the queries. */
export interface LedgerStore extends LedgerQueries {
  readonly backend: "sqlite" | "postgres";
  /** Inserts rows; idempotent on id (a retried batch never duplicates). */
  insertMany(rows: LedgerRecord[]): Promise<void>;
  close(): Promise<void>;
}

/** What the server holds: record() enqueues, a batcher writes. */
export interface Ledger extends LedgerQueries {
  readonly backend: "sqlite" | "postgres";
  /** Enqueue one record; synchronous, never throws. */
  record(r: LedgerRecord): void;
  /** Write everything queued so far. */
  flush(): Promise<void>;
  /** Flush everything, stop timers, close the store. */
  close(): Promise<void>;
  /** Rows queued or being written. */
  pending(): number;
}
