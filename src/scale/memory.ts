/** The single-instance SharedState: plain Maps, no I/O. */
import { MemorySessionStore } from "../route/session.js";
import { afterCall, type BreakerState, closed, tryPass } from "./breaker.js";
import type { BreakerOptions, KeyLimits, LimitStore, LimitVerdict, ProviderHealth, SharedState } from "./types.js";
import { keysFor, verdict, windowsAt } from "./windows.js";

export class MemoryLimits implements LimitStore {
  /** Counter name → value; names carry their window, stale ones are swept on the next minute change. */
  readonly #counters = new Map<string, number>();
  #minute = "";

  #get(name: string): number {
    return this.#counters.get(name) ?? 0;
  }
  #bump(name: string, by: number): void {
    this.#counters.set(name, this.#get(name) + by);
  }
  #sweep(minute: string, day: string, month: string): void {
    if (minute === this.#minute) return;
    this.#minute = minute;
    for (const k of this.#counters.keys()) {
      const stale = k.startsWith("spend:") ? !k.endsWith(day) && !k.endsWith(month) : !k.endsWith(`:${minute}`);
      if (stale) this.#counters.delete(k);
    }
  }

  async admit(keyId: string, limits: KeyLimits, now = Date.now()): Promise<LimitVerdict> {
    const w = windowsAt(now);
    this.#sweep(w.minute, w.day, w.month);
    const k = keysFor(keyId, w);
    const v = verdict(
      { day: this.#get(k.day), month: this.#get(k.month), rpm: this.#get(k.rpm), tpm: this.#get(k.tpm) },
      limits,
      w,
    );
    if (v.ok) this.#bump(k.rpm, 1);
    return v;
  }

  async add(keyId: string, usd: number, tokens: number, now = Date.now()): Promise<void> {
    const k = keysFor(keyId, windowsAt(now));
    if (usd > 0) {
      this.#bump(k.day, usd);
      this.#bump(k.month, usd);
    }
    if (tokens > 0) this.#bump(k.tpm, tokens);
  }

  async seed(keyId: string, spend: { day: number; month: number }, now = Date.now()): Promise<void> {
    const k = keysFor(keyId, windowsAt(now));
    if (!this.#counters.has(k.day)) this.#counters.set(k.day, spend.day);
    if (!this.#counters.has(k.month)) this.#counters.set(k.month, spend.month);
  }

  async spend(keyId: string, now = Date.now()): Promise<{ day: number; month: number }> {
    const k = keysFor(keyId, windowsAt(now));
    return { day: this.#get(k.day), month: this.#get(k.month) };
  }
}

export class MemoryHealth implements ProviderHealth {
  readonly #state = new Map<string, BreakerState>();
  constructor(private readonly opts: BreakerOptions) {}

  async usable(providers: string[], now = Date.now()): Promise<boolean[]> {
    return providers.map((p) => {
      const s = this.#state.get(p);
      if (!s) return true;
      const { pass, next } = tryPass(s, now, this.opts);
      this.#state.set(p, next);
      return pass;
    });
  }

  async report(provider: string, ok: boolean, now = Date.now()): Promise<void> {
    const s = this.#state.get(provider);
    if (ok && !s) return;
    const next = afterCall(s ?? closed(), ok, now, this.opts);
    if (next.fails === 0 && next.openUntil === 0) this.#state.delete(provider);
    else this.#state.set(provider, next);
  }
}

export function memoryState(opts: { breaker: BreakerOptions; sessionTtlMs: number }): SharedState {
  return {
    backend: "memory",
    sessions: new MemorySessionStore({ ttlMs: opts.sessionTtlMs }),
    limits: new MemoryLimits(),
    health: new MemoryHealth(opts.breaker),
    async close() {},
  };
}
