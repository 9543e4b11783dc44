/** Picks the SharedState: Redis when `redis_url` is configured, else in process. */
import { DEFAULT_BREAKER } from "./breaker.js";
import { memoryState } from "./memory.js";
import type { BreakerOptions, SharedState } from "./types.js";

export { DEFAULT_BREAKER } from "./breaker.js";
export type * from "./types.js";

export interface SharedStateOptions {
  breaker?: Partial<BreakerOptions>;
  /** Idle time after which a session's model pin is forgotten (default 1 hour). */
  sessionTtlMs?: number;
  /** Redis errors on the request path (logged; the request goes on without shared state). */
  onError?: (err: unknown) => void;
}

export async function createSharedState(
  redisUrl: string | undefined,
  o: SharedStateOptions = {},
): Promise<SharedState> {
  const opts = {
    breaker: { ...DEFAULT_BREAKER, ...o.breaker },
    sessionTtlMs: o.sessionTtlMs ?? 60 * 60_000,
    onError: o.onError,
  };
  if (!redisUrl) return memoryState(opts);
  // ioredis is loaded only when Redis is configured (startup stays light for a single instance)
  const { redisState } = await import("./redis.js");
  return redisState(redisUrl, opts);
}
