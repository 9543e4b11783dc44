/**
 * The ledger the server holds: `record()` enqueues (sync, never throws), a Batcher writes to the store off the
 * response path, queries read the store. PostgreSQL when a database URL is configured, else SQLite in the data dir.
 *
 * Loss window: rows are committed every `ledger.batch_ms` (default 200 ms) or every `batch_size` rows, so a kill -9
 * loses at most the rows recorded in the last batch_ms (plus one write). `close()` loses nothing.
 */
import { createHash } from "node:crypto";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import type { Config } from "../config/types.js";
import { Batcher, type BatcherLogger } from "./batcher.js";
import { normalizeRecord } from "./normalize.js";
import type {
  Ledger,
  LedgerRecord,
  LedgerStats,
  LedgerStore,
  SessionSummary,
  StatsOptions,
  TimeseriesPoint,
  WriteLine,
} from "./types.js";

export { toExportLine } from "./queries.js";
export type * from "./types.js";

export const LEDGER_FILE = "ledger.db";
const HOUR_MS = 3_600_000;

export interface LedgerConfig {
  data_dir?: string;
  database_url?: string;
  ledger?: Partial<Config["ledger"]>;
}

export interface LedgerOptions {
  logger?: BatcherLogger;
  /** Postgres schema (tests use one per run); default: the server's search_path. */
  pgSchema?: string;
  /** Prune at open and hourly (default true; `coderouter stats` passes false). */
  prune?: boolean;
  /** Override the prune interval (default 1 hour). */
  pruneIntervalMs?: number;
  /** Environment for CODEROUTER_DATA / CODEROUTER_DATABASE_URL (default process.env). */
  env?: NodeJS.ProcessEnv;
}

/** The ledger's `key_id` for a router key: a SHA-256 prefix, never the key itself. */
export function keyId(key: string): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}

/** `--data DIR` > config data_dir (the loader already applied CODEROUTER_DATA) > CODEROUTER_DATA > ~/.coderouter. */
export function resolveDataDir(flag?: string, configDir?: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(flag || configDir || env.CODEROUTER_DATA || join(homedir(), ".coderouter"));
}

export class BatchedLedger implements Ledger {
  readonly backend: "sqlite" | "postgres";
  private readonly batcher: Batcher<LedgerRecord>;
  private pruneTimer: NodeJS.Timeout | null = null;
  private closing: Promise<void> | null = null;

  constructor(
    private readonly store: LedgerStore,
    private readonly settings: { batchMs: number; batchSize: number; retentionDays: number; storeContent: boolean },
    private readonly log: BatcherLogger = { warn() {}, error() {} },
  ) {
    this.backend = store.backend;
    this.batcher = new Batcher({
      write: (rows) => store.insertMany(rows),
      batchMs: settings.batchMs,
      batchSize: settings.batchSize,
      logger: log,
    });
  }

  /** Starts the hourly prune (unref'd) after one prune now. */
  async startRetention(intervalMs = HOUR_MS): Promise<void> {
    await this.pruneSafely();
    this.pruneTimer = setInterval(() => void this.pruneSafely(), intervalMs);
    this.pruneTimer.unref();
  }

  private async pruneSafely(): Promise<void> {
    try {
      const n = await this.store.prune(this.settings.retentionDays);
      if (n > 0) this.log.warn({ deleted: n, retention_days: this.settings.retentionDays }, "ledger: pruned old rows");
    } catch (err) {
      this.log.error({ err: err instanceof Error ? err.message : String(err) }, "ledger: prune failed");
    }
  }

  record(r: LedgerRecord): void {
    try {
      this.batcher.push(normalizeRecord(r, this.settings.storeContent));
    } catch (err) {
      this.log.error({ err: err instanceof Error ? err.message : String(err) }, "ledger: record() failed");
    }
  }

  flush(): Promise<void> {
    return this.batcher.flush();
  }

  pending(): number {
    return this.batcher.size;
  }

  /** Written / dropped counters (dropped is always logged). */
  counters(): { written: number; dropped: number; pending: number } {
    return { written: this.batcher.written, dropped: this.batcher.dropped, pending: this.batcher.size };
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.pruneTimer) clearInterval(this.pruneTimer);
      await this.batcher.close();
      await this.store.close();
    })();
    return this.closing;
  }

  /** Read-your-writes for aggregate queries: write what is queued first (failures leave rows queued). */
  private async settle(): Promise<void> {
    if (this.batcher.size > 0) await this.batcher.flush().catch(() => {});
  }

  async getRequest(id: string): Promise<LedgerRecord | null> {
    const queued = this.batcher.pendingItems().find((r) => r.id === id);
    return queued ?? this.store.getRequest(id);
  }

  async sessionSummary(sessionId: string): Promise<SessionSummary | null> {
    await this.settle();
    return this.store.sessionSummary(sessionId);
  }

  async stats(opts?: StatsOptions): Promise<LedgerStats> {
    await this.settle();
    return this.store.stats(opts);
  }

  async recent(limit: number): Promise<LedgerRecord[]> {
    await this.settle();
    return this.store.recent(limit);
  }

  async timeseries(opts: { sinceMs: number; bucketMs: number }): Promise<TimeseriesPoint[]> {
    await this.settle();
    return this.store.timeseries(opts);
  }

  async exportJsonl(sinceMs: number, writeLine: WriteLine): Promise<number> {
    await this.settle();
    return this.store.exportJsonl(sinceMs, writeLine);
  }

  /**
   * Committed spend plus rows still queued, without waiting for a write (budget checks are on the request path).
   * A batch committing during the query may be counted twice: the error is on the safe side for budgets.
   */
  async spendSince(keyId: string, sinceMs: number): Promise<number> {
    let queued = 0;
    for (const r of this.batcher.pendingItems()) if (r.key_id === keyId && r.ts >= sinceMs) queued += r.cost_usd;
    return (await this.store.spendSince(keyId, sinceMs)) + queued;
  }

  prune(retentionDays: number, nowMs?: number): Promise<number> {
    return this.store.prune(retentionDays, nowMs);
  }
}

/**
 * Opens the configured ledger: PostgreSQL when `database_url` (or CODEROUTER_DATABASE_URL) is set, else SQLite at
 * `<data_dir>/ledger.db`. Runs migrations and (unless `prune: false`) prunes now and every hour.
 */
export async function createLedger(config: LedgerConfig = {}, opts: LedgerOptions = {}): Promise<BatchedLedger> {
  const env = opts.env ?? process.env;
  const l = config.ledger ?? {};
  const settings = {
    batchMs: l.batch_ms ?? 200,
    batchSize: l.batch_size ?? 256,
    retentionDays: l.retention_days ?? 30,
    storeContent: l.store_content ?? false,
  };
  const url = config.database_url || env.CODEROUTER_DATABASE_URL;
  const store: LedgerStore = url
    ? await (await import("./postgres.js")).PostgresStore.open({
        url,
        schema: opts.pgSchema,
        onPoolError: (err) => opts.logger?.error({ err: err.message }, "ledger: postgres pool error"),
      })
    : (await import("./sqlite.js")).SqliteStore.open({
        path: join(resolveDataDir(undefined, config.data_dir, env), LEDGER_FILE),
      });
  const ledger = new BatchedLedger(store, settings, opts.logger);
  if (opts.prune !== false) await ledger.startRetention(opts.pruneIntervalMs);
  return ledger;
}
