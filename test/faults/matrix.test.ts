/**
 * The fault matrix: every upstream failure mode × the four inbound APIs, against the fake upstream.
 * Before the first byte a failure moves on to the next candidate (headers report the attempts); after it the
 * client gets a well-formed error event in its own format and the stream ends — never a hang or a silent cut.
 * Each inbound API's router prefers a model in another wire format (cross-format translation on the faulty
 * path) and falls back to a model in the client's own format.
 */
import assert from "node:assert/strict";
import { request as httpRequest } from "node:http";
import { after, before, describe, test } from "node:test";
import type { Config } from "../../src/config/types.js";
import type { ApiKind } from "../../src/ir/types.js";
import { type RunningServer, startServer } from "../../src/server/index.js";
import { FakeUpstream, fixture, type Script } from "../helpers/fake-upstream.js";
import { TEST_KEYS, TEST_MODELS, testConfig } from "../helpers/router.js";
import { APIS, assertErrorShape, bodyFor, pathFor, send, sseEvents } from "../scale/requests.js";
import { closedPort, startBlackhole } from "./blackhole.js";

/** Inbound API → the cheaper model tried first (another wire format). The fallback is the API's own test model. */
const PRIMARY: Record<ApiKind, ApiKind> = {
  "anthropic-messages": "openai-chat",
  "openai-chat": "gemini",
  "openai-responses": "anthropic-messages",
  gemini: "openai-responses",
};
const PROVIDER: Record<ApiKind, string> = {
  "anthropic-messages": "anthropic",
  "openai-chat": "deepseek",
  "openai-responses": "openai",
  gemini: "google",
};

const TIMEOUTS = { connect_ms: 300, first_byte_ms: 400, idle_ms: 400, total_ms: 60_000 };

function routerConfig(up: FakeUpstream, api: ApiKind, providerBase?: string): Partial<Config> {
  const primary = TEST_MODELS[PRIMARY[api]];
  const fallback = TEST_MODELS[api];
  const base = testConfig(up);
  const models = base.models.map((m) =>
    m.id === primary ? { ...m, input_price: 0.001, output_price: 0.001, cache_read_price: 0.0001 } : m,
  );
  const providers = { ...base.providers };
  if (providerBase) {
    const id = PROVIDER[PRIMARY[api]];
    providers[id] = {
      ...providers[id],
      base_url: id === "openai" || id === "deepseek" ? `${providerBase}/v1` : providerBase,
    };
  }
  return {
    models,
    providers,
    routing: { allow_models: [primary, fallback] },
    timeouts: TIMEOUTS,
    data_dir: base.data_dir,
  };
}

/** The matrix scripts one failure per request: the circuit breaker (tested below) must not kick in here. */
const startRouter = (up: FakeUpstream, over: Partial<Config>, failures = 1_000_000) =>
  startServer(testConfig(up, over), { env: TEST_KEYS, shared: { breaker: { failures, openMs: 60_000 } } });

/** Python starts slowly on a loaded machine: start the listener now, await it only in the connect-timeout tests. */
const blackholeP = startBlackhole();

export const results: Array<{ fault: string; api: ApiKind; ok: boolean }> = [];

// --- what a good answer looks like, per API ---------------------------------------------------------------

function assertCompleteStream(api: ApiKind, text: string): void {
  const evs = sseEvents(text);
  assert.ok(evs.length > 0, "stream has events");
  if (api === "anthropic-messages")
    assert.ok(
      evs.some((e) => e.event === "message_stop"),
      text.slice(-400),
    );
  else if (api === "openai-chat") assert.equal(evs.at(-1)!.data, "[DONE]", text.slice(-400));
  else if (api === "openai-responses")
    assert.ok(
      evs.some((e) => e.data?.type === "response.completed"),
      text.slice(-400),
    );
  else
    assert.ok(
      evs.some((e) => e.data?.candidates?.[0]?.finishReason),
      text.slice(-400),
    );
  assert.ok(!hasErrorEvent(api, text), "no error event in a good stream");
}

