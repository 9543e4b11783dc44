/**
 * The read side, written once for both backends on top of a tiny runner (`all`, `run`). SQL uses `?` and is
 * rewritten to `$n` for Postgres. Money sums: SQLite's SUM uses Kahan–Babuška–Neumaier summation on REAL;
 * Postgres sums as NUMERIC (exact) and converts back once.
 */
import type { IRUsage } from "../ir/types.js";
import { type Dialect, fromRow } from "./schema.js";
import type {
  GroupTotals,
  LedgerQueries,
  LedgerRecord,
  LedgerStats,
  SessionSummary,
  SessionTotals,
  StatsOptions,
  TimeseriesPoint,
  WriteLine,
} from "./types.js";

export type Row = Record<string, unknown>;

export interface SqlRunner {
  all(sql: string, params: unknown[]): Promise<Row[]>;
  /** Returns affected rows. */
  run(sql: string, params: unknown[]): Promise<number>;
}

/** `?` placeholders → `$1, $2, …` (our SQL has no `?` inside literals). */
export function toPgPlaceholders(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
}

const DAY_MS = 86_400_000;
const EXPORT_PAGE = 1000;

function buildSql(d: Dialect) {
  const money = (c: string) => (d === "postgres" ? `COALESCE(SUM(${c}::numeric), 0)` : `COALESCE(SUM(${c}), 0)`);
  const p = d === "postgres" ? toPgPlaceholders : (s: string) => s;
  const group = `COUNT(*) AS requests, ${money("cost_usd")} AS cost, ${money("baseline_cost_usd")} AS baseline_cost, COALESCE(SUM(input_tokens), 0) AS input_tokens, COALESCE(SUM(output_tokens), 0) AS output_tokens`;
  const by = (expr: string) => p(`SELECT ${expr} AS k, ${group} FROM requests WHERE ts >= ? GROUP BY ${expr}`);
  return {
    totals: p(
      `SELECT ${group}, COALESCE(SUM(cache_read_tokens), 0) AS cache_read_tokens, COALESCE(SUM(CASE WHEN status >= 400 OR error IS NOT NULL THEN 1 ELSE 0 END), 0) AS errors FROM requests WHERE ts >= ?`,
    ),
    perPhase: by("COALESCE(phase, 'unknown')"),
    perModel: by("COALESCE(model, 'none')"),
    perAgent: by("agent"),
    perSession: p(
      `SELECT session_id, MIN(agent) AS agent, ${group}, MIN(ts) AS first_ts, MAX(ts) AS last_ts FROM requests WHERE ts >= ? AND session_id IS NOT NULL GROUP BY session_id ORDER BY cost DESC, session_id LIMIT ?`,
    ),
    overheadAt: p("SELECT overhead_ms FROM requests WHERE ts >= ? ORDER BY overhead_ms LIMIT 1 OFFSET ?"),
    getRequest: p("SELECT * FROM requests WHERE id = ?"),
    session: p(`SELECT ${group}, MIN(ts) AS first_ts, MAX(ts) AS last_ts FROM requests WHERE session_id = ?`),
    sessionModels: p(
      "SELECT model, COUNT(*) AS n FROM requests WHERE session_id = ? AND model IS NOT NULL GROUP BY model ORDER BY n DESC, model",
    ),
    recent: p("SELECT * FROM requests ORDER BY ts DESC, id DESC LIMIT ?"),
    timeseries: p(
      `SELECT (ts / CAST(? AS BIGINT)) * CAST(? AS BIGINT) AS t, COUNT(*) AS requests, ${money("cost_usd")} AS cost, ${money("baseline_cost_usd")} AS baseline_cost FROM requests WHERE ts >= ? GROUP BY t ORDER BY t`,
    ),
    exportPage: p("SELECT * FROM requests WHERE ts >= ? AND (ts > ? OR (ts = ? AND id > ?)) ORDER BY ts, id LIMIT ?"),
    spend: p(`SELECT ${money("cost_usd")} AS cost FROM requests WHERE key_id = ? AND ts >= ?`),
    prune: p("DELETE FROM requests WHERE ts < ?"),
  };
}

const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

function totals(r: Row): GroupTotals {
  return {
    requests: n(r.requests),
    cost: n(r.cost),
    baseline_cost: n(r.baseline_cost),
    input_tokens: n(r.input_tokens),
    output_tokens: n(r.output_tokens),
  };
}

function keyed(rows: Row[]): Record<string, GroupTotals> {
  const out: Record<string, GroupTotals> = {};
  for (const r of rows.sort((a, b) => n(b.requests) - n(a.requests))) out[String(r.k)] = totals(r);
  return out;
}

/** Nearest-rank percentile position (0-based) among `count` sorted values. */
export function rankOffset(p: number, count: number): number {
  return Math.min(count - 1, Math.max(0, Math.ceil(p * count) - 1));
}

export class SqlQueries implements LedgerQueries {
  private readonly sql: ReturnType<typeof buildSql>;

  constructor(
    private readonly runner: SqlRunner,
    dialect: Dialect,
  ) {
    this.sql = buildSql(dialect);
  }

