/**
 * Child process for crash.test.ts: a real router (startServer) on a loopback port, every provider pointed at the
 * parent's fake upstream (CR_UPSTREAM), SQLite ledger in CR_DATA with ledger.batch_ms = CR_BATCH_MS.
 * stdout (synchronous writes): "ready <url>", then "<request id> <record time>" for each request the router
 * records, "tick <time>" every 5 ms (when the event loop last ran), and "closed" after a graceful stop (SIGTERM).
 */
import { writeSync } from "node:fs";
import { startServer } from "../../src/server/index.js";
import type { FakeUpstream } from "../helpers/fake-upstream.js";
import { TEST_KEYS, testConfig } from "../helpers/router.js";

const up = { baseUrl: process.env.CR_UPSTREAM } as FakeUpstream;
const base = testConfig(up);
const config = {
  ...base,
  data_dir: process.env.CR_DATA as string,
  ledger: { ...base.ledger, batch_ms: Number(process.env.CR_BATCH_MS ?? 100), batch_size: 100_000 },
};
const srv = await startServer(config, { env: TEST_KEYS });
const record = srv.deps.record;
srv.deps.record = (rec) => {
  record(rec);
  writeSync(1, `${rec.id} ${Date.now()}\n`);
};
setInterval(() => writeSync(1, `tick ${Date.now()}\n`), 5);
process.on("SIGTERM", () => {
  srv.close().then(() => {
    writeSync(1, "closed\n");
    process.exit(0);
  });
});
writeSync(1, `ready ${srv.url}\n`);
