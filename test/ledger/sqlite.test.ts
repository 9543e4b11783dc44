import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "node:test";
import Database from "better-sqlite3";
import { createLedger, resolveDataDir } from "../../src/ledger/index.js";
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
