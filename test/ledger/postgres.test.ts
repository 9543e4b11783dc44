import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import pg from "pg";
import { createLedger } from "../../src/ledger/index.js";
import { makeRecord } from "./helpers.js";
import { dropSchema, findPostgres, testSchema } from "./pg.js";
import { ledgerSuite } from "./suite.js";

const { url, reason } = await findPostgres();
const skip = url ? false : reason;

ledgerSuite(
  "ledger on PostgreSQL",
  async () => {
    const schema = testSchema();
    return {
      open: (ledger = {}, opts = {}) =>
        createLedger({ database_url: url as string, ledger }, { ...opts, pgSchema: schema }),
      cleanup: () => dropSchema(url as string, schema),
    };
  },
  skip,
);

describe("PostgreSQL specifics", { skip }, () => {
  const schemas: string[] = [];
  after(async () => {
    for (const s of schemas) await dropSchema(url as string, s);
  });

  it("four instances starting at once migrate once (advisory lock) and share one table", async () => {
    const schema = testSchema();
    schemas.push(schema);
    const ledgers = await Promise.all(
      [1, 2, 3, 4].map(() =>
        createLedger({ database_url: url as string, ledger: { batch_ms: 10 } }, { pgSchema: schema }),
      ),
    );
    assert.ok(ledgers.every((l) => l.backend === "postgres"));
    // Each instance writes its share; one row (id req_000000) is written by all four: stored once.
    ledgers.forEach((l, k) => {
      for (let i = k * 250; i < (k + 1) * 250; i++) l.record(makeRecord(i));
      l.record(makeRecord(0));
    });
    await Promise.all(ledgers.map((l) => l.flush()));
    assert.equal((await ledgers[0].stats()).requests, 1000);
    await Promise.all(ledgers.map((l) => l.close()));
    const client = new pg.Client({ connectionString: url as string });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT version FROM "${schema}".schema_migrations`);
      assert.deepEqual(rows, [{ version: 1 }]);
    } finally {
      await client.end();
    }
  });

  it("a write that fails while the database is unreachable is kept and written after it returns", async () => {
    const schema = testSchema();
    schemas.push(schema);
    const ledger = await createLedger({ database_url: url as string, ledger: { batch_ms: 10 } }, { pgSchema: schema });
    // Make the table temporarily unwritable from outside, as a stand-in for an outage.
    const admin = new pg.Client({ connectionString: url as string });
    await admin.connect();
    try {
      await admin.query(`ALTER TABLE "${schema}".requests RENAME TO requests_away`);
      for (let i = 0; i < 50; i++) ledger.record(makeRecord(i));
      await assert.rejects(ledger.flush());
      assert.equal(ledger.pending(), 50, "rows kept while the store fails");
      await admin.query(`ALTER TABLE "${schema}".requests_away RENAME TO requests`);
    } finally {
      await admin.end();
    }
    await ledger.close(); // retries until the write succeeds
    const again = await createLedger({ database_url: url as string }, { pgSchema: schema });
    assert.equal((await again.stats()).requests, 50);
    await again.close();
  });
});
