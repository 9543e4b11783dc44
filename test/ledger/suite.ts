/** The same behaviour checks for every ledger backend (SQLite, PostgreSQL). */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import type { Config } from "../../src/config/types.js";
import type { BatchedLedger } from "../../src/ledger/index.js";
import { normalizeRecord } from "../../src/ledger/normalize.js";
import { rankOffset } from "../../src/ledger/queries.js";
import type { LedgerRecord } from "../../src/ledger/types.js";
import { exactSum, makeRecord } from "./helpers.js";

export interface Backend {
  /** Opens a ledger on this backend's storage; can be called again to reopen the same storage. */
  open(ledger?: Partial<Config["ledger"]>, opts?: { prune?: boolean }): Promise<BatchedLedger>;
  cleanup(): Promise<void>;
}

const DAY = 86_400_000;

export function ledgerSuite(name: string, makeBackend: () => Promise<Backend>, skip: string | false = false): void {
  describe(name, { skip }, () => {
    const backends: Backend[] = [];
    const fresh = async () => {
      const b = await makeBackend();
      backends.push(b);
      return b;
    };
    after(async () => {
      for (const b of backends) await b.cleanup();
    });

    it("N records through the batcher: stats counts N and cost totals are exact to 1e-9", async () => {
      const ledger = await (await fresh()).open({ batch_ms: 50, batch_size: 256 });
      const N = 3000;
      const recs = Array.from({ length: N }, (_, i) => makeRecord(i));
      for (const r of recs) ledger.record(r);
      const s = await ledger.stats({ sinceMs: 0 });
      assert.equal(s.requests, N);
      const cost = exactSum(recs.map((r) => r.cost_usd));
      const baseline = exactSum(recs.map((r) => r.baseline_cost_usd));
      assert.ok(Math.abs(s.cost - cost) <= 1e-9, `cost ${s.cost} vs ${cost}`);
      assert.ok(Math.abs(s.baseline_cost - baseline) <= 1e-9, `baseline ${s.baseline_cost} vs ${baseline}`);
      assert.ok(Math.abs(s.savings - (baseline - cost)) <= 1e-9);
      assert.ok(Math.abs(s.savings_pct - ((baseline - cost) / baseline) * 100) < 1e-9);
      assert.equal(
        s.input_tokens,
        recs.reduce((a, r) => a + r.input_tokens, 0),
      );
      assert.equal(s.errors, 0);

      // Group totals add up and match a JS recomputation.
      const phaseCount = (p: string) => recs.filter((r) => r.phase === p).length;
      for (const [phase, g] of Object.entries(s.per_phase)) {
        assert.equal(g.requests, phaseCount(phase));
        assert.ok(Math.abs(g.cost - exactSum(recs.filter((r) => r.phase === phase).map((r) => r.cost_usd))) <= 1e-9);
      }
      assert.equal(
        Object.values(s.per_model).reduce((a, g) => a + g.requests, 0),
        N,
      );
      assert.equal(
        Object.values(s.per_agent).reduce((a, g) => a + g.requests, 0),
        N,
      );
      assert.ok(s.per_session.length > 0 && s.per_session.length <= 10);
      assert.ok(s.per_session[0].cost >= s.per_session[s.per_session.length - 1].cost, "top sessions are by cost");

      // Nearest-rank percentiles of overhead.
      const sorted = recs.map((r) => r.overhead_ms).sort((a, b) => a - b);
      assert.equal(s.overhead_ms.p50, sorted[rankOffset(0.5, N)]);
      assert.equal(s.overhead_ms.p99, sorted[rankOffset(0.99, N)]);

      // Session summary and budget spend.
      const sess = await ledger.sessionSummary("sess_3");
      const inSess = recs.filter((r) => r.session_id === "sess_3");
      assert.ok(sess);
      assert.equal(sess.requests, inSess.length);
      assert.ok(Math.abs(sess.cost_usd - exactSum(inSess.map((r) => r.cost_usd))) <= 1e-9);
      assert.ok(Math.abs(sess.savings_usd - (sess.baseline_cost_usd - sess.cost_usd)) <= 1e-12);
      assert.deepEqual([...sess.models].sort(), [...new Set(inSess.map((r) => r.model))].sort());
      assert.equal(sess.first_ts, Math.min(...inSess.map((r) => r.ts)));
      assert.equal(await ledger.sessionSummary("nope"), null);
      const spend = await ledger.spendSince("k_abc123", 0);
      assert.ok(Math.abs(spend - exactSum(recs.filter((r) => r.key_id === "k_abc123").map((r) => r.cost_usd))) <= 1e-9);

      // Time series buckets sum to the totals.
      const ts = await ledger.timeseries({ sinceMs: 0, bucketMs: 10_000 });
      assert.ok(ts.length >= 1 && ts.length <= 2, `3000 ms of rows fall in 1–2 buckets of 10 s, got ${ts.length}`);
      assert.equal(
        ts.reduce((a, p) => a + p.requests, 0),
        N,
      );
      assert.ok(Math.abs(exactSum(ts.map((p) => p.cost)) - cost) <= 1e-9);
      for (const p of ts) assert.equal(p.t % 10_000, 0);

      const recent = await ledger.recent(5);
      assert.deepEqual(
        recent.map((r) => r.id),
        [...recs]
          .sort((a, b) => b.ts - a.ts || (a.id < b.id ? 1 : -1))
          .slice(0, 5)
          .map((r) => r.id),
      );
      await ledger.close();
    });

    it("a stored record reads back field for field; getRequest sees a row before it is written", async () => {
      const ledger = await (await fresh()).open({ batch_ms: 60_000 });
      const r = makeRecord(42, {
        attempts: [
          { model: "gpt-5", provider: "openai", status: 429, error: "rate limited", ms: 12.5 },
          { model: "claude-sonnet-4-5", provider: "anthropic", status: 200, ms: 800 },
        ],
        error: "bad \u0000 byte",
        session_id: null,
        ttfb_ms: null,
        confidence: null,
        mode: "plan",
      });
      ledger.record(r);
      const expected = normalizeRecord(r, false);
      assert.deepEqual(await ledger.getRequest(r.id), expected, "served from the queue");
      assert.equal(ledger.pending(), 1);
      await ledger.flush();
      assert.equal(ledger.pending(), 0);
      const back = await ledger.getRequest(r.id);
      assert.deepEqual(back, expected);
      assert.equal(back?.error, "bad  byte", "NUL stripped (Postgres rejects it)");
      assert.equal(await ledger.getRequest("missing"), null);
      await ledger.close();
    });

    it("out-of-range numbers are clamped instead of blocking a batch", async () => {
      const ledger = await (await fresh()).open({ batch_ms: 10 });
      ledger.record(
        makeRecord(5, {
          status: 1e12,
          ts: 1e300,
          input_tokens: 1e300,
          output_tokens: -4,
          attempts: [{ model: "m", provider: "p", status: -7, ms: Number.POSITIVE_INFINITY }],
          cost_usd: Number.NaN,
        }),
      );
      ledger.record(makeRecord(6));
      await ledger.flush();
      const r = await ledger.getRequest("req_000005");
      assert.ok(r, "stored");
      assert.equal(r.status, 999);
      assert.equal(r.ts, Number.MAX_SAFE_INTEGER);
      assert.equal(r.input_tokens, Number.MAX_SAFE_INTEGER);
      assert.equal(r.output_tokens, 0);
      assert.equal(r.cost_usd, 0);
      assert.deepEqual(r.attempts, [{ model: "m", provider: "p", status: 0, ms: 0 }]);
      assert.ok(await ledger.getRequest("req_000006"), "the rest of the batch is stored too");
      await ledger.close();
    });

    it("content is stored only when ledger.store_content is set", async () => {
      const b = await fresh();
      const off = await b.open({ batch_ms: 10 });
      off.record(makeRecord(1, { content: { messages: [{ role: "user", content: "secret prompt" }] } }));
      await off.flush();
      assert.equal((await off.getRequest("req_000001"))?.content, null);
      await off.close();
      const on = await b.open({ batch_ms: 10, store_content: true });
      on.record(makeRecord(2, { content: { messages: [{ role: "user", content: "kept" }] } }));
      await on.flush();
      assert.deepEqual((await on.getRequest("req_000002"))?.content, { messages: [{ role: "user", content: "kept" }] });
      await on.close();
    });

    it("close() flushes everything (graceful stop loses nothing); duplicate ids are stored once", async () => {
      const b = await fresh();
      const ledger = await b.open({ batch_ms: 60_000, batch_size: 100_000 });
      const N = 1500;
      for (let i = 0; i < N; i++) ledger.record(makeRecord(i));
      ledger.record(makeRecord(7)); // a retried/duplicated row
      assert.equal(ledger.pending(), N + 1, "nothing written yet: the batch window is a minute");
      await ledger.close();
      const again = await b.open();
      assert.equal((await again.stats()).requests, N);
      // Idempotent writes: the same batch inserted again adds nothing.
      again.record(makeRecord(0));
      again.record(makeRecord(1));
      assert.equal((await again.stats()).requests, N);
      await again.close();
    });

    it("export: one JSON line per request, oldest first, with the usage simulate replays", async () => {
      const ledger = await (await fresh()).open({ batch_ms: 10 });
      const base = Date.now() - 10_000;
      // 2500 rows, three per millisecond: exercises paging across equal timestamps.
      const recs = Array.from({ length: 2500 }, (_, i) => makeRecord(i, { ts: base + Math.floor(i / 3) }));
      for (const r of recs) ledger.record(r);
      const lines: string[] = [];
      const n = await ledger.exportJsonl(0, (l) => void lines.push(l));
      assert.equal(n, 2500);
      assert.equal(lines.length, 2500);
      const parsed = lines.map((l) => JSON.parse(l));
      assert.equal(new Set(parsed.map((p) => p.id)).size, 2500, "no row twice");
      for (let i = 1; i < parsed.length; i++) assert.ok(parsed[i].ts >= parsed[i - 1].ts);
      const byId = new Map(recs.map((r) => [r.id, r]));
      for (const p of parsed) {
        const r = byId.get(p.id) as LedgerRecord;
        assert.deepEqual(p.usage, {
          inputTokens: r.input_tokens,
          outputTokens: r.output_tokens,
          cacheReadTokens: r.cache_read_tokens,
          cacheWriteTokens: r.cache_write_tokens,
          cacheWrite1hTokens: r.cache_write_1h_tokens,
          reasoningTokens: r.reasoning_tokens,
        });
        assert.equal(p.phase, r.phase);
        assert.equal(p.agent, r.agent);
        assert.equal(p.kind, r.kind);
        assert.equal(p.model, r.model);
        assert.equal(p.cost_usd, r.cost_usd);
        assert.deepEqual(p.signals, r.signals);
      }
      // sinceMs filters.
      const later: string[] = [];
      await ledger.exportJsonl(base + 500, (l) => void later.push(l));
      assert.equal(later.length, recs.filter((r) => r.ts >= base + 500).length);
      await ledger.close();
    });

    it("retention: prune() deletes rows older than retention_days; startup prunes too", async () => {
      const b = await fresh();
      const now = Date.now();
      const ledger = await b.open({ batch_ms: 10, retention_days: 30 }, { prune: false });
      for (let i = 0; i < 10; i++) ledger.record(makeRecord(i, { ts: now - 40 * DAY + i }));
      for (let i = 10; i < 15; i++) ledger.record(makeRecord(i, { ts: now - 31 * DAY }));
      for (let i = 15; i < 35; i++) ledger.record(makeRecord(i, { ts: now - 2 * DAY }));
      await ledger.flush();
      assert.equal((await ledger.stats()).requests, 35);
      assert.equal((await ledger.stats({ sinceMs: now - 7 * DAY })).requests, 20, "--since filters");
      assert.equal(await ledger.prune(35), 10);
      assert.equal((await ledger.stats()).requests, 25);
      await ledger.close();
      // Reopen with the default behaviour: the startup prune applies retention_days = 30.
      const reopened = await b.open({ retention_days: 30 });
      assert.equal((await reopened.stats()).requests, 20);
      await reopened.close();
    });
  });
}
