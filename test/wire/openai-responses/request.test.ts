import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RouterError } from "../../../src/errors/index.js";
import type { IRRequest } from "../../../src/ir/types.js";
import { gemini } from "../../../src/wire/gemini/index.js";
import { decodeRequestWithWarnings, openaiResponses } from "../../../src/wire/openai-responses/index.js";
import { clientFixtures } from "./helpers.js";

describe("openai-responses request decode", () => {
  it("maps instructions, messages, tool calls/results, reasoning and options", () => {
    const { request, warnings } = decodeRequestWithWarnings({
      model: "gpt-5",
      instructions: "be brief",
      input: [
        { role: "developer", content: "dev rules" },
        {
          type: "message",
          role: "user",
          content: [
            { type: "input_text", text: "hi" },
            { type: "input_image", image_url: "data:image/png;base64,AAAA" },
          ],
        },
        {
          type: "reasoning",
          id: "rs_1",
          summary: [
            { type: "summary_text", text: "a" },
            { type: "summary_text", text: "b" },
          ],
          encrypted_content: "enc",
        },
        {
          type: "function_call",
          call_id: "call_1",
          name: "spawn_agent",
          namespace: "collaboration",
          arguments: '{"x":1}',
        },
        { type: "custom_tool_call", call_id: "call_2", name: "exec", input: "ls" },
        { type: "function_call_output", call_id: "call_1", output: "ok" },
        { type: "custom_tool_call_output", call_id: "call_2", output: [{ type: "input_text", text: "a.py" }] },
        { type: "web_search_call", id: "ws_1" },
      ],
      tools: [
        { type: "function", name: "f", description: "d", parameters: { type: "object" }, strict: true },
        { type: "custom", name: "exec", format: { type: "grammar", syntax: "lark", definition: "start: /.+/" } },
        { type: "web_search" },
      ],
      tool_choice: { type: "function", name: "f" },
      parallel_tool_calls: false,
      max_output_tokens: 100,
      reasoning: { effort: "high" },
      text: { format: { type: "json_schema", name: "out", schema: { type: "object" }, strict: true } },
      store: false,
      include: ["reasoning.encrypted_content"],
      prompt_cache_key: "k",
      stream: true,
    });
    const expected: IRRequest = {
      model: "gpt-5",
      system: [
        { type: "text", text: "be brief" },
        { type: "text", text: "dev rules" },
      ],
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "hi" },
            { type: "image", mediaType: "image/png", data: "AAAA" },
          ],
        },
        {
          role: "assistant",
          content: [
            { type: "reasoning", text: "a\n\nb", family: "openai", encrypted: "enc", id: "rs_1" },
            {
              type: "tool_call",
              id: "call_1",
              name: "spawn_agent",
              arguments: '{"x":1}',
              kind: "function",
              namespace: "collaboration",
            },
            { type: "tool_call", id: "call_2", name: "exec", arguments: "ls", kind: "custom" },
          ],
        },
        {
          role: "user",
          content: [
            {
              type: "tool_result",
              callId: "call_1",
              name: "spawn_agent",
              content: [{ type: "text", text: "ok" }],
              kind: "function",
            },
            {
              type: "tool_result",
              callId: "call_2",
              name: "exec",
              content: [{ type: "text", text: "a.py" }],
              kind: "custom",
            },
          ],
        },
      ],
      tools: [
        { kind: "function", name: "f", description: "d", parameters: { type: "object" }, strict: true },
        { kind: "custom", name: "exec", format: { type: "grammar", syntax: "lark", definition: "start: /.+/" } },
      ],
      toolChoice: { type: "tool", name: "f" },
      parallelToolCalls: false,
      maxTokens: 100,
      reasoning: { enabled: true, effort: "high" },
      responseFormat: { type: "json_schema", schema: { type: "object" }, name: "out", strict: true },
      promptCacheKey: "k",
      stream: true,
      sourceApi: "openai-responses",
    };
    assert.deepEqual(request, expected);
    assert.equal(warnings.length, 2);
    assert.match(warnings.join("\n"), /web_search/);
  });

  it("accepts a plain string input", () => {
    const r = openaiResponses.decodeRequest({ model: "m", input: "hello" });
    assert.deepEqual(r.messages, [{ role: "user", content: [{ type: "text", text: "hello" }] }]);
    assert.equal(r.stream, false);
  });

  for (const [name, body] of [
    ["non-object body", "nope"],
    ["missing model", { input: "x" }],
    ["missing input", { model: "m" }],
    ["input of wrong type", { model: "m", input: 5 }],
    ["input item not an object", { model: "m", input: [3] }],
    ["function_call without call_id", { model: "m", input: [{ type: "function_call", name: "f", arguments: "{}" }] }],
    ["bad role", { model: "m", input: [{ type: "message", role: "robot", content: "x" }] }],
    ["tools not an array", { model: "m", input: "x", tools: {} }],
    [
      "content part with non-string text",
      { model: "m", input: [{ role: "user", content: [{ type: "input_text", text: 1 }] }] },
    ],
  ] as const) {
    it(`rejects ${name} with RouterError(invalid_request)`, () => {
      assert.throws(
        () => openaiResponses.decodeRequest(body),
        (e: unknown) => RouterError.is(e) && e.kind === "invalid_request" && e.status === 400,
      );
    });
  }
});

