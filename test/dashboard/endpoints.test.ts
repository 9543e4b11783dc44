/**
 * The dashboard's HTTP surface without a browser: the page itself (self-contained, strict CSP), the JSON endpoints
 * it polls, their parameters and errors, and the query helpers.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { DASHBOARD_HTML } from "../../src/dashboard/page.js";
import { autoBucket, clampBucket, parseDuration } from "../../src/dashboard/query.js";
import type { LedgerRecord, LedgerStats, TimeseriesPoint } from "../../src/ledger/types.js";
import type { RunningServer } from "../../src/server/index.js";
import { FakeUpstream } from "../helpers/fake-upstream.js";
import { startRouter } from "../helpers/router.js";
import { type Sent, sendMixed } from "../ledger-e2e/traffic.js";

const N = 8;

describe("dashboard endpoints", () => {
  let up: FakeUpstream;
  let router: RunningServer;
  let sent: Sent[];
  before(async () => {
    up = await new FakeUpstream().start();
    router = await startRouter(up);
    sent = await sendMixed(router.url, N, "ep", 1);
  });
  after(async () => {
    await router.close();
    await up.stop();
  });

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(router.url + path, { headers });
    return { res, text: await res.text() };
  };

  it("GET / serves one self-contained page with a CSP that allows exactly its script and style", async () => {
    const { res, text } = await get("/", { accept: "text/html,application/xhtml+xml" });
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/html/);
    assert.equal(text, DASHBOARD_HTML);
    // Nothing off-origin: the only absolute URL is the SVG namespace.
    const urls = [...text.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
    assert.deepEqual([...new Set(urls)], ["http://www.w3.org/2000/svg"]);
    assert.doesNotMatch(text, /<script[^>]+src=|<link[^>]+stylesheet/);
    const csp = res.headers.get("content-security-policy") ?? "";
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /connect-src 'self'/);
    const script = /<script>([\s\S]*)<\/script>/.exec(text)?.[1] ?? "";
    const style = /<style>([\s\S]*?)<\/style>/.exec(text)?.[1] ?? "";
    const hash = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;
    assert.ok(csp.includes(`script-src ${hash(script)}`), "script hash");
    assert.ok(csp.includes(`style-src ${hash(style)}`), "style hash");
    assert.ok(text.length < 64 * 1024, `page is small (${text.length} bytes)`);
  });

  it("GET / still answers JSON to a client that asks only for JSON", async () => {
    const { res, text } = await get("/", { accept: "application/json" });
    assert.equal(res.status, 200);
    assert.deepEqual(JSON.parse(text), { name: "coderouter", status: "ok" });
  });

  it("/v1/stats: ledger totals with since", async () => {
    const s = JSON.parse((await get("/v1/stats?since=1h")).text) as LedgerStats & { backend: string };
    assert.equal(s.requests, N);
    assert.equal(s.backend, "sqlite");
    assert.ok(Math.abs(s.savings - (s.baseline_cost - s.cost)) < 1e-12);
    const future = JSON.parse((await get(`/v1/stats?since=${Date.now() + 3_600_000}`)).text) as LedgerStats;
    assert.equal(future.requests, 0);
    const bad = await get("/v1/stats?since=yesterday-ish");
    assert.equal(bad.res.status, 400);
    assert.match(JSON.parse(bad.text).error.message, /since: cannot read/);
  });

  it("/v1/stats/timeseries: auto buckets zoom to the data; explicit buckets are honoured", async () => {
    const auto = JSON.parse((await get("/v1/stats/timeseries?since=7d&bucket=auto")).text) as {
      since_ms: number;
      bucket_ms: number;
      points: TimeseriesPoint[];
    };
    assert.ok(auto.bucket_ms <= 5000, `zoomed to seconds (${auto.bucket_ms} ms)`);
    assert.ok(Date.now() - auto.since_ms < 5 * 60_000, "the window starts near the first request");
    assert.equal(
      auto.points.reduce((a, p) => a + p.requests, 0),
      N,
    );
    const hourly = JSON.parse((await get("/v1/stats/timeseries?since=24h&bucket=1h")).text);
    assert.equal(hourly.bucket_ms, 3_600_000);
    assert.ok(hourly.points.length <= 2);
    const tiny = JSON.parse((await get("/v1/stats/timeseries?since=all&bucket=1")).text);
    assert.ok(tiny.bucket_ms >= 1000, "buckets are at least 1 s and at most 2000 per series");
    assert.equal((await get("/v1/stats/timeseries?bucket=soon")).res.status, 400);
  });

  it("/v1/recent: newest first, limited, without content", async () => {
    const { requests } = JSON.parse((await get("/v1/recent?limit=3")).text) as { requests: LedgerRecord[] };
    assert.equal(requests.length, 3);
    assert.deepEqual(
      requests.map((r) => r.id),
      sent
        .slice(-3)
        .reverse()
        .map((s) => s.id),
    );
    assert.ok(requests.every((r) => !Object.hasOwn(r, "content") && Array.isArray(r.signals)));
  });

  it("/v1/sessions lists sessions with savings; /v1/sessions/:id 404s on unknown ids", async () => {
    const { sessions } = JSON.parse((await get("/v1/sessions?since=1h&limit=10")).text) as {
      sessions: Array<{ session_id: string; requests: number; cost: number; baseline_cost: number; savings: number }>;
    };
    assert.deepEqual(sessions.map((s) => s.session_id).sort(), ["ep-0", "ep-1", "ep-2"]);
    assert.equal(
      sessions.reduce((a, s) => a + s.requests, 0),
      N,
    );
    for (const s of sessions) assert.ok(Math.abs(s.savings - (s.baseline_cost - s.cost)) < 1e-12);
    assert.equal((await get("/v1/sessions/nope")).res.status, 404);
  });
});

describe("dashboard query helpers", () => {
  it("parses durations and picks round buckets", () => {
    assert.equal(parseDuration("15m"), 900_000);
    assert.equal(parseDuration("2500"), 2500);
    assert.throws(() => parseDuration("fortnight"));
    assert.equal(autoBucket(60 * 60_000), 60_000);
    assert.equal(autoBucket(24 * 3_600_000), 1_800_000);
    assert.equal(autoBucket(10_000), 1000);
    assert.equal(clampBucket(1, 60_000), 1000);
    assert.equal(clampBucket(1000, 30 * 86_400_000), Math.ceil((30 * 86_400_000) / 2000));
  });
});
