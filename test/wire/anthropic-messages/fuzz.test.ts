/** Garbage in never escapes as a TypeError: decoders throw RouterError(invalid_request) or succeed. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { RouterError } from "../../../src/errors/index.js";
import { anthropicMessages as A } from "../../../src/wire/anthropic-messages/index.js";
import { openaiChat as O } from "../../../src/wire/openai-chat/index.js";
import { parseSSE } from "./_helpers.js";

const roles = fc.constantFrom("user", "assistant", "system", "developer", "tool", "robot", 3, null);
const blockTypes = fc.constantFrom(
  "text",
  "image",
  "tool_use",
  "tool_result",
  "thinking",
  "redacted_thinking",
  "document",
  "image_url",
  "file",
  "weird",
  undefined,
);
const anyJson = fc.jsonValue({ maxDepth: 3 });
const block = fc.record(
  {
    type: blockTypes,
    text: anyJson,
    source: anyJson,
    id: anyJson,
    name: anyJson,
    input: anyJson,
    content: anyJson,
    tool_use_id: anyJson,
    image_url: anyJson,
    thinking: anyJson,
    signature: anyJson,
    data: anyJson,
  },
  { requiredKeys: ["type"] },
);
const message = fc.record(
  {
    role: roles,
    content: fc.oneof(fc.string(), fc.array(block, { maxLength: 4 }), anyJson),
    tool_calls: fc.oneof(
      anyJson,
      fc.array(fc.record({ id: anyJson, type: anyJson, function: anyJson, custom: anyJson }), { maxLength: 2 }),
    ),
    tool_call_id: anyJson,
  },
  { requiredKeys: ["role"] },
);
const body = fc.oneof(
  anyJson,
  fc.record(
    {
      model: fc.oneof(fc.string(), anyJson),
      messages: fc.oneof(fc.array(message, { maxLength: 5 }), anyJson),
      system: anyJson,
      tools: fc.oneof(fc.array(anyJson, { maxLength: 3 }), anyJson),
      tool_choice: anyJson,
      thinking: anyJson,
      max_tokens: anyJson,
      stream: anyJson,
      reasoning_effort: anyJson,
      response_format: anyJson,
      stop: anyJson,
    },
    { requiredKeys: [] },
  ),
);

const onlyRouterErrors = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    assert.ok(RouterError.is(e) && e.kind === "invalid_request", `unexpected ${String(e)}`);
  }
};

describe("decoders on random input", () => {
  it("anthropic-messages and openai-chat decodeRequest only ever throw invalid_request; decoded requests re-encode", () => {
    fc.assert(
      fc.property(body, (b) => {
        for (const w of [A, O]) {
          onlyRouterErrors(() => {
            const req = w.decodeRequest(b);
            A.encodeRequest(req, "claude-sonnet-4-5");
            O.encodeRequest(req, "gpt-5.5");
          });
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("stream decoders never throw on random event data and always end with one terminal event", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            anyJson.map((v) => JSON.stringify(v)),
          ),
          { maxLength: 8 },
        ),
        (datas) => {
          for (const w of [A, O]) {
            const dec = w.createStreamDecoder();
            const out = [...datas.flatMap((d) => dec.push({ data: d })), ...dec.end()];
            const terminals = out.filter((e) => e.type === "finish" || e.type === "error");
            assert.equal(terminals.length, 1);
            assert.equal(out.at(-1), terminals[0]);
            const enc = w.createStreamEncoder({ model: "m" });
            parseSSE(out.map((e) => enc.push(e)).join("") + enc.end());
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("decoders on random well-typed conversations", () => {
  const text = fc.record({ type: fc.constant("text"), text: fc.string({ minLength: 1 }) });
  const toolUse = fc.record({
    type: fc.constant("tool_use"),
    id: fc.string({ minLength: 1 }),
    name: fc.string({ minLength: 1 }),
    input: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })),
  });
  const toolResult = fc.record({
    type: fc.constant("tool_result"),
    tool_use_id: fc.string({ minLength: 1 }),
    content: fc.oneof(fc.string(), fc.array(text, { maxLength: 2 })),
  });
  const msg = fc.oneof(
    fc.record({
      role: fc.constant("user"),
      content: fc.oneof(fc.string(), fc.array(fc.oneof(text, toolResult), { minLength: 1, maxLength: 3 })),
    }),
    fc.record({
      role: fc.constant("assistant"),
      content: fc.array(fc.oneof(text, toolUse), { minLength: 1, maxLength: 3 }),
    }),
    fc.record({ role: fc.constant("system"), content: fc.string() }),
  );

  it("always decode, and Anthropic re-encoding alternates roles and keeps every tool input", () => {
    fc.assert(
      fc.property(fc.array(msg, { minLength: 1, maxLength: 6 }), (messages) => {
        messages.unshift({ role: "user", content: "start" });
        const req = A.decodeRequest({ model: "m", max_tokens: 10, messages });
        const { body } = A.encodeRequest(req, "claude-sonnet-4-5");
        const out = body.messages as Array<{ role: string; content: Array<Record<string, unknown>> }>;
        for (let i = 1; i < out.length; i++) assert.notEqual(out[i].role, out[i - 1].role);
        const inputs = (ms: Array<{ content: unknown }>) =>
          JSON.parse(
            JSON.stringify(
              ms
                .flatMap((m) => (Array.isArray(m.content) ? m.content : []))
                .filter((b) => b.type === "tool_use")
                .map((b) => b.input),
            ),
          );
        assert.deepEqual(inputs(out), inputs(messages));
        // And through OpenAI Chat and back, tool inputs survive.
        const viaOpenAI = O.decodeRequest(O.encodeRequest(req, "gpt-5.5").body);
        const back = A.encodeRequest(viaOpenAI, "claude-sonnet-4-5").body.messages as Array<{ content: unknown }>;
        assert.deepEqual(inputs(back), inputs(messages));
      }),
      { numRuns: 400 },
    );
  });
});
