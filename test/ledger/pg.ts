/** Finds the local PostgreSQL for tests; in CI (CI env var set) its absence is a failure, locally a skip. */
import pg from "pg";
import { randomSuffix } from "./helpers.js";

const CANDIDATES = process.env.CODEROUTER_TEST_DATABASE_URL
  ? [process.env.CODEROUTER_TEST_DATABASE_URL]
  : ["postgres://postgres@127.0.0.1:5432/test", "postgres://root@127.0.0.1:5432/test"];

export async function findPostgres(): Promise<{ url: string | null; reason: string }> {
  const errors: string[] = [];
  for (const url of CANDIDATES) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return { url, reason: "" };
    } catch (err) {
      errors.push(`${url.replace(/\/\/[^@]*@/, "//")}: ${(err as Error).message}`);
    } finally {
      await client.end().catch(() => {});
    }
  }
  const reason = `PostgreSQL unreachable (${errors.join("; ")})`;
  if (process.env.CI)
    throw new Error(`${reason}. CI requires the local PostgreSQL on 127.0.0.1:5432 (database "test").`);
  return { url: null, reason: `${reason}; skipped locally (set CI=1 to make this a failure)` };
}

export const testSchema = () => `cr_test_${randomSuffix()}`;

export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** A connection string whose sessions use `schema` (what `coderouter stats --database-url` would get). */
export const urlWithSchema = (url: string, schema: string) =>
  `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