  async getRequest(id: string): Promise<LedgerRecord | null> {
    const [row] = await this.runner.all(this.sql.getRequest, [id]);
    return row ? fromRow(row) : null;
  }

  async sessionSummary(sessionId: string): Promise<SessionSummary | null> {
    const [[row], models] = await Promise.all([
      this.runner.all(this.sql.session, [sessionId]),
      this.runner.all(this.sql.sessionModels, [sessionId]),
    ]);
    if (!row || n(row.requests) === 0) return null;
    const cost = n(row.cost);
    const baseline = n(row.baseline_cost);
    return {
      session_id: sessionId,
      requests: n(row.requests),
      cost_usd: cost,
      baseline_cost_usd: baseline,
      savings_usd: baseline - cost,
      models: models.map((m) => String(m.model)),
      first_ts: n(row.first_ts),
      last_ts: n(row.last_ts),
    };
  }

  async stats(opts: StatsOptions = {}): Promise<LedgerStats> {
    const since = opts.sinceMs ?? 0;
    const top = opts.topSessions ?? 10;
    const s = this.sql;
    const [[t], phases, models, agents, sessions] = await Promise.all([
      this.runner.all(s.totals, [since]),
      this.runner.all(s.perPhase, [since]),
      this.runner.all(s.perModel, [since]),
      this.runner.all(s.perAgent, [since]),
      this.runner.all(s.perSession, [since, top]),
    ]);
    const count = n(t?.requests);
    const overheadAt = async (p: number) =>
      count === 0 ? 0 : n((await this.runner.all(s.overheadAt, [since, rankOffset(p, count)]))[0]?.overhead_ms);
    const [p50, p99] = await Promise.all([overheadAt(0.5), overheadAt(0.99)]);
    const cost = n(t?.cost);
    const baseline = n(t?.baseline_cost);
    return {
      since_ms: since,
      requests: count,
      cost,
      baseline_cost: baseline,
      savings: baseline - cost,
      savings_pct: baseline > 0 ? ((baseline - cost) / baseline) * 100 : 0,
      input_tokens: n(t?.input_tokens),
      output_tokens: n(t?.output_tokens),
      cache_read_tokens: n(t?.cache_read_tokens),
      errors: n(t?.errors),
      per_phase: keyed(phases),
      per_model: keyed(models),
      per_agent: keyed(agents),
      per_session: sessions.map(
        (r): SessionTotals => ({
          session_id: String(r.session_id),
          agent: String(r.agent),
          ...totals(r),
          first_ts: n(r.first_ts),
          last_ts: n(r.last_ts),
        }),
      ),
      overhead_ms: { p50, p99 },
    };
  }

  async recent(limit: number): Promise<LedgerRecord[]> {
    const rows = await this.runner.all(this.sql.recent, [Math.max(0, Math.min(10_000, Math.trunc(limit) || 0))]);
    return rows.map(fromRow);
  }

  async timeseries(opts: { sinceMs: number; bucketMs: number }): Promise<TimeseriesPoint[]> {
    const bucket = Math.max(1, Math.trunc(opts.bucketMs));
    const rows = await this.runner.all(this.sql.timeseries, [bucket, bucket, Math.trunc(opts.sinceMs)]);
    return rows.map((r) => ({
      t: n(r.t),
      requests: n(r.requests),
      cost: n(r.cost),
      baseline_cost: n(r.baseline_cost),
    }));
  }

  async exportJsonl(sinceMs: number, writeLine: WriteLine): Promise<number> {
    let lastTs = -Infinity;
    let lastId = "";
    let count = 0;
    const since = Math.trunc(sinceMs);
    for (;;) {
      const after = Number.isFinite(lastTs) ? lastTs : since - 1;
      const rows = await this.runner.all(this.sql.exportPage, [since, after, after, lastId, EXPORT_PAGE]);
      for (const row of rows) {
        const rec = fromRow(row);
        await writeLine(JSON.stringify(toExportLine(rec)));
        count++;
        lastTs = rec.ts;
        lastId = rec.id;
      }
      if (rows.length < EXPORT_PAGE) return count;
    }
  }

  async spendSince(keyId: string, sinceMs: number): Promise<number> {
    const [row] = await this.runner.all(this.sql.spend, [keyId, Math.trunc(sinceMs)]);
    return n(row?.cost);
  }

  prune(retentionDays: number, nowMs = Date.now()): Promise<number> {
    if (!(retentionDays > 0)) return Promise.resolve(0);
    return this.runner.run(this.sql.prune, [Math.trunc(nowMs - retentionDays * DAY_MS)]);
  }
}

/**
 * One export line: every stored field plus `usage` in the IR shape, which `coderouter simulate` replays.
 */
export function toExportLine(r: LedgerRecord): LedgerRecord & { usage: IRUsage } {
  return {
    ...r,
    usage: {
      inputTokens: r.input_tokens,
      outputTokens: r.output_tokens,
      cacheReadTokens: r.cache_read_tokens,
      cacheWriteTokens: r.cache_write_tokens,
      cacheWrite1hTokens: r.cache_write_1h_tokens ?? 0,
      reasoningTokens: r.reasoning_tokens,
    },
  };
}
