/**
 * The SharedState contract, run on both implementations: atomic rate limits and budgets (several Redis clients
 * stand in for several instances), the circuit breaker's transitions, and session pins with a TTL.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, describe, test } from "node:test";
import { createSharedState } from "../../src/scale/index.js";
import type { SharedState } from "../../src/scale/types.js";
import { windowsAt } from "../../src/scale/windows.js";
import { dropPrefix, findRedis, redisUrlWithPrefix } from "./services.js";

const redis = await findRedis();
const prefix = `crtest:${randomBytes(4).toString("hex")}:`;
const breaker = { failures: 3, openMs: 1000 };

type Factory = () => Promise<SharedState[]>;
const backends: Array<[string, Factory | null, string]> = [
  ["memory", async () => [await createSharedState(undefined, { breaker })], ""],
  [
    "redis",
    redis.url
      ? async () =>
          Promise.all(
            [1, 2, 3, 4].map(() =>
              createSharedState(redisUrlWithPrefix(redis.url!, prefix), { breaker, sessionTtlMs: 300 }),
            ),
          )
      : null,
    redis.reason,
  ],
];

after(async () => {
  if (redis.url) await dropPrefix(redis.url, prefix);
});

for (const [name, make, reason] of backends) {
  describe(`shared state: ${name}`, { skip: make ? false : reason }, () => {
    let states: SharedState[] = [];
    const pick = (i: number) => states[i % states.length];
    after(async () => {
      for (const s of states) await s.close();
    });

    test("rpm: 60 concurrent requests across instances admit exactly the limit", async () => {
      states = await make!();
      const id = `k${randomBytes(3).toString("hex")}`;
      const now = Date.UTC(2026, 0, 1, 12, 0, 10);
      const verdicts = await Promise.all(
        Array.from({ length: 60 }, (_, i) => pick(i).limits.admit(id, { rpm: 25 }, now)),
      );
      assert.equal(verdicts.filter((v) => v.ok).length, 25);
      const refused = verdicts.find((v) => !v.ok)!;
      assert.equal(refused.reason, "rpm");
      assert.equal(refused.retryAfter, 50);
      // the next minute is a new window
      assert.equal((await pick(1).limits.admit(id, { rpm: 25 }, now + 60_000)).ok, true);
    });

    test("budget: spend added on any instance refuses the key everywhere until the day turns", async () => {
      const id = `k${randomBytes(3).toString("hex")}`;
      const now = Date.UTC(2026, 0, 1, 23, 0, 0);
      const limits = { budget_usd_per_day: 1, budget_usd_per_month: 10 };
      assert.equal((await pick(0).limits.admit(id, limits, now)).ok, true);
      await Promise.all(Array.from({ length: 10 }, (_, i) => pick(i).limits.add(id, 0.1, 100, now)));
      const spend = await pick(2).limits.spend(id, now);
      assert.ok(Math.abs(spend.day - 1) < 1e-9, `day spend ${spend.day}`);
      const v = await pick(3).limits.admit(id, limits, now);
      assert.deepEqual(v, { ok: false, reason: "budget_day", retryAfter: 3600 });
      // next day: the daily window is fresh, the monthly one still counts
      assert.equal((await pick(1).limits.admit(id, limits, now + 3_600_000)).ok, true);
      assert.ok(Math.abs((await pick(1).limits.spend(id, now + 3_600_000)).month - 1) < 1e-9);
      const monthly = await pick(0).limits.admit(id, { budget_usd_per_month: 0.5 }, now + 3_600_000);
      assert.equal(monthly.reason, "budget_month");
      assert.equal(monthly.retryAfter, windowsAt(now + 3_600_000).monthLeft);
    });

    test("tpm: tokens recorded on completion refuse the key for the rest of the minute", async () => {
      const id = `k${randomBytes(3).toString("hex")}`;
      const now = Date.UTC(2026, 0, 1, 12, 0, 0);
      assert.equal((await pick(0).limits.admit(id, { tpm: 1000 }, now)).ok, true);
      await pick(1).limits.add(id, 0, 1200, now);
      assert.equal((await pick(2).limits.admit(id, { tpm: 1000 }, now + 1000)).reason, "tpm");
      assert.equal((await pick(2).limits.admit(id, { tpm: 1000 }, now + 60_000)).ok, true);
    });

    test("circuit breaker: opens after N failures, one half-open probe, closes on success", async () => {
      const p = `prov${randomBytes(3).toString("hex")}`;
      const t = 1_000_000;
      const usable = async (i: number, at: number) => (await pick(i).health.usable([p, "other"], at))[0];
      assert.equal(await usable(0, t), true);
      await pick(0).health.report(p, false, t);
      await pick(1).health.report(p, false, t);
      assert.equal(await usable(2, t), true, "2 failures < 3: still closed");
      await pick(2).health.report(p, true, t);
      for (let i = 0; i < 3; i++) await pick(i).health.report(p, false, t);
      assert.equal(await usable(3, t + 10), false, "3 consecutive failures open it");
      assert.equal(await usable(0, t + 999), false);
      // after the pause exactly one caller gets the probe
      const probes = await Promise.all([0, 1, 2, 3].map((i) => usable(i, t + 1001)));
      assert.equal(probes.filter(Boolean).length, 1);
      await pick(1).health.report(p, false, t + 1002);
      assert.equal(await usable(2, t + 1500), false, "a failed probe re-opens it");
      assert.equal(await usable(2, t + 2100), true, "second probe");
      await pick(3).health.report(p, true, t + 2101);
      assert.equal(await usable(0, t + 2102), true);
      assert.equal(await usable(1, t + 2103), true, "closed: everyone passes");
    });

    test("sessions: a pin written by one instance is read by another", async () => {
      const id = `s${randomBytes(3).toString("hex")}`;
      await pick(0).sessions.set(id, { model: "t-chat", updatedAt: Date.now(), requests: 1 });
      assert.equal((await pick(1).sessions.get(id))?.model, "t-chat");
      if (name === "redis") {
        await new Promise((r) => setTimeout(r, 400));
        assert.equal(await pick(2).sessions.get(id), undefined, "expired after the TTL");
      }
    });
  });
}

test("memory store: seed() starts empty windows from the ledger's spend, never overwrites live ones", async () => {
  const s = await createSharedState(undefined);
  const now = Date.UTC(2026, 0, 10, 12);
  await s.limits.seed!("k", { day: 0.4, month: 2 }, now);
  assert.deepEqual(await s.limits.spend("k", now), { day: 0.4, month: 2 });
  await s.limits.seed!("k", { day: 9, month: 9 }, now);
  assert.deepEqual(await s.limits.spend("k", now), { day: 0.4, month: 2 });
  assert.equal((await s.limits.admit("k", { budget_usd_per_month: 2 }, now)).reason, "budget_month");
});

test("redis: once the connection is gone, limits fail open and a session read is 'no pin' (errors reported)", {
  skip: redis.url ? false : redis.reason,
}, async () => {
  const errors: unknown[] = [];
  const s = await createSharedState(redisUrlWithPrefix(redis.url!, prefix), { onError: (e) => errors.push(e) });
  await s.close();
  assert.deepEqual(await s.limits.admit("k", { rpm: 0 }), { ok: true });
  assert.equal(await s.sessions.get("any"), undefined);
  assert.equal(errors.length, 2);
});

test("redis: an unreachable Redis at startup is a clear error", async () => {
  await assert.rejects(createSharedState("redis://127.0.0.1:1"), /cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
});
