/**
 * Ledger + metrics + logs behind one `record()` sink, and the read-only HTTP routes over them
 * (/metrics, /v1/sessions/:id, /v1/requests/:id, /v1/stats, the dashboard).
 */
import type { ServerResponse } from "node:http";
import type { Config } from "../config/types.js";
import { createLedger } from "../ledger/index.js";
import type { Ledger, LedgerRecord } from "../ledger/types.js";
import { createLogger } from "../log/index.js";
import { createMetrics } from "../metrics/index.js";
import type { Logger } from "./deps.js";
import type { ProxyRecord } from "./proxy.js";

export interface Observability {
  log: Logger;
  ledger: Ledger;
  record(rec: ProxyRecord): void;
  routes(method: string, url: URL, res: ServerResponse): Promise<boolean>;
  onFallback(from: { model: string; provider: string }, err: { status: number; code: string }): void;
  close(): Promise<void>;
}

const sendJson = (res: ServerResponse, status: number, body: unknown) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
};

export async function createObservability(config: Config, log?: Logger, secrets: string[] = []): Promise<Observability> {
  const logger = log ?? createLogger({ level: config.log_level, secrets });
  const ledger = await createLedger(config, { logger: logger as any });
  const metrics = createMetrics();
  return {
    log: logger,
    ledger,
    record(rec) {
      try {
        ledger.record(rec as LedgerRecord);
        metrics.observe(rec as LedgerRecord);
      } catch (err) {
        logger.error({ err, request_id: rec.id }, "could not record request");
      }
    },
    onFallback() {
      // fallbacks are counted from each record's attempts (metrics.observe)
    },
    async routes(method, url, res) {
      if (method !== "GET") return false;
      const p = url.pathname;
      if (p === "/metrics") {
        const text = await metrics.metricsText();
        res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
        res.end(text);
        return true;
      }
      if (p.startsWith("/v1/sessions/")) {
        const s = await ledger.sessionSummary(decodeURIComponent(p.slice("/v1/sessions/".length)));
        if (!s) sendJson(res, 404, { error: { type: "not_found", message: "unknown session id" } });
        else sendJson(res, 200, s);
        return true;
      }
      if (p.startsWith("/v1/requests/")) {
        const r = await ledger.getRequest(decodeURIComponent(p.slice("/v1/requests/".length)));
        if (!r) sendJson(res, 404, { error: { type: "not_found", message: "unknown request id" } });
        else sendJson(res, 200, r);
        return true;
      }
      return false;
    },
    async close() {
      await ledger.close();
    },
  };
}
