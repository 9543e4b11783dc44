import assert from "node:assert/strict";
import { test } from "node:test";
import { Agent, request } from "undici";
import { FakeUpstream } from "../helpers/fake-upstream.js";
import { startRouter } from "../helpers/router.js";

test("a graceful stop lets an in-flight stream finish, then closes its keep-alive connection promptly", async () => {
  const up = await new FakeUpstream().start();
  const router = await startRouter(up);
  const agent = new Agent({ keepAliveTimeout: 60_000 });
  up.next({ eventDelayMs: 40 });
  const body = JSON.stringify({
    model: "x",
    max_tokens: 50,
    stream: true,
    messages: [{ role: "user", content: "hi" }],
  });
  const res = await request(`${router.url}/v1/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-coderouter-model": "t-anthropic" },
    body,
    dispatcher: agent,
  });
  const t0 = performance.now();
  const closing = router.close(10_000);
  const text = await res.body.text();
  assert.match(text, /message_stop/, "the in-flight stream completed");
  await closing;
  assert.ok(
    performance.now() - t0 < 5_000,
    `stopped in ${Math.round(performance.now() - t0)} ms, not after the grace period`,
  );
  await agent.close();
  await up.stop();
});
