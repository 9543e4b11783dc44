/**
 * One CodeRouter instance as its own process (the multi-instance test starts several): config from
 * CR_CHILD_CONFIG (JSON), provider keys from the environment, prints {"url": …} once listening, SIGTERM = graceful stop.
 */
import { startServer } from "../../src/server/index.js";

const config = JSON.parse(process.env.CR_CHILD_CONFIG ?? "{}");
const srv = await startServer(config, {
  env: process.env,
  shared: { breaker: { failures: Number(process.env.CR_CHILD_BREAKER_FAILURES ?? 3), openMs: 60_000 } },
});
process.stdout.write(`${JSON.stringify({ url: srv.url, pid: process.pid })}\n`);
process.on("SIGTERM", () => {
  srv.close(3000).then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
