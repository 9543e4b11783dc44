import assert from "node:assert/strict";
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { fetch } from "undici";
import type { Classification, ClassifyInput } from "../../src/classify/types.js";
import { type CallModel, createLlmFallback, lruCache, parsePhase } from "../../src/route/llm-fallback.js";

const input = (text: string): ClassifyInput => ({
  api: "openai-chat",
  headers: {},
  body: { model: "m", messages: [{ role: "user", content: text }] },
});
const local: Classification = {
  phase: "implement",
  confidence: 0.3,
  agent: "unknown",
  mode: null,
  kind: "main",
  complexity: "medium",
  signals: [],
  layer: "rules",
};

test("asks once per request hash and parses one phase word", async () => {
  let calls = 0;
  const callModel: CallModel = async ({ prompt, maxTokens }) => {
    calls++;
    assert.ok(prompt.includes("Why does this test fail?"));
    assert.ok(maxTokens <= 8);
    return " Debug.\n";
  };
  const fb = createLlmFallback({ callModel, model: "gpt-6-luna" });
  assert.deepEqual(await fb(input("Why does this test fail?"), local), { phase: "debug" });
  assert.deepEqual(await fb(input("Why does this test fail?"), local), { phase: "debug" });
  assert.equal(calls, 1, "second ask served from the cache");
  assert.equal(parsePhase("small edit"), "small_edit");
  assert.equal(parsePhase("I think it's tests"), null);
});

test("fails open: timeout, error and garbage give null", async () => {
  const slow: CallModel = ({ signal }) =>
    new Promise((resolve, reject) => {
      const t = setTimeout(() => resolve("plan"), 5_000);
      signal.addEventListener("abort", () => {
        clearTimeout(t);
        reject(signal.reason);
      });
    });
  const t0 = Date.now();
  assert.equal(await createLlmFallback({ callModel: slow, model: "x", timeoutMs: 50 })(input("a"), local), null);
  assert.ok(Date.now() - t0 < 1_000, "strict timeout");
  assert.equal(
    await createLlmFallback({ callModel: async () => Promise.reject(new Error("503")), model: "x" })(input("b"), local),
    null,
  );
  const cache = lruCache(10);
  assert.equal(
    await createLlmFallback({ callModel: async () => "banana", model: "x", cache })(input("c"), local),
    null,
  );
  assert.equal(
    await createLlmFallback({ callModel: async () => "plan", model: "x" })(
      { api: "openai-chat", headers: {}, body: {} },
      local,
    ),
    null,
  );
});

test("against a fake OpenAI chat upstream on loopback (undici fetch), with timeout", async () => {
  let delay = 0;
  const seen: any[] = [];
  const server = createServer(async (req, res) => {
    let raw = "";
    for await (const c of req) raw += c;
    seen.push({ url: req.url, auth: req.headers.authorization, body: JSON.parse(raw) });
    setTimeout(() => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id: "c1",
          object: "chat.completion",
          choices: [{ index: 0, message: { role: "assistant", content: "test" }, finish_reason: "stop" }],
          usage: { prompt_tokens: 40, completion_tokens: 1 },
        }),
      );
    }, delay);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  const callModel: CallModel = async ({ model, system, prompt, maxTokens, signal }) => {
    const r = await fetch(`${base}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer dummy" },
      body: JSON.stringify({
        model,
        max_tokens: maxTokens,
        messages: [
          { role: "system", content: system },
          { role: "user", content: prompt },
        ],
      }),
      signal,
    });
    const j: any = await r.json();
    return j.choices[0].message.content;
  };
  try {
    // generous timeout for the happy path (tests run concurrently); the default 300 ms one for the slow upstream
    const ok = createLlmFallback({ callModel, model: "gpt-6-luna", timeoutMs: 5_000 });
    assert.deepEqual(await ok(input("write pytest cases for parse_date"), local), { phase: "test" });
    const fb = createLlmFallback({ callModel, model: "gpt-6-luna" });
    assert.equal(seen[0].url, "/v1/chat/completions");
    assert.equal(seen[0].body.model, "gpt-6-luna");
    assert.match(seen[0].body.messages[0].content, /one word/);
    delay = 3_000;
    const t0 = Date.now();
    assert.equal(await fb(input("something else entirely"), local), null);
    assert.ok(Date.now() - t0 < 2_000, "gave up at the 300 ms timeout, long before the upstream answered");
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
