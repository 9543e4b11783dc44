/**
 * Ledger + metrics + logs behind one `record()` sink, and the read-only HTTP routes over them:
 * GET / (dashboard; JSON status for JSON-only clients), /metrics, /v1/stats?since=7d,
 * /v1/stats/timeseries?since=24h&bucket=auto|15m, /v1/recent?limit=50, /v1/sessions?since=7d&limit=20,
 * /v1/sessions/:id, /v1/requests/:id. Bad query parameters answer 400.
 */
import type { ServerResponse } from "node:http";
import type { Config } from "../config/types.js";
import { DASHBOARD_HEADERS, DASHBOARD_HTML } from "../dashboard/page.js";
import { autoBucket, clampBucket, intParam, parseDuration, QueryError, sinceParam } from "../dashboard/query.js";
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
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  });
  res.end(text);
};

/** GET / serves the dashboard to browsers; a client that asks for JSON only gets the JSON status (app.ts). */
const wantsHtml = (res: ServerResponse) => {
  const accept = res.req?.headers.accept ?? "*/*";
  return accept.includes("text/html") || !accept.includes("json");
};

/**
 * Cost over time. `bucket=auto` fits the chart to the data: when every request in the range is recent, it
 * re-buckets the span the data covers (so ten minutes of traffic in a "7d" view is a curve, not one dot).
 */
export async function timeseriesFor(ledger: Ledger, url: URL, now = Date.now()) {
  const since = sinceParam(url, "24h", now);
  const span = Math.max(1000, now - since);
  const spec = url.searchParams.get("bucket") ?? "auto";
  if (spec !== "auto") {
    const bucket = clampBucket(parseDuration(spec), span);
    return {
      since_ms: since,
      bucket_ms: bucket,
      now,
      points: await ledger.timeseries({ sinceMs: since, bucketMs: bucket }),
    };
  }
  let bucket = clampBucket(autoBucket(span), span);
  let from = since;
  let points = await ledger.timeseries({ sinceMs: from, bucketMs: bucket });
  for (let zoom = 0; zoom < 3; zoom++) {
    const first = points[0]?.t;
    if (first === undefined || first <= from) break;
    // Zoom to the data, with a 10% margin before it, never below 20 s.
    const dataSpan = Math.max(20_000, (now - first) * 1.1);
    const fine = Math.min(bucket, autoBucket(dataSpan));
    const start = Math.max(since, Math.floor((now - dataSpan) / fine) * fine);
    if (fine === bucket) {
      from = Math.max(from, start); // same buckets: only trim the empty lead-in
      break;
    }
    bucket = fine;
    from = start;
    points = await ledger.timeseries({ sinceMs: from, bucketMs: bucket });
  }
  return { since_ms: from, bucket_ms: bucket, now, points };
}

/** Top sessions by cost, with savings. */
export async function sessionsFor(ledger: Ledger, url: URL, now = Date.now()) {
  const since = sinceParam(url, "7d", now);
  const limit = intParam(url, "limit", 20, 1, 500);
  const stats = await ledger.stats({ sinceMs: since, topSessions: limit });
  return {
    since_ms: since,
    sessions: stats.per_session.map((s) => ({
      ...s,
      savings: s.baseline_cost - s.cost,
      savings_pct: s.baseline_cost > 0 ? ((s.baseline_cost - s.cost) / s.baseline_cost) * 100 : 0,
    })),
  };
}

/** Newest decisions first, without stored content (the feed never shows prompts). */
export async function recentFor(ledger: Ledger, url: URL) {
  const limit = intParam(url, "limit", 50, 1, 500);
  const rows = await ledger.recent(limit);
  return { requests: rows.map(({ content: _content, ...r }) => r) };
}

export async function createObservability(
  config: Config,
  log?: Logger,
  secrets: string[] = [],
): Promise<Observability> {
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
      if (p === "/" && wantsHtml(res)) {
        res.writeHead(200, DASHBOARD_HEADERS);
        res.end(DASHBOARD_HTML);
        return true;
      }
      if (p === "/metrics") {
        const text = await metrics.metricsText();
        res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
        res.end(text);
        return true;
      }
      try {
        if (p === "/v1/stats") {
          const now = Date.now();
          const stats = await ledger.stats({
            sinceMs: sinceParam(url, "7d", now),
            topSessions: intParam(url, "sessions", 10, 0, 500),
          });
          sendJson(res, 200, { ...stats, backend: ledger.backend, now });
          return true;
        }
        if (p === "/v1/stats/timeseries") {
          sendJson(res, 200, await timeseriesFor(ledger, url));
          return true;
        }
        if (p === "/v1/recent") {
          sendJson(res, 200, await recentFor(ledger, url));
          return true;
        }
        if (p === "/v1/sessions" || p === "/v1/sessions/") {
          sendJson(res, 200, await sessionsFor(ledger, url));
          return true;
        }
      } catch (err) {
        if (!(err instanceof QueryError)) throw err;
        sendJson(res, 400, { error: { type: "invalid_request_error", message: err.message } });
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
