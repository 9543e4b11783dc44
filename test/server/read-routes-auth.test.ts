import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { RunningServer } from "../../src/server/index.js";
import { FakeUpstream } from "../helpers/fake-upstream.js";
import { startRouter } from "../helpers/router.js";

const KEY = "crk-read-routes-test-0001";
let up: FakeUpstream;
let router: RunningServer;
before(async () => {
  up = await new FakeUpstream().start();
  router = await startRouter(up, { keys: [{ key: KEY }] });
});
after(async () => {
  await router.close();
  await up.stop();
});

test("with router keys, stats, sessions, models, metrics and dry runs need a key; the dashboard shell does not", async () => {
  for (const path of ["/v1/stats", "/v1/recent", "/v1/models", "/metrics", "/v1/sessions"]) {
    const anon = await fetch(router.url + path);
    assert.equal(anon.status, 401, `${path} without a key`);
    await anon.text();
    const ok = await fetch(router.url + path, { headers: { authorization: `Bearer ${KEY}` } });
    assert.equal(ok.status, 200, `${path} with the key`);
    await ok.text();
  }
  const dry = await fetch(`${router.url}/v1/route`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  assert.equal(dry.status, 401);
  await dry.text();
  const page = await fetch(router.url + "/", { headers: { accept: "text/html" } });
  assert.equal(page.status, 200);
  assert.match(await page.text(), /CodeRouter/);
  assert.equal((await fetch(`${router.url}/healthz`)).status, 200);
});
