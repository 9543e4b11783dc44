/**
 * Router keys through a real server: 401 without / with a wrong key and 429 for budgets and rate limits, each in
 * the caller's API shape; each API's own key carrier works; provider keys come from the server, never the client;
 * the ledger's key_id is the key's digest. Without keys the server refuses to bind beyond loopback.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { keyId } from "../../src/ledger/index.js";
import type { RunningServer } from "../../src/server/index.js";
import { startServer } from "../../src/server/index.js";
import { FakeUpstream } from "../helpers/fake-upstream.js";
import { startRouter, TEST_KEYS, TEST_MODELS, testConfig } from "../helpers/router.js";
import { APIS, assertErrorShape, awayFromMinuteEdge, keyHeader, send } from "./requests.js";

const OPEN_KEY = "cr-open-key-0000000001";
const BUDGET_KEY = "cr-budget-key-000000002";
const RPM_KEY = "cr-rpm-key-0000000003";

describe("router keys", () => {
  let up: FakeUpstream;
  let srv: RunningServer;
  const pin = { "x-coderouter-model": TEST_MODELS["openai-chat"] };
  before(async () => {
    up = await new FakeUpstream().start();
    srv = await startRouter(up, {
      keys: [
        { key: OPEN_KEY, name: "open" },
        { key: BUDGET_KEY, name: "budget", budget_usd_per_day: 0.000001 },
        { key: RPM_KEY, name: "rpm", rpm: 3 },
      ],
    });
  });
  after(async () => {
    await srv.close();
    await up.stop();
  });

  for (const api of APIS) {
    test(`${api}: missing key → 401, wrong key → 401, in the API's shape; its own carrier → 200`, async () => {
      const missing = await send(srv.url, api, { headers: pin });
      assert.equal(missing.status, 401);
      assert.match(assertErrorShape(api, 401, missing.text), /Missing router key/);
      const wrong = await send(srv.url, api, { headers: { ...pin, ...keyHeader(api, "cr-not-a-key-99999999") } });
      assert.equal(wrong.status, 401);
      assert.match(assertErrorShape(api, 401, wrong.text), /Invalid router key/);
      assert.ok(!wrong.text.includes("cr-not-a-key"), "the presented key is not echoed");
      const n = up.received.length;
      const ok = await send(srv.url, api, { headers: { ...pin, ...keyHeader(api, OPEN_KEY) } });
      assert.equal(ok.status, 200, ok.text);
      // upstream got the server's provider key, not the router key
      const got = up.received[n];
      assert.equal(got.headers.authorization, `Bearer ${TEST_KEYS.DEEPSEEK_API_KEY}`);
      assert.ok(!JSON.stringify(got.headers).includes(OPEN_KEY));
    });
  }

  test("?key= (Gemini style) and a Bearer on the Anthropic API are accepted too", async () => {
    const g = await send(srv.url, "gemini", { headers: pin, path: `/v1beta/models/x:generateContent?key=${OPEN_KEY}` });
    assert.equal(g.status, 200, g.text);
    const a = await send(srv.url, "anthropic-messages", { headers: { ...pin, authorization: `Bearer ${OPEN_KEY}` } });
    assert.equal(a.status, 200, a.text);
  });

  test("a client's own provider key is never forwarded when router keys are on", async () => {
    const n = up.received.length;
    const r = await send(srv.url, "anthropic-messages", {
      headers: {
        "x-coderouter-model": TEST_MODELS["anthropic-messages"],
        authorization: `Bearer ${OPEN_KEY}`,
        "x-api-key": "sk-ant-client-own-key-123456",
      },
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(up.received[n].headers["x-api-key"], TEST_KEYS.ANTHROPIC_API_KEY);
  });

  for (const api of APIS) {
    test(`${api}: exhausted budget → 429 in the API's shape with Retry-After`, async () => {
      // the first request may spend (budget not yet used), every later one is refused
      await send(srv.url, api, { headers: { ...pin, ...keyHeader(api, BUDGET_KEY) } });
      await new Promise((r) => setTimeout(r, 20));
      const r = await send(srv.url, api, { headers: { ...pin, ...keyHeader(api, BUDGET_KEY) } });
      assert.equal(r.status, 429, r.text);
      assert.match(assertErrorShape(api, 429, r.text), /daily budget/);
      assert.ok(Number(r.headers.get("retry-after")) > 0);
    });
  }

  test("rpm: the 4th request in a minute → 429 with Retry-After ≤ 60", async () => {
    await awayFromMinuteEdge();
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof send>> | undefined;
    for (let i = 0; i < 4; i++) {
      last = await send(srv.url, "openai-chat", { headers: { ...pin, ...keyHeader("openai-chat", RPM_KEY) } });
      statuses.push(last.status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    const ra = Number(last!.headers.get("retry-after"));
    assert.ok(ra >= 1 && ra <= 60, `retry-after ${ra}`);
    assert.match(assertErrorShape("openai-chat", 429, last!.text), /requests per minute/);
  });

  test("ledger rows carry the key's digest id, never the key", async () => {
    await new Promise((r) => setTimeout(r, 60));
    const ledger = await import("../../src/ledger/index.js");
    const l = await ledger.createLedger({ data_dir: srv.deps.config.data_dir }, { prune: false });
    try {
      const rows = await l.recent(100);
      const ids = new Set(rows.map((r) => r.key_id));
      assert.ok(ids.has(keyId(OPEN_KEY)) && ids.has(keyId(RPM_KEY)), [...ids].join(","));
      assert.ok(!JSON.stringify(rows).includes(OPEN_KEY));
    } finally {
      await l.close();
    }
  });
});

describe("bind", () => {
  test("without router keys a non-loopback bind is refused with a clear message; with keys it is allowed", async () => {
    const up = await new FakeUpstream().start();
    try {
      await assert.rejects(
        startServer(testConfig(up, { host: "0.0.0.0" }), { env: TEST_KEYS }),
        /refusing to bind 0\.0\.0\.0 without router keys.*keys:/s,
      );
      const s = await startServer(testConfig(up, { host: "0.0.0.0", keys: [{ key: OPEN_KEY }] }), { env: TEST_KEYS });
      assert.equal(s.host, "0.0.0.0");
      await s.close();
      const local = await startServer(testConfig(up), { env: TEST_KEYS });
      assert.equal(local.host, "127.0.0.1");
      await local.close();
    } finally {
      await up.stop();
    }
  });
});

describe("budgets survive a restart of a single instance (no Redis)", () => {
  test("the in-process store starts from the ledger's spend for the day", async () => {
    const up = await new FakeUpstream().start();
    const one = (23 * 0.28 + 14 * 0.42) / 1e6; // t-chat × the openai-chat text fixture
    const cfg = testConfig(up, { keys: [{ key: BUDGET_KEY, budget_usd_per_day: 1.5 * one }] });
    const pin = { "x-coderouter-model": TEST_MODELS["openai-chat"], ...keyHeader("openai-chat", BUDGET_KEY) };
    try {
      const a = await startServer(cfg, { env: TEST_KEYS });
      const first = [(await send(a.url, "openai-chat", { headers: pin })).status];
      await new Promise((r) => setTimeout(r, 20)); // spend is recorded as the request completes
      first.push((await send(a.url, "openai-chat", { headers: pin })).status);
      await new Promise((r) => setTimeout(r, 20));
      first.push((await send(a.url, "openai-chat", { headers: pin })).status);
      assert.deepEqual(first, [200, 200, 429]);
      await a.close();
      const b = await startServer(cfg, { env: TEST_KEYS });
      const r = await send(b.url, "openai-chat", { headers: pin });
      await b.close();
      assert.equal(r.status, 429, "the restarted instance remembers today's spend");
    } finally {
      await up.stop();
    }
  });
});
