/**
 * SQLite backend (better-sqlite3 v12): WAL, synchronous=NORMAL (a committed batch survives a process crash;
 * only an OS crash can lose the last commits), statements prepared once and cached, one transaction per batch.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { SqlQueries } from "./queries.js";
import { COLUMN_NAMES, MIGRATIONS, migrationStatements, SCHEMA_MIGRATIONS_DDL, toRow } from "./schema.js";
import type { LedgerRecord, LedgerStore } from "./types.js";

export interface SqliteStoreOptions {
  /** File path, or ":memory:". */
  path: string;
  readonly?: boolean;
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

export class SqliteStore extends SqlQueries implements LedgerStore {
  readonly backend = "sqlite" as const;
  readonly db: Database.Database;
  private readonly insertTx: (rows: LedgerRecord[]) => void;

  private constructor(db: Database.Database, statements: Map<string, Database.Statement>) {
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
    const insert = db.prepare(
      `INSERT OR IGNORE INTO requests (${COLUMN_NAMES.join(", ")}) VALUES (${COLUMN_NAMES.map(() => "?").join(", ")})`,
    );
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
    return new SqliteStore(db, new Map());
  }

  async insertMany(rows: LedgerRecord[]): Promise<void> {
    if (rows.length) this.insertTx(rows);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
