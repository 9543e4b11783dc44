/**
 * Provider keys and router keys never leave the router: after a run with successful calls, missing and wrong
 * router keys, upstream 401s that echo the key they were given (before and inside a stream), upstream 5xx and a
 * client bringing its own key, we grep every log line (the real pino logger at debug level, in a child process),
 * every response header and body, and every ledger row for each secret.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import Database from "better-sqlite3";
import type { ApiKind } from "../../src/ir/types.js";
import { FakeUpstream } from "../helpers/fake-upstream.js";
import { TEST_KEYS, TEST_MODELS, testConfig } from "../helpers/router.js";
import { APIS, keyHeader, send } from "../scale/requests.js";
import { type Instance, spawnInstance } from "../scale/spawn.js";

const ROUTER_KEY = "cr-router-SECRET-key-777777";
const WRONG_KEY = "cr-typo-SECRET-key-888888";
const CLIENT_OWN_KEY = "sk-ant-client-SECRET-own-999999999";
const SECRETS = [...Object.values(TEST_KEYS), ROUTER_KEY, WRONG_KEY, CLIENT_OWN_KEY];

/** Upstream 401 bodies the way providers write them: the key they got, quoted back. */
const echo401 = (format: ApiKind, key: string) => {
  const msg = `Incorrect API key provided: ${key}. You can find your API key at https://example.invalid.`;
  if (format === "gemini")
    return JSON.stringify({ error: { code: 401, message: `API key not valid: ${key}`, status: "UNAUTHENTICATED" } });
  if (format === "anthropic-messages")
    return JSON.stringify({ type: "error", error: { type: "authentication_error", message: msg } });
  return JSON.stringify({ error: { message: msg, type: "invalid_request_error", code: "invalid_api_key" } });
};

const PROVIDER_KEY: Record<ApiKind, string> = {
  "anthropic-messages": TEST_KEYS.ANTHROPIC_API_KEY,
  "openai-chat": TEST_KEYS.DEEPSEEK_API_KEY,
  "openai-responses": TEST_KEYS.OPENAI_API_KEY,
  gemini: TEST_KEYS.GEMINI_API_KEY,
};

describe("secrets never leak", () => {
  let up: FakeUpstream;
  let keyed: Instance;
  let open: Instance;
  const dataDirs: string[] = [];
  /** Everything a client saw: status lines, headers, bodies. */
  const seen: string[] = [];

  before(async () => {
    up = await new FakeUpstream().start();
    const a = testConfig(up, { keys: [{ key: ROUTER_KEY, name: "team" }], log_level: "debug" });
    // the second router has no router keys and forwards a client's own Anthropic key
    const b = testConfig(up, { log_level: "debug" });
    b.providers.anthropic = { ...b.providers.anthropic, api_key_env: "NOT_SET_ANYWHERE", passthrough_client_key: true };
    dataDirs.push(a.data_dir, b.data_dir);
    const env = { ...TEST_KEYS, CR_CHILD_BREAKER_FAILURES: "1000000" };
    [keyed, open] = await Promise.all([spawnInstance(a, env), spawnInstance(b, env)]);
  });
  after(async () => {
    await keyed?.stop();
    await open?.stop();
    await up.stop();
  });

  const keep = (r: Awaited<ReturnType<typeof send>>) => {
    seen.push(String(r.status), JSON.stringify([...r.headers.entries()]), r.text);
    return r;
  };

  test("a run full of key-related failures", async () => {
    for (const api of APIS) {
      const pinned = (format: ApiKind) => ({ "x-coderouter-model": TEST_MODELS[format] });
      const auth = keyHeader(api, ROUTER_KEY);
      for (const stream of [false, true]) {
        assert.equal(keep(await send(keyed.url, api, { stream, headers: { ...auth, ...pinned(api) } })).status, 200);
        assert.equal(keep(await send(keyed.url, api, { stream, headers: pinned(api) })).status, 401);
        assert.equal(
          keep(await send(keyed.url, api, { stream, headers: { ...keyHeader(api, WRONG_KEY), ...pinned(api) } }))
            .status,
          401,
        );
        // upstream rejects the provider key and quotes it back, on every upstream format
        for (const format of APIS) {
          up.next({ status: 401, body: echo401(format, PROVIDER_KEY[format]) });
          const r = keep(await send(keyed.url, api, { stream, headers: { ...auth, ...pinned(format) } }));
          assert.equal(r.status, 401, r.text);
        }
        // an upstream 500 that prints the Authorization header it got
        up.next({
          status: 500,
          body: JSON.stringify({ error: { message: `debug: authorization=Bearer ${TEST_KEYS.DEEPSEEK_API_KEY}` } }),
        });
        keep(await send(keyed.url, api, { stream, headers: { ...auth, ...pinned("openai-chat") } }));
      }
      // a stream that starts fine, then carries an error event quoting the key
      keep(
        await send(keyed.url, api, {
          path: api === "gemini" ? `/v1beta/models/x:streamGenerateContent?alt=sse&key=${ROUTER_KEY}` : undefined,
          stream: true,
          headers: { ...(api === "gemini" ? {} : auth), ...pinned("anthropic-messages") },
        }),
      );
    }
    // the client's own key, passed through by the open router, rejected upstream and echoed
    up.next({ status: 401, body: echo401("anthropic-messages", CLIENT_OWN_KEY) });
    const own = keep(
      await send(open.url, "anthropic-messages", {
        headers: { "x-api-key": CLIENT_OWN_KEY, ...{ "x-coderouter-model": TEST_MODELS["anthropic-messages"] } },
      }),
    );
    assert.equal(own.status, 401, own.text);
    assert.equal(
      up.received.at(-1)!.headers["x-api-key"],
      CLIENT_OWN_KEY,
      "the open router did forward the client's key upstream",
    );
    // sanity: the upstream really saw the provider keys (so a leak would have had something to leak)
    assert.ok(up.received.some((r) => r.headers.authorization === `Bearer ${TEST_KEYS.DEEPSEEK_API_KEY}`));
  });

  test("no secret in responses, logs or ledger rows", async () => {
    await keyed.stop();
    await open.stop();
    const logs = [...keyed.output, ...open.output].join("\n");
    const rows = dataDirs.flatMap((dir) => {
      const db = new Database(join(dir, "ledger.db"), { readonly: true });
      try {
        return db.prepare("SELECT * FROM requests").all() as Array<Record<string, unknown>>;
      } finally {
        db.close();
      }
    });
    assert.ok(rows.length >= 60, `ledger rows: ${rows.length}`);
    assert.ok(
      rows.some((r) => String(r.error ?? "").includes("Incorrect API key provided")),
      "the upstream's message is kept, minus the key",
    );
    const ledger = JSON.stringify(rows);
    const responses = seen.join("\n");
    for (const s of SECRETS) {
      for (const [where, text] of [
        ["responses", responses],
        ["logs", logs],
        ["ledger", ledger],
      ] as const) {
        const at = text.indexOf(s);
        assert.equal(at, -1, `${s} leaked into ${where}: …${text.slice(Math.max(0, at - 120), at + 40)}…`);
      }
    }
  });
});