function hasErrorEvent(api: ApiKind, text: string): boolean {
  const evs = sseEvents(text);
  if (api === "anthropic-messages")
    return evs.some(
      (e) => e.event === "error" && e.data?.type === "error" && typeof e.data.error?.message === "string",
    );
  if (api === "openai-responses")
    return evs.some((e) => e.data?.type === "error" || e.data?.type === "response.failed");
  return evs.some((e) => typeof e.data?.error?.message === "string");
}

/** After the first byte: a 200 stream that ends with a well-formed error event and no success terminator. */
function assertErrorStream(api: ApiKind, text: string): void {
  assert.ok(hasErrorEvent(api, text), `error event expected:\n${text.slice(-600)}`);
  const evs = sseEvents(text);
  if (api === "anthropic-messages")
    assert.ok(!evs.some((e) => e.event === "message_stop"), "no message_stop after an error");
  if (api === "openai-responses") assert.ok(!evs.some((e) => e.data?.type === "response.completed"));
}

function assertGoodJson(api: ApiKind, text: string): void {
  const b = JSON.parse(text);
  if (api === "anthropic-messages") assert.equal(b.type, "message", text);
  else if (api === "openai-chat") assert.equal(b.object, "chat.completion", text);
  else if (api === "openai-responses") assert.equal(b.object, "response", text);
  else assert.ok(Array.isArray(b.candidates), text);
}

// --- faults --------------------------------------------------------------------------------------------------

const errBody = (status: number) =>
  JSON.stringify({ error: { message: `scripted ${status}`, type: "error", code: status } });

/** Faults the upstream shows before the first byte reaches the client: the router must fall back. */
function preFirstByte(format: ApiKind): Array<[string, Script]> {
  const half = (s: string) => s.slice(0, Math.floor(s.length / 2));
  const garbage =
    format === "anthropic-messages" ? "event: message_start\ndata: {not json at all\n\n" : "data: {not json at all\n\n";
  return [
    ["429 + Retry-After", { status: 429, headers: { "retry-after": "1" }, body: errBody(429) }],
    ["429 without Retry-After", { status: 429, body: errBody(429) }],
    ["500", { status: 500, body: errBody(500) }],
    ["502", { status: 502, body: "<html>bad gateway</html>" }],
    ["503", { status: 503, body: errBody(503) }],
    ["529", { status: 529, body: errBody(529) }],
    ["first-byte timeout", { delayMs: 2500 }],
    ["hang-up before headers", { hangUp: true }],
    ["drop before the first event", { dropAfterBytes: 0 }],
    [
      "malformed SSE / truncated JSON",
      { status: 200, headers: { "content-type": "text/event-stream" }, body: garbage },
    ],
    ["truncated JSON body", { status: 200, body: half(fixture(format, "text", "json")) }],
  ];
}

/** Faults after the first event: the client must get an error event in its format. */
function postFirstByte(format: ApiKind): Array<[string, Script]> {
  const sse = fixture(format, "text", "sse");
  const events = sse.split(/(?<=\n\n)/);
  const head = events.slice(0, 2).join("");
  const broken =
    format === "anthropic-messages" ? "event: content_block_delta\ndata: {broken json\n\n" : "data: {broken json\n\n";
  return [
    ["drop mid-stream", { dropAfterBytes: head.length }],
    ["idle timeout mid-stream", { eventDelayMs: 2500 }],
    [
      "malformed SSE mid-stream",
      { status: 200, headers: { "content-type": "text/event-stream" }, body: head + broken },
    ],
  ];
}

