import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "node:test";
import Database from "better-sqlite3";
import { createLedger, keyId, resolveDataDir } from "../../src/ledger/index.js";
import { createLogger } from "../../src/log/index.js";
import { makeRecord } from "./helpers.js";
import { ledgerSuite } from "./suite.js";

ledgerSuite("ledger on SQLite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "cr-ledger-"));
  return {
    open: (ledger = {}, opts = {}) => createLedger({ data_dir: dir, ledger }, { ...opts, env: {} }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

it("SQLite: <data_dir>/ledger.db in WAL mode with numbered migrations and indexes", async () => {
  const dir = mkdtempSync(join(tmpdir(), "cr-ledger-"));
  try {
    const ledger = await createLedger({ data_dir: join(dir, "nested") }, { env: {} });
    assert.equal(ledger.backend, "sqlite");
    await ledger.close();
    const file = join(dir, "nested", "ledger.db");
    assert.ok(existsSync(file));
    const db = new Database(file, { readonly: true });
    assert.equal(db.pragma("journal_mode", { simple: true }), "wal");
    assert.deepEqual(db.prepare("SELECT version, name FROM schema_migrations").all(), [
      { version: 1, name: "requests" },
    ]);
    const idx = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'requests'").all() as Array<{
        name: string;
      }>
    ).map((r) => r.name);
    for (const name of ["requests_ts", "requests_session", "requests_key"]) assert.ok(idx.includes(name), name);
    db.close();
    // Reopening does not re-run migrations.
    const again = await createLedger({ data_dir: join(dir, "nested") }, { env: {} });
    await again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it("data dir: --data beats config beats CODEROUTER_DATA beats ~/.coderouter", () => {
  const env = { CODEROUTER_DATA: "/env/dir" };
  assert.equal(resolveDataDir("/flag", "/cfg", env), "/flag");
  assert.equal(resolveDataDir(undefined, "/cfg", env), "/cfg");
  assert.equal(resolveDataDir(undefined, undefined, env), "/env/dir");
  assert.match(resolveDataDir(undefined, undefined, {}), /\.coderouter$/);
});

it("record() never throws, whatever it is given", async () => {
  const dir = mkdtempSync(join(tmpdir(), "cr-ledger-"));
  try {
    const ledger = await createLedger({ data_dir: dir, ledger: { batch_ms: 10 } }, { env: {} });
    assert.doesNotThrow(() => ledger.record(null as never));
    assert.doesNotThrow(() => ledger.record({} as never));
    assert.doesNotThrow(() =>
      ledger.record({ id: 42, ts: "x", signals: "no", attempts: [null], cost_usd: "1.5", content: 1n } as never),
    );
    await ledger.flush();
    const s = await ledger.stats();
    assert.equal(s.requests, 2, "the two objects are stored with defaults; null is logged and skipped");
    assert.equal(s.cost, 1.5);
    assert.equal((await ledger.getRequest("42"))?.agent, "unknown");
    await ledger.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it("retention runs again on its (unref'd) timer", async () => {
  const dir = mkdtempSync(join(tmpdir(), "cr-ledger-"));
  try {
    const ledger = await createLedger(
      { data_dir: dir, ledger: { batch_ms: 5, retention_days: 1 } },
      { env: {}, pruneIntervalMs: 30 },
    );
    ledger.record(makeRecord(1, { ts: Date.now() - 3 * 86_400_000 }));
    ledger.record(makeRecord(2));
    await ledger.flush();
    for (let i = 0; i < 50 && (await ledger.stats()).requests > 1; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal((await ledger.stats()).requests, 1);
    assert.ok(await ledger.getRequest("req_000002"));
    await ledger.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it("keyId is a stable hash prefix, not the key", () => {
  assert.equal(keyId("router-key-1"), keyId("router-key-1"));
  assert.notEqual(keyId("router-key-1"), keyId("router-key-2"));
  assert.match(keyId("router-key-1"), /^[0-9a-f]{16}$/);
});

it("spendSince counts rows still queued (budgets cannot be dodged by the batch window); takes a pino logger", async () => {
  const dir = mkdtempSync(join(tmpdir(), "cr-ledger-"));
  try {
    const logger = createLogger({ level: "silent" });
    const ledger = await createLedger({ data_dir: dir, ledger: { batch_ms: 60_000 } }, { env: {}, logger });
    const since = Date.now() - 1000;
    ledger.record(makeRecord(1, { key_id: "kA", cost_usd: 0.25, ts: Date.now() }));
    ledger.record(makeRecord(2, { key_id: "kA", cost_usd: 0.5, ts: Date.now() }));
    ledger.record(makeRecord(3, { key_id: "kB", cost_usd: 7, ts: Date.now() }));
    ledger.record(makeRecord(4, { key_id: "kA", cost_usd: 9, ts: since - 5000 }));
    assert.equal(ledger.pending(), 4);
    assert.equal(await ledger.spendSince("kA", since), 0.75);
    await ledger.flush();
    assert.equal(await ledger.spendSince("kA", since), 0.75);
    assert.equal(await ledger.spendSince("kA", 0), 9.75);
    await ledger.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
