/**
 * State several router instances must agree on, behind one interface with two implementations:
 * in process (default) and Redis (`redis_url` / CODEROUTER_REDIS_URL).
 * - sessions: session → model pins (the router's SessionStore), with an idle TTL;
 * - limits: per router key spend (USD per UTC day / month) and per-minute request and token counters;
 * - health: a per-provider circuit breaker.
 */
import type { SessionStore } from "../route/session.js";

export interface KeyLimits {
  budget_usd_per_day?: number;
  budget_usd_per_month?: number;
  rpm?: number;
  tpm?: number;
}

/** Why a request was refused, and when trying again can succeed. */
export interface LimitVerdict {
  ok: boolean;
  reason?: "budget_day" | "budget_month" | "rpm" | "tpm";
  /** Seconds until the window that refused resets. */
  retryAfter?: number;
}

export interface LimitStore {
  /**
   * Atomically: refuse when a budget or the token window is already used up or the request window is full,
   * else count one request. Spend is added later (`add`), so a budget is overshot by at most the requests in flight.
   */
  admit(keyId: string, limits: KeyLimits, now?: number): Promise<LimitVerdict>;
  /** A finished request's cost and tokens. */
  add(keyId: string, usd: number, tokens: number, now?: number): Promise<void>;
  /**
   * Starts a key's current day / month spend from an outside record (the ledger) when this store has none yet:
   * a restarted single instance keeps its budgets. Only the in-process store needs it (Redis outlives instances).
   */
  seed?(keyId: string, spend: { day: number; month: number }, now?: number): Promise<void>;
  /** Spend so far in the current day and month windows (tests, status). */
  spend(keyId: string, now?: number): Promise<{ day: number; month: number }>;
}

export interface BreakerOptions {
  /** Consecutive failures that open a provider's circuit (default 5). */
  failures: number;
  /** How long an open circuit stays open before one probe is let through (default 30 s). */
  openMs: number;
}

export interface ProviderHealth {
  /** For each provider, whether a request may go to it now (closed, or the single half-open probe). */
  usable(providers: string[], now?: number): Promise<boolean[]>;
  /** Outcome of a call: success closes the circuit, a failure counts towards opening it. */
  report(provider: string, ok: boolean, now?: number): Promise<void>;
}

export interface SharedState {
  backend: "memory" | "redis";
  sessions: SessionStore;
  limits: LimitStore;
  health: ProviderHealth;
  close(): Promise<void>;
}
