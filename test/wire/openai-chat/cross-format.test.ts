/** Streams translated across formats through the IR: anthropic SSE ⇄ openai-chat SSE. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { IRStreamEvent } from "../../../src/ir/types.js";
import { anthropicMessages as A } from "../../../src/wire/anthropic-messages/index.js";
import { openaiChat as O } from "../../../src/wire/openai-chat/index.js";
import type { WireFormat } from "../../../src/wire/types.js";
import { assemble, checkWellFormed, decodeAll, fixture, parseSSE, TRAILER } from "../anthropic-messages/_helpers.js";

/** upstream SSE (format `from`) → IR → client SSE (format `to`) → IR again, as the router does. */
function translate(
  from: WireFormat,
  to: WireFormat,
  sse: string,
  chunk = 0,
): { text: string; events: IRStreamEvent[]; trailerUsage: unknown[] } {
  const dec = from.createStreamDecoder();
  const trailerUsage: unknown[] = [];
  const enc = to.createStreamEncoder({
    model: "client-model",
    trailer: (u) => {
      trailerUsage.push(u);
      return TRAILER;
    },
  });
  let text = "";
  for (const e of parseSSE(sse, chunk)) for (const ir of dec.push(e)) text += enc.push(ir);
  for (const ir of dec.end()) text += enc.push(ir);
  text += enc.end();
  return { text, events: decodeAll(to.createStreamDecoder(), parseSSE(text)), trailerUsage };
}

describe("cross-format streaming", () => {
  it("openai-chat parallel tool calls → anthropic SSE: arguments reassemble exactly, trailer in message_delta", () => {
    const direct = assemble(decodeAll(O.createStreamDecoder(), parseSSE(fixture("openai-chat", "tool-calls.sse"))));
    const { text, events, trailerUsage } = translate(O, A, fixture("openai-chat", "tool-calls.sse"), 11);
    checkWellFormed(events);
    const got = assemble(events).response;
    assert.deepEqual(got.content, direct.response.content);
    assert.deepEqual(
      got.content.map((c) => (c.type === "tool_call" ? JSON.parse(c.arguments) : null)),
      [{ location: "San Francisco, USA" }, { location: "Los Angeles, USA" }],
    );
    assert.equal(got.stopReason, "tool_use");
    const sse = parseSSE(text);
    const delta = JSON.parse(sse.find((e) => e.event === "message_delta")?.data ?? "{}");
    assert.equal(delta.delta.stop_reason, "tool_use");
    assert.deepEqual(delta.coderouter, TRAILER);
    assert.equal(trailerUsage.length, 1);
    assert.equal(sse.at(-1)?.event, "message_stop");
  });

  it("openai-chat text + usage → anthropic SSE: usage maps (prompt tokens minus cache)", () => {
    const withCache = fixture("openai-chat", "text.sse").replace(
      '"usage":{"prompt_tokens":71,"completion_tokens":10,"total_tokens":81}',
      '"usage":{"prompt_tokens":71,"completion_tokens":10,"total_tokens":81,"prompt_tokens_details":{"cached_tokens":64}}',
    );
    const { text, events } = translate(O, A, withCache);
    const res = assemble(events).response;
    assert.deepEqual(res.usage, {
      inputTokens: 7,
      outputTokens: 10,
      cacheReadTokens: 64,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      reasoningTokens: 0,
    });
    const delta = JSON.parse(parseSSE(text).find((e) => e.event === "message_delta")?.data ?? "{}");
    assert.equal(delta.usage.input_tokens, 7);
    assert.equal(delta.usage.cache_read_input_tokens, 64);
  });

  it("anthropic tool use → openai-chat SSE: tool call arguments reassemble, trailer in the last (usage) chunk", () => {
    const { text, events } = translate(A, O, fixture("anthropic-messages", "tool-calls.sse"), 3);
    checkWellFormed(events);
    const res = assemble(events).response;
    assert.deepEqual(res.content, [
      { type: "text", text: "I'll check the current weather in Paris for you." },
      {
        type: "tool_call",
        id: "toolu_01NRLabsLyVHZPKxbKvkfSMn",
        name: "get_weather",
        arguments: '{"location": "Paris"}',
        kind: "function",
      },
    ]);
    assert.equal(res.stopReason, "tool_use");
    assert.equal(res.usage.inputTokens, 377);
    assert.equal(res.usage.outputTokens, 65);
    const sse = parseSSE(text);
    assert.equal(sse.at(-1)?.data, "[DONE]");
    const last = JSON.parse(sse.at(-2)?.data ?? "{}");
    assert.deepEqual(last.coderouter, TRAILER);
    assert.equal(last.usage.prompt_tokens, 377);
  });

  it("anthropic thinking → openai-chat keeps the reasoning text as reasoning_content, drops the signature", () => {
    const { text, events } = translate(A, O, fixture("anthropic-messages", "thinking.sse"));
    const res = assemble(events).response;
    assert.equal(res.content[0].type, "reasoning");
    assert.equal(res.content[1].type, "text");
    assert.doesNotMatch(text, /EsECCokB/);
    assert.equal(res.usage.reasoningTokens, 62);
  });

  it("openai → anthropic → openai round trip keeps parallel tool calls identical", () => {
    const first = translate(O, A, fixture("openai-chat", "tool-calls.sse")).text;
    const { events } = translate(A, O, first);
    const direct = assemble(decodeAll(O.createStreamDecoder(), parseSSE(fixture("openai-chat", "tool-calls.sse"))));
    assert.deepEqual(assemble(events).response.content, direct.response.content);
  });

  it("a truncated upstream stream surfaces as an error event in the client's format, never as success", () => {
    const cut = fixture("openai-chat", "tool-calls.sse").split("\n\n").slice(0, 8).join("\n\n");
    const { text } = translate(O, A, `${cut}\n\n`);
    const sse = parseSSE(text);
    assert.equal(sse.at(-1)?.event, "error");
    assert.ok(!sse.some((e) => e.event === "message_stop"));
    const cutA = fixture("anthropic-messages", "tool-calls.sse").split("\n\n").slice(0, 10).join("\n\n");
    const toO = parseSSE(translate(A, O, `${cutA}\n\n`).text);
    assert.match(toO.at(-1)?.data ?? "", /^\{"error":/);
    assert.ok(!toO.some((e) => e.data === "[DONE]"));
  });
});
