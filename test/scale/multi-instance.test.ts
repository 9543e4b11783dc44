/**
 * Several CodeRouter processes sharing the real local PostgreSQL (ledger, one fresh schema per run) and Redis
 * (session pins, budgets, rate limits, provider health; one fresh key prefix per run), driven by a round-robin
 * client: stickiness holds across instances, a budget is overshot by at most one in-flight request, a rate limit
 * holds across instances, an open circuit on one instance is skipped by the others, and no ledger row is lost or
 * duplicated. In CI the services must be up (the test fails); locally it skips when they are not.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { after, before, describe, test } from "node:test";
import { Redis } from "ioredis";
import pg from "pg";
import { keyId } from "../../src/ledger/index.js";
import { windowsAt } from "../../src/scale/windows.js";
import { FakeUpstream } from "../helpers/fake-upstream.js";
import { TEST_MODELS, testConfig } from "../helpers/router.js";
import { urlWithSchema } from "../ledger/pg.js";
import { awayFromMinuteEdge, bodyFor, keyHeader, send } from "./requests.js";
import { dropPrefix, dropSchema, findPostgres, findRedis, redisUrlWithPrefix } from "./services.js";
import { type Instance, spawnInstance } from "./spawn.js";

const INSTANCES = 3;
const pgFound = await findPostgres();
const redisFound = await findRedis();
const skip = pgFound.url && redisFound.url ? false : [pgFound.reason, redisFound.reason].filter(Boolean).join("; ");

const OPEN_KEY = "cr-multi-open-000000001";
const BUDGET_KEY = "cr-multi-budget-0000002";
const RPM_KEY = "cr-multi-rpm-0000000003";
/** t-chat prices (0.28 / 0.42 per M) × the openai-chat text fixture's usage (23 in, 14 out). */
const ONE_REQUEST_USD = (23 * 0.28 + 14 * 0.42) / 1e6;
const BUDGET = 5.5 * ONE_REQUEST_USD;

