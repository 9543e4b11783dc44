import { loadConfig } from "../config/load.js";
import { startServer } from "../server/index.js";
import { parseArgs } from "./io.js";

export async function run(args: string[]): Promise<number> {
  const { flags } = parseArgs(args);
  if (flags.help) {
    process.stdout.write("usage: coderouter serve [--config FILE] [--port 8787] [--host 127.0.0.1] [--data DIR]\n");
    return 0;
  }
  const config = loadConfig(typeof flags.config === "string" ? flags.config : undefined);
  if (typeof flags.port === "string") config.port = Number(flags.port);
  if (typeof flags.host === "string") config.host = flags.host;
  if (typeof flags.data === "string") config.data_dir = flags.data;
  const srv = await startServer(config);
  srv.deps.log.info(
    {
      url: srv.url,
      ledger: config.database_url ? "postgres" : `sqlite:${config.data_dir}`,
      redis: !!config.redis_url,
      keys: config.keys.length,
    },
    `coderouter listening on ${srv.url}`,
  );
  process.stderr.write(`coderouter listening on ${srv.url}\n`);
  let stopping = false;
  const stop = (sig: string) => {
    if (stopping) {
      process.exit(1);
    }
    stopping = true;
    process.stderr.write(`coderouter: ${sig}, finishing in-flight requests and flushing the ledger…\n`);
    srv.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  await new Promise(() => {}); // run until a signal
  return 0;
}
