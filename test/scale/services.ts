/** Finds the local Redis (and re-exports the PostgreSQL finder); in CI their absence fails the test, locally it skips. */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";

export { dropSchema, findPostgres } from "../ledger/pg.js";

export const REDIS_URL = process.env.CODEROUTER_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export async function findRedis(): Promise<{ url: string | null; reason: string }> {
  const r = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    retryStrategy: () => null,
  });
  r.on("error", () => {});
  try {
    await r.connect();
    await r.ping();
    return { url: REDIS_URL, reason: "" };
  } catch (err) {
    const reason = `Redis unreachable at ${REDIS_URL} (${(err as Error).message})`;
    if (process.env.CI) throw new Error(`${reason}. CI requires the local Redis on 127.0.0.1:6379.`);
    return { url: null, reason: `${reason}; skipped locally (set CI=1 to make this a failure)` };
  } finally {
    r.disconnect();
  }
}

/** A Redis URL whose keys all live under a fresh prefix (ioredis reads keyPrefix from the query). */
export const redisUrlWithPrefix = (url: string, prefix = `crtest:${randomBytes(4).toString("hex")}:`) =>
  `${url}${url.includes("?") ? "&" : "?"}keyPrefix=${encodeURIComponent(prefix)}`;

/** Deletes every key under the prefix. */
export async function dropPrefix(url: string, prefix: string): Promise<void> {
  const r = new Redis(url);
  try {
    const keys = await r.keys(`${prefix}*`);
    if (keys.length) await r.del(...keys);
  } finally {
    r.disconnect();
  }
}