describe("several instances on PostgreSQL + Redis", { skip }, () => {
  const schema = `cr_multi_${randomBytes(4).toString("hex")}`;
  const prefix = `crtest:${randomBytes(4).toString("hex")}:`;
  let up: FakeUpstream;
  let instances: Instance[] = [];
  let rr = 0;
  /** Every request sent, with the id the router reported. */
  const sent: string[] = [];
  const next = () => instances[rr++ % instances.length].url;

  before(async () => {
    const admin = new pg.Client({ connectionString: pgFound.url! });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.end();
    up = await new FakeUpstream().start();
    const config = {
      ...testConfig(up, {
        database_url: urlWithSchema(pgFound.url!, schema),
        redis_url: redisUrlWithPrefix(redisFound.url!, prefix),
        keys: [
          { key: OPEN_KEY, name: "open" },
          { key: BUDGET_KEY, name: "budget", budget_usd_per_day: BUDGET },
          { key: RPM_KEY, name: "rpm", rpm: 10 },
        ],
        routing: { allow_models: Object.values(TEST_MODELS) },
      }),
    };
    instances = await Promise.all(Array.from({ length: INSTANCES }, () => spawnInstance(config)));
  });

  after(async () => {
    for (const i of instances) if (i.child.exitCode === null) i.child.kill("SIGKILL");
    await up?.stop();
    if (pgFound.url) await dropSchema(pgFound.url, schema).catch(() => {});
    if (redisFound.url) await dropPrefix(redisFound.url, prefix).catch(() => {});
  });

  const call = async (
    api: Parameters<typeof send>[1],
    key: string,
    extra: Record<string, string> = {},
    body?: unknown,
  ) => {
    const r = await send(next(), api, { headers: { ...keyHeader(api, key), ...extra }, body });
    const id = r.headers.get("x-coderouter-request-id");
    assert.ok(id, "every answer names its request id");
    sent.push(id);
    return r;
  };

  test("session stickiness: the pin made on one instance holds on the others", async () => {
    const session = `sess-${randomBytes(4).toString("hex")}`;
    const models: string[] = [];
    for (let i = 0; i < 2 * INSTANCES; i++) {
      const r = await call("anthropic-messages", OPEN_KEY, { "x-claude-code-session-id": session });
      assert.equal(r.status, 200, r.text);
      models.push(r.headers.get("x-coderouter-model")!);
    }
    assert.equal(new Set(models).size, 1, `one model for the session across instances: ${models.join(", ")}`);
    // every instance sees the shared pin and its request count
    for (const inst of instances) {
      const res = await fetch(`${inst.url}/v1/route`, {
        method: "POST",
        headers: { "content-type": "application/json", ...keyHeader("anthropic-messages", OPEN_KEY) },
        body: JSON.stringify({
          api: "anthropic-messages",
          headers: { "x-claude-code-session-id": session },
          body: bodyFor("anthropic-messages", false),
        }),
      });
      const d = (await res.json()) as { decision: { model: string; session?: { previousModel?: string } } };
      assert.equal(d.decision.session?.previousModel, models[0]);
    }
    const r = new Redis(redisUrlWithPrefix(redisFound.url!, prefix));
    const state = JSON.parse((await r.get(`session:${session}`)) ?? "{}");
    assert.ok((await r.pttl(`session:${session}`)) > 0, "pins expire");
    r.disconnect();
    assert.equal(state.model, models[0]);
    assert.equal(state.requests, 2 * INSTANCES);
  });

  test("budget: shared across instances, overshot by at most one in-flight request", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await call("openai-chat", BUDGET_KEY, { "x-coderouter-model": TEST_MODELS["openai-chat"] });
      statuses.push(r.status);
    }
    const admitted = statuses.filter((s) => s === 200).length;
    const firstRefused = statuses.indexOf(429);
    assert.ok(firstRefused > 0, statuses.join(","));
    assert.ok(
      statuses.slice(firstRefused).every((s) => s === 429),
      `once exhausted, refused everywhere: ${statuses.join(",")}`,
    );
    // 5.5 requests' worth: six admitted (the sixth starts below the budget and overshoots it by half a request)
    assert.equal(admitted, Math.ceil(BUDGET / ONE_REQUEST_USD), statuses.join(","));
    const r = new Redis(redisUrlWithPrefix(redisFound.url!, prefix));
    const spend = Number(await r.get(`spend:${keyId(BUDGET_KEY)}:d:${windowsAt(Date.now()).day}`));
    r.disconnect();
    assert.ok(spend >= BUDGET && spend <= BUDGET + ONE_REQUEST_USD + 1e-12, `spend ${spend} vs budget ${BUDGET}`);
  });

  test("rate limit: 10 rpm holds across instances under 24 concurrent requests", async () => {
    await awayFromMinuteEdge();
    const rs = await Promise.all(
      Array.from({ length: 24 }, () =>
        call("openai-chat", RPM_KEY, { "x-coderouter-model": TEST_MODELS["openai-chat"] }),
      ),
    );
    assert.equal(rs.filter((r) => r.status === 200).length, 10);
    const refused = rs.filter((r) => r.status === 429);
    assert.equal(refused.length, 14);
    assert.ok(refused.every((r) => Number(r.headers.get("retry-after")) >= 1));
  });

  test("circuit breaker: failures seen by one instance open the provider for all, and it is skipped before any call", async () => {
    // 3 consecutive 503s from google (t-gemini), each on a different instance
    const pin = { "x-coderouter-model": TEST_MODELS.gemini };
    up.next({ status: 503, body: '{"error":{"code":503,"message":"down","status":"UNAVAILABLE"}}' });
    up.next({ status: 503, body: '{"error":{"code":503,"message":"down","status":"UNAVAILABLE"}}' });
    up.next({ status: 503, body: '{"error":{"code":503,"message":"down","status":"UNAVAILABLE"}}' });
    for (let i = 0; i < 3; i++) assert.equal((await call("gemini", OPEN_KEY, pin)).status, 503);
    const before = up.received.length;
    for (let i = 0; i < INSTANCES; i++) {
      const r = await call("gemini", OPEN_KEY, pin);
      assert.equal(r.status, 503);
      assert.match(r.text, /circuit open/);
    }
    assert.equal(up.received.length, before, "no upstream call while the circuit is open");
    // other providers are unaffected
    assert.equal(
      (await call("openai-chat", OPEN_KEY, { "x-coderouter-model": TEST_MODELS["openai-chat"] })).status,
      200,
    );
  });

  test("ledger: after a graceful stop, exactly one row per request sent, ids unique", async () => {
    await Promise.all(
      instances.map(async (i) => {
        i.child.kill("SIGTERM");
        await once(i.child, "exit");
      }),
    );
    const client = new pg.Client({ connectionString: pgFound.url! });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT id, key_id FROM "${schema}".requests`);
      assert.equal(rows.length, sent.length, `rows ${rows.length} vs requests ${sent.length}`);
      assert.equal(new Set(rows.map((r) => r.id)).size, rows.length, "ids unique");
      assert.deepEqual(new Set(rows.map((r) => r.id)), new Set(sent));
      assert.ok(rows.every((r) => r.key_id !== null));
    } finally {
      await client.end();
    }
  });
});
