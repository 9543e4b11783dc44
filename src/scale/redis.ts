/**
 * The shared SharedState on Redis (ioredis). Every read-modify-write is one Lua script, so N instances see one
 * counter: `admit` checks budgets and windows and counts the request atomically; `add` records spend with
 * INCRBYFLOAT; the breaker's transitions (breaker.ts) run server-side. Keys live under the client's keyPrefix
 * (default `coderouter:`; `?keyPrefix=…` in the URL overrides it) and expire with their window.
 */
import { Redis } from "ioredis";
import type { SessionState, SessionStore } from "../route/session.js";
import type { BreakerOptions, KeyLimits, LimitStore, LimitVerdict, ProviderHealth, SharedState } from "./types.js";
import { keysFor, TTL_SECONDS, windowsAt } from "./windows.js";

const ADMIT = `
local function num(k) return tonumber(redis.call('GET', k) or '0') end
local lim = {tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])}
for i = 1, 4 do
  local eps = 0
  if i <= 2 then eps = 1e-9 end
  if lim[i] >= 0 and num(KEYS[i]) + eps >= lim[i] then return i end
end
if redis.call('INCR', KEYS[3]) == 1 then redis.call('EXPIRE', KEYS[3], ARGV[5]) end
return 0`;

const ADD = `
if tonumber(ARGV[1]) > 0 then
  redis.call('INCRBYFLOAT', KEYS[1], ARGV[1]); redis.call('EXPIRE', KEYS[1], ARGV[3])
  redis.call('INCRBYFLOAT', KEYS[2], ARGV[1]); redis.call('EXPIRE', KEYS[2], ARGV[4])
end
if tonumber(ARGV[2]) > 0 then
  redis.call('INCRBY', KEYS[3], ARGV[2]); redis.call('EXPIRE', KEYS[3], ARGV[5])
end
return 0`;

const USABLE = `
local now, open = tonumber(ARGV[1]), tonumber(ARGV[2])
local out = {}
for i, k in ipairs(KEYS) do
  local u = tonumber(redis.call('HGET', k, 'until') or '0')
  if u == 0 then out[i] = 1
  elseif now < u then out[i] = 0
  else redis.call('HSET', k, 'until', now + open); out[i] = 1 end
end
return out`;

const REPORT = `
if ARGV[1] == '1' then redis.call('DEL', KEYS[1]); return 0 end
local now, open, limit = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local fails = redis.call('HINCRBY', KEYS[1], 'fails', 1)
local u = tonumber(redis.call('HGET', KEYS[1], 'until') or '0')
if u ~= 0 or fails >= limit then redis.call('HSET', KEYS[1], 'until', now + open) end
redis.call('PEXPIRE', KEYS[1], open * 10 + 3600000)
return fails`;

const REASONS = [undefined, "budget_day", "budget_month", "rpm", "tpm"] as const;

type Scripted = Redis & {
  crAdmit(...args: Array<string | number>): Promise<number>;
  crAdd(...args: Array<string | number>): Promise<number>;
  crUsable(...args: Array<string | number>): Promise<number[]>;
  crReport(...args: Array<string | number>): Promise<number>;
};

const limitArg = (v: number | undefined) => (typeof v === "number" && v >= 0 ? v : -1);

/** Redis trouble never fails a request: a session read that fails is a session without a pin. */
export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly ttlMs: number,
    private readonly onError: (err: unknown) => void = () => {},
  ) {}
  async get(id: string): Promise<SessionState | undefined> {
    try {
      const v = await this.redis.get(`session:${id}`);
      return v ? (JSON.parse(v) as SessionState) : undefined;
    } catch (err) {
      this.onError(err);
      return undefined;
    }
  }
  async set(id: string, state: SessionState): Promise<void> {
    await this.redis.set(`session:${id}`, JSON.stringify(state), "PX", this.ttlMs);
  }
}

