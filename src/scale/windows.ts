/** Fixed windows for budgets and rate limits, named by their start so every instance computes the same key. */

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface Windows {
  day: string;
  month: string;
  minute: string;
  /** Seconds until each window ends (at least 1). */
  dayLeft: number;
  monthLeft: number;
  minuteLeft: number;
  /** Window starts (ms), for asking the ledger what was spent in them. */
  dayStartMs: number;
  monthStartMs: number;
}

export function windowsAt(now: number): Windows {
  const d = new Date(now);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const dayStart = Date.UTC(y, m, d.getUTCDate());
  const monthEnd = Date.UTC(y, m + 1, 1);
  const minuteIdx = Math.floor(now / MINUTE);
  const secs = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
  return {
    day: new Date(dayStart).toISOString().slice(0, 10),
    month: new Date(dayStart).toISOString().slice(0, 7),
    minute: String(minuteIdx),
    dayLeft: secs(dayStart + DAY - now),
    monthLeft: secs(monthEnd - now),
    minuteLeft: secs((minuteIdx + 1) * MINUTE - now),
    dayStartMs: dayStart,
    monthStartMs: Date.UTC(y, m, 1),
  };
}

/** Key names (relative to the store's prefix). */
export const keysFor = (keyId: string, w: Windows) => ({
  day: `spend:${keyId}:d:${w.day}`,
  month: `spend:${keyId}:m:${w.month}`,
  rpm: `rpm:${keyId}:${w.minute}`,
  tpm: `tpm:${keyId}:${w.minute}`,
});

/** Windows outlive their period a little so a late `add` still lands. */
export const TTL_SECONDS = { day: 2 * 86_400, month: 32 * 86_400, minute: 120 };

/** Float sums of many small costs land a hair under the budget: spend within this of it counts as used up. */
export const EPSILON_USD = 1e-9;

/** The refusal (if any) for given counters: budgets first, then requests, then tokens. */
export function verdict(
  counters: { day: number; month: number; rpm: number; tpm: number },
  limits: { budget_usd_per_day?: number; budget_usd_per_month?: number; rpm?: number; tpm?: number },
  w: Windows,
) {
  const has = (v: number | undefined): v is number => typeof v === "number" && v >= 0;
  if (has(limits.budget_usd_per_day) && counters.day + EPSILON_USD >= limits.budget_usd_per_day)
    return { ok: false, reason: "budget_day" as const, retryAfter: w.dayLeft };
  if (has(limits.budget_usd_per_month) && counters.month + EPSILON_USD >= limits.budget_usd_per_month)
    return { ok: false, reason: "budget_month" as const, retryAfter: w.monthLeft };
  if (has(limits.rpm) && counters.rpm >= limits.rpm)
    return { ok: false, reason: "rpm" as const, retryAfter: w.minuteLeft };
  if (has(limits.tpm) && counters.tpm >= limits.tpm)
    return { ok: false, reason: "tpm" as const, retryAfter: w.minuteLeft };
  return { ok: true };
}
