/**
 * Builds the real dependencies from a Config and starts the HTTP server.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Config } from "../config/types.js";
import { createForwarder } from "../forward/index.js";
import { createKeyring } from "../keys/index.js";
import { resolveProviders } from "../providers/resolve.js";
import { createSharedState, type SharedStateOptions } from "../scale/index.js";
import { windowsAt } from "../scale/windows.js";
import { WIRES } from "../wire/index.js";
import { createHandler } from "./app.js";
import type { AppDeps, Logger } from "./deps.js";
import { createEngine } from "./engine.js";
import { createObservability } from "./observe.js";

export interface RunningServer {
  url: string;
  port: number;
  host: string;
  server: Server;
  deps: AppDeps;
  /** Graceful stop: stop accepting, let in-flight requests finish (up to `graceMs`), flush the ledger. */
  close(graceMs?: number): Promise<void>;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith("127.");
}

async function spentSince(ledger: { spendSince(keyId: string, sinceMs: number): Promise<number> }, id: string) {
  const w = windowsAt(Date.now());
  const [day, month] = await Promise.all([ledger.spendSince(id, w.dayStartMs), ledger.spendSince(id, w.monthStartMs)]);
  return { day, month };
}

export async function startServer(
  config: Config,
  opts: { log?: Logger; env?: NodeJS.ProcessEnv; shared?: SharedStateOptions } = {},
): Promise<RunningServer> {
  const env = opts.env ?? process.env;
  if (!isLoopback(config.host) && config.keys.length === 0 && !config.allow_open_bind) {
    throw new Error(
      `refusing to bind ${config.host} without router keys: anyone who can reach it could spend your provider keys. ` +
        "Configure `keys:` (or set allow_open_bind: true) to listen beyond 127.0.0.1.",
    );
  }
  const providers = resolveProviders(config, env);
  const secrets = [...[...providers.values()].flatMap((p) => (p.key ? [p.key] : [])), ...config.keys.map((k) => k.key)];
  const obs = await createObservability(config, opts.log, secrets);
  // Session pins, budgets / rate limits and provider health: in process, or in Redis when redis_url is set.
  const shared = await createSharedState(config.redis_url, {
    onError: (err) =>
      obs.log.warn({ err: (err as Error)?.message }, "shared state (Redis) unavailable; going on without it"),
    ...opts.shared,
  }).catch(async (err) => {
    await obs.close();
    throw err;
  });
  const engine = await createEngine(config, {
    providers,
    env,
    forwarderTimeouts: config.timeouts,
    log: obs.log,
    sessions: shared.sessions,
  });
  for (const w of engine.router.warnings) obs.log.warn({ config: "routing" }, w);
  const keys =
    config.keys.length > 0
      ? createKeyring(
          config.keys,
          shared.limits,
          (err) => obs.log.warn({ err }, "could not record spend"),
          // in process, budgets restart from the ledger's spend for the current day / month
          shared.backend === "memory" ? (id) => spentSince(obs.ledger, id) : undefined,
        )
      : undefined;
  const health = shared.health;
  const reportError = (err: unknown) => obs.log.warn({ err }, "provider health update failed");
  const deps: AppDeps = {
    config,
    engine,
    wires: WIRES,
    providers: (id) => providers.get(id),
    forwarder: createForwarder(config.timeouts),
    log: obs.log,
    record: keys
      ? (rec, settled) => {
          obs.record(rec);
          // partial usage of failed or aborted requests is charged here; priced answers were charged by `settle`
          if (!settled) keys.settle(rec);
        }
      : (rec) => obs.record(rec),
    settle: keys ? (rec) => keys.settle(rec) : undefined,
    authorize: keys?.authorize,
    beforeCall: keys ? (keyId) => keys.admit(keyId) : undefined,
    providerHealth: {
      usable: (ps) => health.usable(ps).catch(() => ps.map(() => true)),
      report: (p, ok) => health.report(p, ok).catch(reportError),
    },
    routerKeysEnabled: config.keys.length > 0,
    extraRoutes: obs.routes,
    onFallback: obs.onFallback,
  };
  const handle = createHandler(deps);
  let draining = false;
  const server = createServer({ keepAliveTimeout: 65_000, requestTimeout: 0, headersTimeout: 60_000 }, (req, res) => {
    // while stopping, answer what arrives but tell the client not to reuse the connection
    if (draining) res.shouldKeepAlive = false;
    return handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${addr.port}`,
    port: addr.port,
    host: addr.address,
    server,
    deps,
    close(graceMs = 10_000) {
      closing ??= (async () => {
        draining = true;
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => server.closeAllConnections(), graceMs);
          t.unref();
          // keep-alive connections that were busy at the signal are closed as soon as their response is done
          const sweep = setInterval(() => server.closeIdleConnections(), 50);
          sweep.unref();
          server.close(() => {
            clearTimeout(t);
            clearInterval(sweep);
            resolve();
          });
          server.closeIdleConnections();
        });
        await deps.forwarder.close().catch(() => {});
        await engine.close?.();
        await obs.close();
        await shared.close();
      })();
      return closing;
    },
  };
}
