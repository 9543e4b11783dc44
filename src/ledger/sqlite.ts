/**
 * SQLite backend (better-sqlite3 v12): WAL, synchronous=NORMAL (a committed batch survives a process crash;
 * only an OS crash can lose the last commits), statements prepared once and cached, one transaction per batch.
 */
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { SqlQueries } from "./queries.js";
import { COLUMN_NAMES, MIGRATIONS, migrationStatements, SCHEMA_MIGRATIONS_DDL, toRow } from "./schema.js";
import type { LedgerRecord, LedgerStore } from "./types.js";

export interface SqliteStoreOptions {
  /** File path, or ":memory:". */
  path: string;
  readonly?: boolean;
  /**
   * Checkpoint the WAL on a worker thread (default for a writable file database) so a checkpoint's fsync never
   * blocks the event loop; `false` leaves SQLite's automatic checkpoints on the main connection.
   */
  checkpointThread?: boolean;
}

/**
 * The checkpointer thread. In WAL mode with synchronous=NORMAL a commit does not fsync; a checkpoint does, and on a
 * slow disk that blocks for tens of milliseconds. Run automatically by the committing connection, it stalled every
 * request in flight (it was the router's p99). So the main connection commits batches (a committed batch survives a
 * process crash, as before) with automatic checkpoints off, and this worker, on its own connection, checkpoints the
 * WAL every second (PASSIVE: it never blocks writers or readers). Plain JS, eval'd, so it runs the same from src
 * (tsx) and dist.
 */
const CHECKPOINTER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma("busy_timeout = 5000");
const timer = setInterval(() => { try { db.pragma("wal_checkpoint(PASSIVE)"); } catch {} }, workerData.everyMs);
parentPort.on("message", () => {
  clearInterval(timer);
  try { db.pragma("wal_checkpoint(TRUNCATE)"); } catch {}
  db.close();
  parentPort.postMessage("closed");
});
`;

class Checkpointer {
  readonly #worker: Worker;

  constructor(path: string, everyMs = 1000) {
    const driver = createRequire(import.meta.url).resolve("better-sqlite3");
    this.#worker = new Worker(CHECKPOINTER_SOURCE, { eval: true, workerData: { path, driver, everyMs } });
    this.#worker.unref();
  }

  async close(): Promise<void> {
    const done = new Promise<void>((resolve) => {
      this.#worker.once("message", () => resolve());
      this.#worker.once("error", () => resolve());
      this.#worker.once("exit", () => resolve());
    });
    this.#worker.postMessage("close");
    await done;
    await this.#worker.terminate();
  }
}

export function migrateSqlite(db: Database.Database): number[] {
  const applied: number[] = [];
  db.transaction(() => {
    db.exec(SCHEMA_MIGRATIONS_DDL);
    const done = new Set(
      (db.prepare("SELECT version FROM schema_migrations").all() as Array<{ version: number }>).map((r) => r.version),
    );
    const mark = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      for (const stmt of migrationStatements(m, "sqlite")) db.exec(stmt);
      mark.run(m.version, m.name, Date.now());
      applied.push(m.version);
    }
  }).immediate();
  return applied;
}

const INSERT_SQL = `INSERT OR IGNORE INTO requests (${COLUMN_NAMES.join(", ")}) VALUES (${COLUMN_NAMES.map(() => "?").join(", ")})`;

export class SqliteStore extends SqlQueries implements LedgerStore {
  readonly backend = "sqlite" as const;
  readonly db: Database.Database;
  private readonly insertTx: (rows: LedgerRecord[]) => void;
  private readonly checkpointer?: Checkpointer;

  private constructor(db: Database.Database, statements: Map<string, Database.Statement>, checkpointer?: Checkpointer) {
    const prepared = (sql: string) => {
      let s = statements.get(sql);
      if (!s) {
        s = db.prepare(sql);
        statements.set(sql, s);
      }
      return s;
    };
    super(
      {
        all: async (sql, params) => prepared(sql).all(...params) as Array<Record<string, unknown>>,
        run: async (sql, params) => prepared(sql).run(...params).changes,
      },
      "sqlite",
    );
    this.db = db;
    this.checkpointer = checkpointer;
    const insert = db.prepare(INSERT_SQL);
    this.insertTx = db.transaction((rows: LedgerRecord[]) => {
      for (const r of rows) insert.run(toRow(r));
    });
  }

  static open(opts: SqliteStoreOptions): SqliteStore {
    if (opts.path !== ":memory:") mkdirSync(dirname(opts.path), { recursive: true });
    const db = new Database(opts.path, { readonly: opts.readonly ?? false });
    db.pragma("busy_timeout = 5000");
    if (!opts.readonly) {
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      migrateSqlite(db);
    }
    const threaded = !opts.readonly && opts.path !== ":memory:" && opts.checkpointThread !== false;
    if (threaded) db.pragma("wal_autocheckpoint = 0");
    return new SqliteStore(db, new Map(), threaded ? new Checkpointer(opts.path) : undefined);
  }

  async insertMany(rows: LedgerRecord[]): Promise<void> {
    if (rows.length) this.insertTx(rows);
  }

  async close(): Promise<void> {
    await this.checkpointer?.close();
    if (this.db.open) this.db.close();
  }
}
