/**
 * Layer 5 through the real server: below the confidence threshold the router asks the configured cheap model
 * (through the same provider layer, against the fake upstream), and fails open to the local answer on a timeout.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { RunningServer } from "../../src/server/index.js";
import { FakeUpstream } from "../helpers/fake-upstream.js";
import { startRouter } from "../helpers/router.js";

let up: FakeUpstream;
let router: RunningServer;
before(async () => {
  up = await new FakeUpstream().start();
  // threshold 1.01: every non-fingerprint decision asks the fallback model
  router = await startRouter(up, {
    routing: { llm_fallback: { enabled: true, model: "t-chat", threshold: 1.01, timeout_ms: 300 } },
  });
});
after(async () => {
  await router.close();
  await up.stop();
});

const chatAnswer = (text: string) =>
  JSON.stringify({
    id: "chatcmpl-1",
    object: "chat.completion",
    created: 1,
    model: "deepseek-chat",
    choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: text } }],
    usage: { prompt_tokens: 40, completion_tokens: 1, total_tokens: 41 },
  });

const ask = (text: string) =>
  fetch(`${router.url}/v1/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-coderouter-model": "t-anthropic" },
    body: JSON.stringify({ model: "claude-opus-4-8", max_tokens: 64, messages: [{ role: "user", content: text }] }),
  });

test("a low-confidence request is classified by the fallback model", async () => {
  const before = up.received.length;
  up.next({ status: 200, body: chatAnswer("test") });
  const res = await ask("hmm, have a look at the parser thing again please");
  assert.equal(res.status, 200);
  await res.text();
  const calls = up.received.slice(before);
  assert.equal(calls.length, 2, "one fallback call, then the routed call");
  assert.equal(calls[0].format, "openai-chat");
  assert.equal(calls[0].body.model, "deepseek-chat", "the fallback went to the configured model");
  assert.match(JSON.stringify(calls[0].body.messages), /parser thing/);
  assert.equal(res.headers.get("x-coderouter-phase"), "test");
  const rec = await (await fetch(`${router.url}/v1/requests/${res.headers.get("x-coderouter-request-id")}`)).json();
  assert.equal((rec as any).layer, "llm");
});

test("a slow fallback model times out and the local answer stands", async () => {
  up.next({ delayMs: 1500, status: 200, body: chatAnswer("plan") });
  const t0 = performance.now();
  const res = await ask("write a docstring for the retry helper please, something short");
  assert.equal(res.status, 200);
  await res.text();
  assert.ok(performance.now() - t0 < 1400, "did not wait for the slow fallback");
  assert.notEqual(res.headers.get("x-coderouter-phase"), "plan");
});
