/**
 * The circuit breaker's state machine, pure so the in-process and Redis (Lua) versions follow one definition:
 * closed → (N consecutive failures) → open → (pause elapsed: one probe claims the half-open slot) → closed on
 * success, open again on failure.
 */
import type { BreakerOptions } from "./types.js";

export interface BreakerState {
  /** Consecutive failures. */
  fails: number;
  /** 0 = closed; else the time (ms) until which the circuit stays open (or the half-open probe is out). */
  openUntil: number;
}

export const DEFAULT_BREAKER: BreakerOptions = { failures: 5, openMs: 30_000 };

export const closed = (): BreakerState => ({ fails: 0, openUntil: 0 });

/** Whether a request may go now, and the state after deciding (a half-open probe re-arms the pause). */
export function tryPass(s: BreakerState, now: number, o: BreakerOptions): { pass: boolean; next: BreakerState } {
  if (s.openUntil === 0) return { pass: true, next: s };
  if (now < s.openUntil) return { pass: false, next: s };
  return { pass: true, next: { fails: s.fails, openUntil: now + o.openMs } };
}

export function afterCall(s: BreakerState, ok: boolean, now: number, o: BreakerOptions): BreakerState {
  if (ok) return closed();
  const fails = s.fails + 1;
  if (s.openUntil !== 0 || fails >= o.failures) return { fails, openUntil: now + o.openMs };
  return { fails, openUntil: 0 };
}
