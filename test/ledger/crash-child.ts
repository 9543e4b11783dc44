/**
 * Child process for crash.test.ts: records rows continuously (10 every 2 ms) and reports each id with its
 * record time on stdout (synchronous writes to a pipe), until it is killed. SIGTERM closes the ledger first.
 */
import { writeSync } from "node:fs";
import { createLedger } from "../../src/ledger/index.js";
import { makeRecord } from "./helpers.js";

const batchMs = Number(process.env.CR_BATCH_MS ?? 100);
const ledger = await createLedger(
  {
    data_dir: process.env.CR_DATA,
    database_url: process.env.CR_DB_URL,
    ledger: { batch_ms: batchMs, batch_size: 100_000 },
  },
  { pgSchema: process.env.CR_SCHEMA, env: {} },
);
process.on("SIGTERM", () => {
  ledger.close().then(() => {
    writeSync(1, "closed\n");
    process.exit(0);
  });
});
writeSync(1, "ready\n");
let i = 0;
const tick = setInterval(() => {
  const lines: string[] = [];
  for (let k = 0; k < 10; k++, i++) {
    const ts = Date.now();
    ledger.record(makeRecord(i, { ts }));
    lines.push(`${makeRecord(i).id} ${ts}`);
  }
  writeSync(1, `${lines.join("\n")}\n`);
}, 2);
process.on("SIGTERM", () => clearInterval(tick));
