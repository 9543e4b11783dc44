/** The official SDKs parse our encoded streams and bodies, served from a loopback node:http server. */
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { anthropicMessages as A } from "../../../src/wire/anthropic-messages/index.js";
import { openaiChat as O } from "../../../src/wire/openai-chat/index.js";
import type { WireFormat } from "../../../src/wire/types.js";
import { fixture, parseSSE, TRAILER } from "../anthropic-messages/_helpers.js";

/** Upstream fixture (format `from`) translated into the client's format `to`, as the router would stream it. */
function translated(from: WireFormat, to: WireFormat, sse: string): string {
  const dec = from.createStreamDecoder();
  const enc = to.createStreamEncoder({ model: "client-model", trailer: () => TRAILER });
  let out = "";
  for (const e of parseSSE(sse)) for (const ir of dec.push(e)) out += enc.push(ir);
  for (const ir of dec.end()) out += enc.push(ir);
  return out + enc.end();
}

/** What the fake serves next, keyed by a header the test sets per request. */
const ROUTES: Record<string, () => { type: string; body: string }> = {
  "oa-tools-to-anthropic": () => ({
    type: "text/event-stream",
    body: translated(O, A, fixture("openai-chat", "tool-calls.sse")),
  }),
  "anthropic-thinking": () => ({
    type: "text/event-stream",
    body: translated(A, A, fixture("anthropic-messages", "thinking.sse")),
  }),
  "anthropic-tools-to-oa": () => ({
    type: "text/event-stream",
    body: translated(A, O, fixture("anthropic-messages", "tool-calls.sse")),
  }),
  "oa-tools-to-oa": () => ({
    type: "text/event-stream",
    body: translated(O, O, fixture("openai-chat", "tool-calls.sse")),
  }),
  "anthropic-json-to-oa": () => ({
    type: "application/json",
    body: JSON.stringify(
      O.encodeResponse(A.decodeResponse(JSON.parse(fixture("anthropic-messages", "tool-calls.json"))), {
        model: "client-model",
        trailer: TRAILER,
      }),
    ),
  }),
  "oa-json-to-anthropic": () => ({
    type: "application/json",
    body: JSON.stringify(
      A.encodeResponse(O.decodeResponse(JSON.parse(fixture("openai-chat", "tool-calls.json"))), {
        model: "client-model",
        trailer: TRAILER,
      }),
    ),
  }),
};

let server: Server;
let base = "";

before(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const route = ROUTES[String(req.headers["x-test-route"])];
      if (!route) {
        res.writeHead(404).end();
        return;
      }
      const { type, body } = route();
      res.writeHead(200, { "content-type": type });
      res.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => new Promise<void>((r) => server.close(() => r())));

const anthropic = (route: string) =>
  new Anthropic({ apiKey: "test", baseURL: base, maxRetries: 0, defaultHeaders: { "x-test-route": route } });
const openai = (route: string) =>
  new OpenAI({ apiKey: "test", baseURL: `${base}/v1`, maxRetries: 0, defaultHeaders: { "x-test-route": route } });

