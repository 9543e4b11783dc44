/**
 * SQLite backend (better-sqlite3 v12): WAL, synchronous=NORMAL (a committed batch survives a process crash;
 * only an OS crash can lose the last commits), statements prepared once and cached, one transaction per batch.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createRequire } from "node:module";
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
   * Write batches on a worker thread (default for a file database) so a WAL checkpoint's fsync never blocks the
   * event loop; `false` writes inline.
   */
  writerThread?: boolean;
}

/**
 * The writer thread. A WAL checkpoint fsyncs, and on a slow disk that blocks for tens of milliseconds: on the main
 * thread it stalls every request in flight (it was the router's p99). Batches are written on a worker's own
 * connection instead; reads stay on the main thread (WAL readers never wait). The worker is plain JS (eval'd) so it
 * runs the same from src (tsx) and dist; rows arrive already flattened by `toRow`.
 */
const WRITER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma("busy_timeout = 5000");
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
const insert = db.prepare(workerData.sql);
const tx = db.transaction((rows) => { for (const r of rows) insert.run(r); });
parentPort.on("message", (m) => {
  if (m.close) { db.close(); parentPort.postMessage({ id: m.id, ok: true }); return; }
  try { tx(m.rows); parentPort.postMessage({ id: m.id, ok: true }); }
  catch (e) { parentPort.postMessage({ id: m.id, ok: false, error: String(e && e.message || e) }); }
});
`;

class WriterThread {
  readonly #worker: Worker;
  #next = 0;
  readonly #waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();

  constructor(path: string, sql: string) {
    const driver = createRequire(import.meta.url).resolve("better-sqlite3");
    this.#worker = new Worker(WRITER_SOURCE, { eval: true, workerData: { path, sql, driver } });
    this.#worker.unref();
    this.#worker.on("message", (m: { id: number; ok: boolean; error?: string }) => {
      const w = this.#waiting.get(m.id);
      this.#waiting.delete(m.id);
      if (this.#waiting.size === 0) this.#worker.unref();
      if (m.ok) w?.resolve();
      else w?.reject(new Error(`ledger write failed: ${m.error}`));
    });
    this.#worker.on("error", (err) => {
      for (const w of this.#waiting.values()) w.reject(err);
      this.#waiting.clear();
    });
  }

  #send(msg: Record<string, unknown>): Promise<void> {
    const id = this.#next++;
    return new Promise<void>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.ref(); // keep the process alive while a write is outstanding
      this.#worker.postMessage({ id, ...msg });
    });
  }

  write(rows: unknown[][]): Promise<void> {
    return this.#send({ rows });
  }

  async close(): Promise<void> {
    await this.#send({ close: true }).catch(() => {});
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
  private readonly writer?: WriterThread;

  private constructor(db: Database.Database, statements: Map<string, Database.Statement>, writer?: WriterThread) {
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
    this.writer = writer;
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
    const threaded = !opts.readonly && opts.path !== ":memory:" && opts.writerThread !== false;
    return new SqliteStore(db, new Map(), threaded ? new WriterThread(opts.path, INSERT_SQL) : undefined);
  }

  async insertMany(rows: LedgerRecord[]): Promise<void> {
    if (rows.length === 0) return;
    if (this.writer) await this.writer.write(rows.map(toRow));
    else this.insertTx(rows);
  }

  async close(): Promise<void> {
    await this.writer?.close();
    if (this.db.open) this.db.close();
  }
}
