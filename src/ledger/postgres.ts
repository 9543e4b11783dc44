/**
 * PostgreSQL backend (`pg` Pool), for several router instances sharing one ledger.
 * - Migrations run under an advisory lock (per schema), so instances can start at the same time.
 * - A batch is one statement: INSERT … SELECT FROM unnest($1::text[], …) ON CONFLICT (id) DO NOTHING. Its text
 *   does not depend on the batch size, so it is a named prepared statement; a retried batch never duplicates.
 */
import { createHash } from "node:crypto";
import pg from "pg";
import { SqlQueries } from "./queries.js";
import { COLUMN_NAMES, COLUMNS, MIGRATIONS, migrationStatements, SCHEMA_MIGRATIONS_DDL, toRow } from "./schema.js";
import type { LedgerRecord, LedgerStore } from "./types.js";

export interface PostgresStoreOptions {
  url: string;
  /** Schema to use (created if missing); default: the server's search_path. */
  schema?: string;
  /** Pool size (default 4). */
  max?: number;
  /** Called for errors on idle pool clients (which would otherwise crash the process). */
  onPoolError?: (err: Error) => void;
}

const INSERT_SQL = `INSERT INTO requests (${COLUMN_NAMES.join(", ")}) SELECT * FROM unnest(${COLUMNS.map(([, t], i) => `$${i + 1}::${t}[]`).join(", ")}) ON CONFLICT (id) DO NOTHING`;

const statementName = (sql: string) => `cr_${createHash("sha1").update(sql).digest("hex").slice(0, 16)}`;

function checkSchemaName(schema: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  return schema;
}

export async function migratePostgres(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('coderouter.migrations.' || current_schema()))");
    try {
      await client.query(SCHEMA_MIGRATIONS_DDL);
      const { rows } = await client.query<{ version: number }>("SELECT version FROM schema_migrations");
      const done = new Set(rows.map((r) => Number(r.version)));
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        await client.query("BEGIN");
        try {
          for (const stmt of migrationStatements(m, "postgres")) await client.query(stmt);
          await client.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [
            m.version,
            m.name,
            Date.now(),
          ]);
          await client.query("COMMIT");
        } catch (err) {
          await client.query("ROLLBACK");
          throw err;
        }
        applied.push(m.version);
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('coderouter.migrations.' || current_schema()))");
    }
  } finally {
    client.release();
  }
  return applied;
}

export class PostgresStore extends SqlQueries implements LedgerStore {
  readonly backend = "postgres" as const;

  private constructor(readonly pool: pg.Pool) {
    super(
      {
        all: async (text, values) => (await pool.query({ name: statementName(text), text, values })).rows,
        run: async (text, values) => (await pool.query({ name: statementName(text), text, values })).rowCount ?? 0,
      },
      "postgres",
    );
  }

  static async open(opts: PostgresStoreOptions): Promise<PostgresStore> {
    const schema = opts.schema ? checkSchemaName(opts.schema) : undefined;
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.max ?? 4,
      // search_path per connection: quoted so mixed-case names work; `public` stays reachable for extensions.
      ...(schema ? { options: `-c search_path="${schema}",public` } : {}),
    });
    pool.on("error", (err) => opts.onPoolError?.(err));
    try {
      if (schema) {
        // Two instances creating it at once: one gets duplicate_schema / unique_violation, which is fine.
        await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`).catch((err: { code?: string }) => {
          if (err.code !== "42P06" && err.code !== "23505") throw err;
        });
      }
      await migratePostgres(pool);
    } catch (err) {
      await pool.end().catch(() => {});
      throw err;
    }
    return new PostgresStore(pool);
  }

  async insertMany(rows: LedgerRecord[]): Promise<void> {
    if (!rows.length) return;
    const columns: unknown[][] = COLUMNS.map(() => new Array(rows.length));
    for (let i = 0; i < rows.length; i++) {
      const values = toRow(rows[i]);
      for (let c = 0; c < values.length; c++) columns[c][i] = values[c];
    }
    await this.pool.query({ name: statementName(INSERT_SQL), text: INSERT_SQL, values: columns });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