describe("fault matrix", { concurrency: true }, () => {
  after(async () => {
    (await blackholeP)?.stop();
    const survived = results.filter((r) => r.ok).length;
    console.log(
      `fault matrix: ${survived}/${results.length} cases survived (${new Set(results.map((r) => r.fault)).size} faults × ${APIS.length} APIs, stream and not)`,
    );
  });

  const record = async (fault: string, api: ApiKind, fn: () => Promise<void>) => {
    try {
      await fn();
      results.push({ fault, api, ok: true });
    } catch (e) {
      results.push({ fault, api, ok: false });
      throw e;
    }
  };

  // one fake upstream per inbound API (scripts are FIFO per upstream), so the four APIs run side by side
  for (const api of APIS)
    describe(api, { concurrency: 1 }, () => {
      let up: FakeUpstream;
      const routers = new Map<ApiKind, RunningServer>();
      const extra: RunningServer[] = [];
      before(async () => {
        up = await new FakeUpstream().start();
        routers.set(api, await startRouter(up, routerConfig(up, api)));
      });
      after(async () => {
        await Promise.all([...routers.values(), ...extra].map((r) => r.close(500)));
        await up.stop();
      });

      const primary = TEST_MODELS[PRIMARY[api]];
      const fallback = TEST_MODELS[api];

      test(`${api}: no fault → primary ${primary}, one attempt`, async () => {
        const r = await send(routers.get(api)!.url, api, { stream: true });
        assert.equal(r.status, 200, r.text);
        assert.equal(r.headers.get("x-coderouter-model"), primary);
        assertCompleteStream(api, r.text);
      });

      for (const stream of [true, false]) {
        for (const [fault, script] of preFirstByte(PRIMARY[api])) {
          if (!stream && fault.includes("SSE")) continue;
          if (stream && fault === "truncated JSON body") continue;
          if (!stream && fault === "drop before the first event") continue; // the fake upstream drops streams only
          const name = `${fault}${stream ? " (stream)" : ""}`;
          test(`${api}: ${name} → falls back to ${fallback} before the first byte`, () =>
            record(name, api, async () => {
              up.next(script);
              const r = await send(routers.get(api)!.url, api, { stream });
              assert.equal(r.status, 200, r.text);
              assert.equal(r.headers.get("x-coderouter-model"), fallback);
              const attempts = r.headers.get("x-coderouter-attempts") ?? "";
              assert.match(attempts, new RegExp(`^${primary}:\\d{3}, ${fallback}:200$`), attempts);
              if (stream) assertCompleteStream(api, r.text);
              else assertGoodJson(api, r.text);
            }));
        }
      }

      test(`${api}: every candidate fails → the last error, in the API's shape (not a 500)`, () =>
        record("all candidates fail", api, async () => {
          up.next({ status: 503, body: errBody(503) }, { status: 529, body: errBody(529) });
          const r = await send(routers.get(api)!.url, api);
          assert.equal(r.status, api === "gemini" ? 503 : 529, r.text);
          assertErrorShape(api, r.status, r.text);
          assert.match(r.headers.get("x-coderouter-attempts") ?? "", /:503, .*:529/);
        }));

      for (const [fault, script] of postFirstByte(PRIMARY[api])) {
        test(`${api}: ${fault} → a well-formed error event, the stream ends`, () =>
          record(fault, api, async () => {
            up.next(script);
            const t0 = Date.now();
            const r = await send(routers.get(api)!.url, api, { stream: true });
            assert.equal(r.status, 200);
            assert.equal(r.headers.get("x-coderouter-model"), primary);
            assertErrorStream(api, r.text);
            assert.ok(Date.now() - t0 < 2400, "no hang: the idle timeout ended it");
          }));
      }

      test(`${api}: connection refused on the first candidate → fallback`, () =>
        record("connection refused", api, async () => {
          const srv = await startRouter(up, routerConfig(up, api, `http://127.0.0.1:${await closedPort()}`));
          extra.push(srv);
          for (const stream of [true, false]) {
            const r = await send(srv.url, api, { stream });
            assert.equal(r.status, 200, r.text);
            assert.match(r.headers.get("x-coderouter-attempts") ?? "", new RegExp(`^${primary}:502, ${fallback}:200$`));
          }
        }));

      test(`${api}: connect timeout on the first candidate → fallback`, async (t) => {
        const blackhole = await blackholeP;
        if (!blackhole) return t.skip("python3 unavailable for the connect-timeout listener");
        await record("connect timeout", api, async () => {
          const srv = await startRouter(up, routerConfig(up, api, `http://127.0.0.1:${blackhole!.port}`));
          extra.push(srv);
          const t0 = Date.now();
          const r = await send(srv.url, api, { stream: true });
          assert.equal(r.status, 200, r.text);
          assert.match(r.headers.get("x-coderouter-attempts") ?? "", new RegExp(`^${primary}:504, ${fallback}:200$`));
          assert.ok(Date.now() - t0 < 2500);
          assertCompleteStream(api, r.text);
        });
      });

      test(`${api}: circuit breaker: after 3 failures the first candidate is skipped without a call`, () =>
        record("circuit open", api, async () => {
          const srv = await startRouter(up, routerConfig(up, api), 3);
          extra.push(srv);
          for (let i = 0; i < 3; i++) {
            up.next({ status: 503, body: errBody(503) });
            assert.equal((await send(srv.url, api)).status, 200);
          }
          const n = up.received.length;
          const r = await send(srv.url, api, { stream: true });
          assert.equal(r.status, 200);
          assert.equal(r.headers.get("x-coderouter-attempts"), `${fallback}:200`);
          assert.equal(up.received.length, n + 1, "one upstream call: the open provider was skipped");
          assertCompleteStream(api, r.text);
        }));

      test(`${api}: a slow client still gets the whole stream`, () =>
        record("slow client", api, async () => {
          up.next({ fixture: "tool-calls", eventDelayMs: 5 });
          const body = { ...bodyFor(api, true) } as Record<string, unknown>;
          const text = await slowRead(routers.get(api)!.url + pathFor(api, true), JSON.stringify(body), {
            "x-coderouter-model": primary,
          });
          assertCompleteStream(api, text);
        }));

      test(`${api}: the client aborting mid-stream aborts the upstream call and records the partial usage`, () =>
        record("client abort mid-stream", api, async () => {
          const srv = routers.get(api)!;
          const aborted = up.aborted;
          up.next({ fixture: "tool-calls", eventDelayMs: 150 });
          const id = await abortAfterFirstChunk(srv.url + pathFor(api, true), JSON.stringify(bodyFor(api, true)), {
            "x-coderouter-model": TEST_MODELS["anthropic-messages"],
          });
          await waitFor(() => up.aborted > aborted, "upstream request aborted");
          const row = await waitForRow(srv.url, id);
          assert.equal(row.status, 499);
          assert.ok(row.input_tokens > 0, `partial usage recorded: ${JSON.stringify(row)}`);
        }));
    });
});