export class RedisLimits implements LimitStore {
  constructor(
    private readonly redis: Scripted,
    private readonly onError: (err: unknown) => void = () => {},
  ) {}
  /** Fails open: while Redis is unreachable requests are admitted (and the error logged) rather than all refused. */
  async admit(keyId: string, limits: KeyLimits, now = Date.now()): Promise<LimitVerdict> {
    const w = windowsAt(now);
    const k = keysFor(keyId, w);
    let code: number;
    try {
      code = await this.redis.crAdmit(
        k.day,
        k.month,
        k.rpm,
        k.tpm,
        limitArg(limits.budget_usd_per_day),
        limitArg(limits.budget_usd_per_month),
        limitArg(limits.rpm),
        limitArg(limits.tpm),
        TTL_SECONDS.minute,
      );
    } catch (err) {
      this.onError(err);
      return { ok: true };
    }
    const reason = REASONS[code];
    if (!reason) return { ok: true };
    const retryAfter = reason === "budget_day" ? w.dayLeft : reason === "budget_month" ? w.monthLeft : w.minuteLeft;
    return { ok: false, reason, retryAfter };
  }
  async add(keyId: string, usd: number, tokens: number, now = Date.now()): Promise<void> {
    if (!(usd > 0) && !(tokens > 0)) return;
    const k = keysFor(keyId, windowsAt(now));
    await this.redis.crAdd(
      k.day,
      k.month,
      k.tpm,
      usd > 0 ? usd.toFixed(12) : "0",
      Math.max(0, Math.round(tokens)),
      TTL_SECONDS.day,
      TTL_SECONDS.month,
      TTL_SECONDS.minute,
    );
  }
  async spend(keyId: string, now = Date.now()): Promise<{ day: number; month: number }> {
    const k = keysFor(keyId, windowsAt(now));
    const [d, m] = await this.redis.mget(k.day, k.month);
    return { day: Number(d ?? 0), month: Number(m ?? 0) };
  }
}

export class RedisHealth implements ProviderHealth {
  constructor(
    private readonly redis: Scripted,
    private readonly opts: BreakerOptions,
  ) {}
  async usable(providers: string[], now = Date.now()): Promise<boolean[]> {
    if (providers.length === 0) return [];
    const r = await this.redis.crUsable(providers.length, ...providers.map((p) => `cb:${p}`), now, this.opts.openMs);
    return r.map((x) => x === 1);
  }
  async report(provider: string, ok: boolean, now = Date.now()): Promise<void> {
    await this.redis.crReport(`cb:${provider}`, ok ? "1" : "0", now, this.opts.openMs, this.opts.failures);
  }
}

/** Connects (failing fast when Redis is unreachable at startup) and loads the scripts. */
export async function redisState(
  url: string,
  opts: { breaker: BreakerOptions; sessionTtlMs: number; onError?: (err: unknown) => void },
): Promise<SharedState> {
  const hasPrefix = /[?&]keyPrefix=/.test(url);
  let connected = false;
  const redis = new Redis(url, {
    lazyConnect: true,
    // no retries before the first connection (startup fails at once), then reconnect with a capped backoff
    retryStrategy: (times) => (connected ? Math.min(times * 200, 2000) : null),
    // fail fast while disconnected (requests go on without shared state) instead of queueing behind reconnects
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    commandTimeout: 1000,
    ...(hasPrefix ? {} : { keyPrefix: "coderouter:" }),
  }) as Scripted;
  redis.on("error", () => {}); // reconnects on its own; commands fail (and are handled) meanwhile
  redis.defineCommand("crAdmit", { numberOfKeys: 4, lua: ADMIT });
  redis.defineCommand("crAdd", { numberOfKeys: 3, lua: ADD });
  redis.defineCommand("crUsable", { lua: USABLE });
  redis.defineCommand("crReport", { numberOfKeys: 1, lua: REPORT });
  try {
    await redis.connect();
    await redis.ping();
    connected = true;
  } catch (err) {
    redis.disconnect();
    throw new Error(`cannot reach Redis at ${redactUrl(url)}: ${(err as Error).message}`);
  }
  return {
    backend: "redis",
    sessions: new RedisSessionStore(redis, opts.sessionTtlMs, opts.onError),
    limits: new RedisLimits(redis, opts.onError),
    health: new RedisHealth(redis, opts.breaker),
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, "//***@");
}