describe("official SDKs read our output", () => {
  it("@anthropic-ai/sdk assembles parallel tool calls translated from an OpenAI stream", async () => {
    const stream = anthropic("oa-tools-to-anthropic").messages.stream({
      model: "client-model",
      max_tokens: 100,
      messages: [{ role: "user", content: "weather?" }],
    });
    const msg = await stream.finalMessage();
    assert.equal(msg.model, "client-model");
    assert.equal(msg.stop_reason, "tool_use");
    assert.deepEqual(
      msg.content.map((b) => (b.type === "tool_use" ? [b.id, b.name, b.input] : b.type)),
      [
        ["call_VeQ0JBvrjUPMx6FVQliYseD6", "get_weather", { location: "San Francisco, USA" }],
        ["call_vEJqxX6A5y5ITfKlklzI3ia9", "get_weather", { location: "Los Angeles, USA" }],
      ],
    );
  });

  it("@anthropic-ai/sdk keeps thinking text and signature through decode → encode", async () => {
    const msg = await anthropic("anthropic-thinking")
      .messages.stream({ model: "client-model", max_tokens: 100, messages: [{ role: "user", content: "gcd" }] })
      .finalMessage();
    const [thinking, text] = msg.content;
    assert.ok(
      thinking.type === "thinking" &&
        thinking.signature.startsWith("EsECCokB") &&
        thinking.thinking.includes("Euclidean"),
    );
    assert.ok(text.type === "text" && text.text.includes("= 21$$"));
    assert.equal(msg.usage.output_tokens, 373);
    assert.equal(msg.usage.input_tokens, 47);
  });

  it("@anthropic-ai/sdk reads a non-streamed body translated from OpenAI", async () => {
    const msg = await anthropic("oa-json-to-anthropic").messages.create({
      model: "client-model",
      max_tokens: 100,
      messages: [{ role: "user", content: "weather?" }],
    });
    assert.equal(msg.stop_reason, "tool_use");
    const tool = msg.content[0];
    assert.ok(tool.type === "tool_use" && tool.name === "get_weather");
    assert.deepEqual(tool.type === "tool_use" ? tool.input : null, { location: "Shanghai" });
    assert.equal(msg.usage.input_tokens, 91);
  });

  it("openai SDK assembles a tool call translated from an Anthropic stream, with usage", async () => {
    const stream = openai("anthropic-tools-to-oa").chat.completions.stream({
      model: "client-model",
      messages: [{ role: "user", content: "weather?" }],
      stream_options: { include_usage: true },
    });
    const done = await stream.finalChatCompletion();
    const choice = done.choices[0];
    assert.equal(choice.finish_reason, "tool_calls");
    assert.equal(choice.message.content, "I'll check the current weather in Paris for you.");
    const call = choice.message.tool_calls?.[0];
    assert.ok(call?.type === "function");
    assert.equal(call.id, "toolu_01NRLabsLyVHZPKxbKvkfSMn");
    assert.deepEqual(JSON.parse(call.function.arguments), { location: "Paris" });
    assert.equal(done.usage?.prompt_tokens, 377);
    assert.equal(done.usage?.completion_tokens, 65);
  });

  it("openai SDK reads a non-streamed body translated from Anthropic (thinking + tool_use)", async () => {
    const done = await openai("anthropic-json-to-oa").chat.completions.create({
      model: "client-model",
      messages: [{ role: "user", content: "check" }],
    });
    const choice = done.choices[0];
    assert.equal(choice.finish_reason, "tool_calls");
    const call = choice.message.tool_calls?.[0];
    assert.ok(
      call?.type === "function" && call.function.name === "checkSandboxErrors" && call.function.arguments === "{}",
    );
    assert.equal(done.usage?.prompt_tokens, 599);
    assert.equal(done.usage?.completion_tokens_details?.reasoning_tokens, 18);
  });

  it("openai SDK assembles parallel tool calls from our OpenAI re-encoding", async () => {
    const chunks = await openai("oa-tools-to-oa").chat.completions.create({
      model: "client-model",
      messages: [{ role: "user", content: "weather?" }],
      stream: true,
    });
    const args: string[] = [];
    let trailer: unknown;
    for await (const c of chunks) {
      for (const tc of c.choices[0]?.delta.tool_calls ?? [])
        args[tc.index] = (args[tc.index] ?? "") + (tc.function?.arguments ?? "");
      if ((c as unknown as { coderouter?: unknown }).coderouter)
        trailer = (c as unknown as { coderouter?: unknown }).coderouter;
    }
    assert.deepEqual(
      args.map((a) => JSON.parse(a)),
      [{ location: "San Francisco, USA" }, { location: "Los Angeles, USA" }],
    );
    assert.deepEqual(trailer, TRAILER);
  });
});