describe("openai-responses request encode", () => {
  const base: IRRequest = {
    model: "x",
    system: [{ type: "text", text: "sys" }],
    messages: [],
    tools: [],
    stream: true,
    sourceApi: "anthropic-messages",
  };

  it("keeps OpenAI encrypted reasoning, drops other families with a warning, matches calls and results", () => {
    const { body, warnings } = openaiResponses.encodeRequest(
      {
        ...base,
        messages: [
          { role: "user", content: [{ type: "text", text: "q" }] },
          {
            role: "assistant",
            content: [
              { type: "reasoning", text: "think", family: "anthropic", signature: "sig" },
              { type: "reasoning", text: "sum", family: "openai", encrypted: "enc", id: "rs_9" },
              { type: "text", text: "calling" },
              { type: "tool_call", id: "toolu_1", name: "bash", arguments: '{"cmd":"ls"}' },
              { type: "tool_call", id: "call_c", name: "exec", arguments: "ls -la", kind: "custom" },
            ],
          },
          {
            role: "user",
            content: [
              { type: "tool_result", callId: "toolu_1", content: [{ type: "text", text: "a" }] },
              { type: "tool_result", callId: "call_c", content: [{ type: "text", text: "b" }], kind: "custom" },
            ],
          },
        ],
        tools: [
          { kind: "function", name: "bash", parameters: { type: "object" } },
          { kind: "custom", name: "exec", format: { type: "text" } },
          { kind: "function", name: "wait", namespace: "functions" },
        ],
      },
      "gpt-5",
    );
    assert.deepEqual(body.input, [
      { type: "message", role: "user", content: [{ type: "input_text", text: "q" }] },
      { type: "reasoning", id: "rs_9", summary: [{ type: "summary_text", text: "sum" }], encrypted_content: "enc" },
      { type: "message", role: "assistant", content: [{ type: "output_text", text: "calling", annotations: [] }] },
      { type: "function_call", call_id: "toolu_1", name: "bash", arguments: '{"cmd":"ls"}' },
      { type: "custom_tool_call", call_id: "call_c", name: "exec", input: "ls -la" },
      { type: "function_call_output", call_id: "toolu_1", output: "a" },
      { type: "custom_tool_call_output", call_id: "call_c", output: "b" },
    ]);
    assert.equal(body.instructions, "sys");
    assert.equal(body.store, false);
    assert.equal(body.stream, true);
    assert.deepEqual(body.include, ["reasoning.encrypted_content"]);
    assert.deepEqual(body.tools, [
      { type: "function", name: "bash", parameters: { type: "object" }, strict: false },
      { type: "custom", name: "exec", format: { type: "text" } },
      {
        type: "namespace",
        name: "functions",
        description: "",
        tools: [{ type: "function", name: "wait", parameters: { type: "object", properties: {} }, strict: false }],
      },
    ]);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /anthropic/);
  });
});

describe("client captures (openai-responses)", () => {
  const fixtures = clientFixtures("openai-responses");
  it("has captures to replay", () => assert.ok(fixtures.length >= 20));
  for (const f of fixtures) {
    it(`${f.name}: decodes, round-trips through Responses, encodes to Gemini`, () => {
      const ir = openaiResponses.decodeRequest(f.body);
      assert.ok(ir.messages.length > 0);
      assert.ok(ir.system.length > 0);
      const again = openaiResponses.decodeRequest(openaiResponses.encodeRequest(ir, ir.model).body);
      assert.deepEqual(again.messages, ir.messages);
      assert.deepEqual(again.tools, ir.tools);
      assert.deepEqual(again.system.map((s) => s.text).join("\n\n"), ir.system.map((s) => s.text).join("\n\n"));
      const g = gemini.encodeRequest(ir, "gemini-x");
      const back = gemini.decodeRequest(g.body, { pathModel: "gemini-x" });
      assert.equal(back.tools.length, ir.tools.length);
      assert.equal(
        back.messages.flatMap((m) => m.content).filter((p) => p.type === "tool_call").length,
        ir.messages.flatMap((m) => m.content).filter((p) => p.type === "tool_call").length,
      );
    });
  }
});
