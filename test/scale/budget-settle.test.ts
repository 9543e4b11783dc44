/**
 * A budget is charged when the answer is priced, before its last bytes leave: a client that sends its next request
 * as soon as it has the previous answer is checked against a budget that already includes that answer — even when
 * the upstream keeps its stream open after the final event (the request is only "finished" once it closes).
 */
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { FakeUpstream } from "../helpers/fake-upstream.js";
import { startRouter, TEST_MODELS } from "../helpers/router.js";
import { keyHeader, send, sseEvents } from "./requests.js";

const up = await new FakeUpstream().start();
after(() => up.stop());

const KEY = "cr-settle-test-00000001";
const pinned = { "x-coderouter-model": TEST_MODELS["openai-chat"] };

async function streamedCost(url: string): Promise<number> {
  const r = await send(url, "openai-chat", { stream: true, headers: { ...keyHeader("openai-chat", KEY), ...pinned } });
  assert.equal(r.status, 200, r.text);
  const trailer = sseEvents(r.text).find((e) => e.data?.coderouter)?.data.coderouter;
  assert.ok(trailer && trailer.cost_usd > 0, "the stream's final event carries its cost");
  return trailer.cost_usd;
}

test("sequential streamed requests never overshoot a budget, even when the upstream lingers", async () => {
  // one streamed answer's cost, measured on a router whose key has no budget
  const open = await startRouter(up, { keys: [{ key: KEY, name: "open" }] });
  const one = await streamedCost(open.url);
  await open.close();

  // budget for one and a half answers: the first two start below it, the third must be refused
  const router = await startRouter(up, { keys: [{ key: KEY, name: "budget", budget_usd_per_day: 1.5 * one }] });
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      // 150 ms after every event, the last included: the router's answer ends well before the upstream closes
      up.next({ eventDelayMs: 150 });
      const r = await send(router.url, "openai-chat", {
        stream: true,
        headers: { ...keyHeader("openai-chat", KEY), ...pinned },
      });
      statuses.push(r.status);
    }
    assert.deepEqual(statuses, [200, 200, 429]);
  } finally {
    await router.close();
  }
});