// --- clients ------------------------------------------------------------------------------------------------

function slowRead(url: string, body: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: "POST", headers: { "content-type": "application/json", ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.pause();
        const tick = setInterval(() => {
          const c = res.read(64) ?? res.read();
          if (c) chunks.push(c);
        }, 5);
        res.on("end", () => {
          clearInterval(tick);
          resolve(Buffer.concat(chunks).toString("utf8"));
        });
        res.on("error", reject);
        res.on("readable", () => {}); // keeps 'end' reachable while reading in small bites
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

function abortAfterFirstChunk(url: string, body: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: "POST", headers: { "content-type": "application/json", ...headers } },
      (res) => {
        res.once("data", () => {
          req.destroy();
          resolve(String(res.headers["x-coderouter-request-id"]));
        });
      },
    );
    req.on("error", (e) => (req.destroyed ? undefined : reject(e)));
    req.end(body);
  });
}

async function waitFor(cond: () => boolean, what: string, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function waitForRow(base: string, id: string): Promise<any> {
  const end = Date.now() + 3000;
  for (;;) {
    const r = await fetch(`${base}/v1/requests/${id}`);
    if (r.status === 200) return r.json();
    if (Date.now() > end) throw new Error(`no ledger row for ${id}`);
    await new Promise((res) => setTimeout(res, 30));
  }
}
