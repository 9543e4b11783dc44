import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { parseSince } from "../../src/cli/stats.js";
import { createLedger } from "../../src/ledger/index.js";
import { exactSum, makeRecord, runStats } from "./helpers.js";
import { dropSchema, findPostgres, testSchema, urlWithSchema } from "./pg.js";

const N = 400;
const recs = Array.from({ length: N }, (_, i) => makeRecord(i));
const expectedCost = exactSum(recs.map((r) => r.cost_usd));

async function checkJsonAndExport(args: string[], dir: string) {
  const json = await runStats([...args, "--json", "--since", "1h"]);
  assert.equal(json.code, 0, json.err);
  const s = JSON.parse(json.out);
  assert.equal(s.requests, N);
  assert.ok(Math.abs(s.cost - expectedCost) <= 1e-9);
  for (const k of ["requests", "cost", "baseline_cost", "savings", "per_phase", "per_model"]) assert.ok(k in s, k);
  assert.equal(
    Object.values(s.per_phase as Record<string, { requests: number }>).reduce((a, g) => a + g.requests, 0),
    N,
  );

  const file = join(dir, "export.jsonl");
  const exp = await runStats([...args, "--export", file]);
  assert.equal(exp.code, 0, exp.err);
  assert.match(exp.err, new RegExp(`exported ${N} requests`));
  const lines = readFileSync(file, "utf8").trimEnd().split("\n");
  assert.equal(lines.length, N);
  const first = JSON.parse(lines[0]);
  assert.equal(first.id, recs[0].id);
  assert.deepEqual(Object.keys(first.usage).sort(), [
    "cacheReadTokens",
    "cacheWrite1hTokens",
    "cacheWriteTokens",
    "inputTokens",
    "outputTokens",
    "reasoningTokens",
  ]);
  for (const k of ["phase", "agent", "kind", "model"]) assert.equal(first[k], recs[0][k as keyof (typeof recs)[0]]);
  assert.ok(Math.abs(exactSum(lines.map((l) => JSON.parse(l).cost_usd)) - expectedCost) <= 1e-9);
}

describe("coderouter stats", () => {
  const dir = mkdtempSync(join(tmpdir(), "cr-stats-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("SQLite: human table, --json totals, --export lines", async () => {
    const ledger = await createLedger({ data_dir: join(dir, "data") }, { env: {} });
    for (const r of recs) ledger.record(r);
    await ledger.close();

    const human = await runStats(["--data", join(dir, "data")]);
    assert.equal(human.code, 0, human.err);
    for (const needle of [
      "requests",
      "400",
      "baseline cost",
      "savings",
      "Phase",
      "plan",
      "Model",
      "claude-sonnet-4-5",
      "Agent",
      "codex",
      "Top sessions",
      "sess_",
      "p50",
      "p99",
    ])
      assert.ok(human.out.includes(needle), `table shows ${needle}:\n${human.out}`);
    await checkJsonAndExport(["--data", join(dir, "data")], dir);

    const empty = await runStats(["--data", join(dir, "empty"), "--json"]);
    assert.equal(JSON.parse(empty.out).requests, 0);
  });

  it("rejects an unreadable --since", async () => {
    const r = await runStats(["--data", join(dir, "data"), "--since", "yesterday-ish"]);
    assert.equal(r.code, 2);
    assert.match(r.err, /--since/);
  });

  it("PostgreSQL via --database-url", async (t) => {
    const pgFound = await findPostgres();
    if (!pgFound.url) return t.skip(pgFound.reason);
    const schema = testSchema();
    try {
      const ledger = await createLedger({ database_url: pgFound.url }, { pgSchema: schema });
      for (const r of recs) ledger.record(r);
      await ledger.close();
      await checkJsonAndExport(["--database-url", urlWithSchema(pgFound.url, schema)], dir);
    } finally {
      await dropSchema(pgFound.url, schema);
    }
  });
});

describe("parseSince", () => {
  const now = 1_700_000_000_000;
  it("reads spans, dates, epoch ms and all", () => {
    assert.equal(parseSince("7d", now), now - 7 * 86_400_000);
    assert.equal(parseSince("24h", now), now - 86_400_000);
    assert.equal(parseSince("30m", now), now - 1_800_000);
    assert.equal(parseSince("2w", now), now - 14 * 86_400_000);
    assert.equal(parseSince("all", now), 0);
    assert.equal(parseSince("2025-01-31T00:00:00Z", now), Date.UTC(2025, 0, 31));
    assert.equal(parseSince("1699999999999", now), 1699999999999);
    assert.throws(() => parseSince("soon", now), /--since/);
  });
});
