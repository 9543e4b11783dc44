import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RouterError } from "../../../src/errors/index.js";
import type { IRRequest, IRStreamEvent } from "../../../src/ir/types.js";
import { anthropicMessages as A } from "../../../src/wire/anthropic-messages/index.js";
import { assemble, checkWellFormed, decodeAll, fixture, fixtureJson, parseSSE, TRAILER } from "./_helpers.js";

const FMT = "anthropic-messages";

describe("anthropic-messages decodeRequest", () => {
  it("decodes system, Claude Code role:system messages, blocks, tools and options", () => {
    const req = A.decodeRequest({
      model: "claude-opus-4-8",
      max_tokens: 32000,
      stream: true,
      system: [{ type: "text", text: "You are Claude Code.", cache_control: { type: "ephemeral", ttl: "1h" } }],
      messages: [
        { role: "user", content: "hi" },
        { role: "system", content: "Plan mode is active." },
        {
          role: "assistant",
          content: [
            { type: "thinking", thinking: "hmm", signature: "sig1" },
            { type: "redacted_thinking", data: "enc" },
            { type: "tool_use", id: "toolu_1", name: "Read", input: { path: "a.py" } },
          ],
        },
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: "toolu_1", content: [{ type: "text", text: "data" }], is_error: true },
            { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBOR" } },
            { type: "image", source: { type: "url", url: "https://x/y.png" } },
            { type: "document", source: { type: "base64", media_type: "application/pdf", data: "JVBER" }, title: "t" },
            { type: "text", text: "go", cache_control: { type: "ephemeral" } },
          ],
        },
      ],
      tools: [
        {
          name: "Read",
          description: "read",
          input_schema: { type: "object", properties: { path: { type: "string" } } },
          cache_control: { type: "ephemeral" },
        },
        { type: "web_search_20250305", name: "web_search" },
      ],
      tool_choice: { type: "any", disable_parallel_tool_use: true },
      thinking: { type: "enabled", budget_tokens: 2048 },
      metadata: { user_id: "u1" },
      stop_sequences: ["STOP"],
      temperature: 1,
    });
    assert.deepEqual(req.system, [
      { type: "text", text: "You are Claude Code.", cacheControl: { type: "ephemeral", ttl: "1h" } },
      { type: "text", text: "Plan mode is active." },
    ]);
    assert.equal(req.messages.length, 3);
    assert.deepEqual(req.messages[1].content, [
      { type: "reasoning", text: "hmm", family: "anthropic", signature: "sig1" },
      { type: "reasoning", text: "", family: "anthropic", encrypted: "enc" },
      { type: "tool_call", id: "toolu_1", name: "Read", arguments: '{"path":"a.py"}', kind: "function" },
    ]);
    assert.deepEqual(req.messages[2].content, [
      { type: "tool_result", callId: "toolu_1", content: [{ type: "text", text: "data" }], isError: true },
      { type: "image", mediaType: "image/png", data: "iVBOR" },
      { type: "image", url: "https://x/y.png" },
      { type: "document", mediaType: "application/pdf", data: "JVBER", title: "t" },
      { type: "text", text: "go", cacheControl: { type: "ephemeral" } },
    ]);
    assert.deepEqual(req.tools, [
      {
        name: "Read",
        kind: "function",
        description: "read",
        parameters: { type: "object", properties: { path: { type: "string" } } },
        cacheControl: { type: "ephemeral" },
      },
    ]);
    assert.match(req.warnings?.[0] ?? "", /web_search_20250305/);
    assert.deepEqual(req.toolChoice, { type: "required" });
    assert.equal(req.parallelToolCalls, false);
    assert.deepEqual(req.reasoning, { enabled: true, budgetTokens: 2048 });
    assert.equal(req.user, "u1");
    assert.deepEqual(req.stop, ["STOP"]);
    assert.equal(req.stream, true);
    assert.equal(req.maxTokens, 32000);
  });

  it("reads adaptive thinking with output_config effort and json_schema format", () => {
    const req = A.decodeRequest({
      model: "m",
      messages: [{ role: "user", content: "x" }],
      thinking: { type: "adaptive" },
      output_config: { effort: "high", format: { type: "json_schema", schema: { type: "object" } } },
    });
    assert.deepEqual(req.reasoning, { enabled: true, effort: "high" });
    assert.deepEqual(req.responseFormat, { type: "json_schema", schema: { type: "object" } });
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ["null body", null, /body: expected an object/],
    ["array body", [], /body: expected an object/],
    ["no messages", { model: "m" }, /messages: field required/],
    ["messages not array", { model: "m", messages: "hi" }, /messages: expected an array/],
    ["no model", { messages: [] }, /model: expected a string/],
    ["unknown role", { model: "m", messages: [{ role: "tool", content: "x" }] }, /messages\[0\]\.role/],
    ["message not object", { model: "m", messages: [42] }, /messages\[0\]: expected an object/],
    [
      "content number",
      { model: "m", messages: [{ role: "user", content: 5 }] },
      /messages\[0\]\.content: expected an array/,
    ],
    [
      "text not string",
      { model: "m", messages: [{ role: "user", content: [{ type: "text", text: 1 }] }] },
      /content\[0\]\.text/,
    ],
    [
      "tool_use without id",
      { model: "m", messages: [{ role: "assistant", content: [{ type: "tool_use", name: "x", input: {} }] }] },
      /\.id: expected a string/,
    ],
    [
      "bad image source",
      { model: "m", messages: [{ role: "user", content: [{ type: "image", source: { type: "file" } }] }] },
      /unsupported image source/,
    ],
    ["tools not array", { model: "m", messages: [], tools: {} }, /tools: expected an array/],
    ["bad tool_choice", { model: "m", messages: [], tool_choice: { type: "sometimes" } }, /tool_choice\.type/],
    ["bad thinking", { model: "m", messages: [], thinking: { type: "on" } }, /thinking\.type/],
    ["max_tokens string", { model: "m", messages: [], max_tokens: "10" }, /max_tokens: expected a number/],
    ["system number", { model: "m", messages: [], system: 3 }, /system: expected an array/],
  ];
  for (const [name, body, re] of bad) {
    it(`rejects ${name} with invalid_request`, () => {
      assert.throws(
        () => A.decodeRequest(body),
        (e: unknown) => RouterError.is(e) && e.kind === "invalid_request" && re.test(e.message),
      );
    });
  }
});

const baseReq = (over: Partial<IRRequest>): IRRequest => ({
  model: "x",
  system: [],
  messages: [],
  tools: [],
  stream: false,
  sourceApi: "openai-chat",
  ...over,
});

describe("anthropic-messages encodeRequest", () => {
  it("merges same-role turns, puts tool results first and defaults max_tokens", () => {
    const { body, warnings } = A.encodeRequest(
      baseReq({
        system: [{ type: "text", text: "sys" }],
        messages: [
          { role: "user", content: [{ type: "text", text: "a" }] },
          {
            role: "assistant",
            content: [
              { type: "reasoning", text: "r", family: "openai", encrypted: "gAAA" },
              { type: "tool_call", id: "c1", name: "f", arguments: '{"x":1}' },
            ],
          },
          {
            role: "user",
            content: [
              { type: "text", text: "note" },
              { type: "tool_result", callId: "c1", content: [{ type: "text", text: "ok" }] },
            ],
          },
          { role: "user", content: [{ type: "text", text: "more" }] },
        ],
        tools: [{ name: "f", kind: "function", parameters: { type: "object" } }],
        toolChoice: { type: "required" },
        parallelToolCalls: false,
        stream: true,
      }),
      "claude-sonnet-4-5",
    );
    assert.deepEqual(body, {
      model: "claude-sonnet-4-5",
      max_tokens: 32000,
      system: [{ type: "text", text: "sys" }],
      messages: [
        { role: "user", content: [{ type: "text", text: "a" }] },
        { role: "assistant", content: [{ type: "tool_use", id: "c1", name: "f", input: { x: 1 } }] },
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: "c1", content: [{ type: "text", text: "ok" }] },
            { type: "text", text: "note" },
            { type: "text", text: "more" },
          ],
        },
      ],
      tools: [{ name: "f", input_schema: { type: "object" } }],
      tool_choice: { type: "any", disable_parallel_tool_use: true },
      stream: true,
    });
    assert.ok(warnings.some((w) => /openai family dropped/.test(w)));
  });

  it("keeps Anthropic thinking with signature, drops cross-family, fits the budget under max_tokens", () => {
    const { body, warnings } = A.encodeRequest(
      baseReq({
        maxTokens: 4000,
        reasoning: { enabled: true, budgetTokens: 8000 },
        temperature: 0.2,
        messages: [
          { role: "user", content: [{ type: "text", text: "q" }] },
          {
            role: "assistant",
            content: [
              { type: "reasoning", text: "t", family: "anthropic", signature: "s" },
              { type: "tool_call", id: "t1", name: "f", arguments: "" },
            ],
          },
          { role: "user", content: [{ type: "tool_result", callId: "t1", content: [], isError: true }] },
        ],
      }),
      "claude-opus-4-8",
    );
    assert.deepEqual((body.messages as Array<{ content: unknown }>)[1].content, [
      { type: "thinking", thinking: "t", signature: "s" },
      { type: "tool_use", id: "t1", name: "f", input: {} },
    ]);
    assert.deepEqual((body.messages as Array<{ content: unknown }>)[2].content, [
      { type: "tool_result", tool_use_id: "t1", is_error: true },
    ]);
    assert.deepEqual(body.thinking, { type: "enabled", budget_tokens: 3999 });
    assert.equal(body.temperature, undefined);
    assert.ok(warnings.some((w) => /temperature dropped/.test(w)));
  });

  it("drops thinking when the last assistant tool call has no thinking block (cross-family history)", () => {
    const { body, warnings } = A.encodeRequest(
      baseReq({
        reasoning: { enabled: true, effort: "high" },
        messages: [
          { role: "user", content: [{ type: "text", text: "q" }] },
          { role: "assistant", content: [{ type: "tool_call", id: "c", name: "f", arguments: "{}" }] },
          { role: "user", content: [{ type: "tool_result", callId: "c", content: [{ type: "text", text: "r" }] }] },
        ],
      }),
      "claude-sonnet-4-5",
    );
    assert.equal(body.thinking, undefined);
    assert.ok(warnings.some((w) => /thinking dropped/.test(w)));
  });
});

describe("anthropic-messages responses", () => {
  it("decodes text.json and tool-calls.json (thinking + tool_use) and re-encodes them", () => {
    const text = A.decodeResponse(fixtureJson(FMT, "text.json"));
    assert.deepEqual(text.content, [{ type: "text", text: "Hello!" }]);
    assert.equal(text.stopReason, "end_turn");
    assert.deepEqual(text.usage, {
      inputTokens: 10,
      outputTokens: 5,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      reasoningTokens: 0,
    });
    const tool = A.decodeResponse(fixtureJson(FMT, "tool-calls.json"));
    assert.equal(tool.stopReason, "tool_use");
    assert.equal(tool.usage.reasoningTokens, 18);
    assert.equal(tool.content[0].type, "reasoning");
    assert.deepEqual(tool.content[1], {
      type: "tool_call",
      id: "toolu_017R7ACrx7NF7sLDDtvdQ1u9",
      name: "checkSandboxErrors",
      arguments: "{}",
      kind: "function",
    });
    const out = A.encodeResponse(tool, { model: "claude-x", trailer: TRAILER });
    assert.equal(out.stop_reason, "tool_use");
    assert.deepEqual(out.coderouter, TRAILER);
    assert.deepEqual(A.decodeResponse(out).content, tool.content);
  });

  it("maps cache usage both ways, including the 1h split", () => {
    const res = A.decodeResponse({
      id: "msg_1",
      content: [],
      stop_reason: "max_tokens",
      usage: {
        input_tokens: 3,
        cache_creation_input_tokens: 30,
        cache_read_input_tokens: 100,
        cache_creation: { ephemeral_5m_input_tokens: 10, ephemeral_1h_input_tokens: 20 },
        output_tokens: 7,
      },
    });
    assert.deepEqual(res.usage, {
      inputTokens: 3,
      outputTokens: 7,
      cacheReadTokens: 100,
      cacheWriteTokens: 10,
      cacheWrite1hTokens: 20,
      reasoningTokens: 0,
    });
    assert.equal(res.stopReason, "max_tokens");
    assert.deepEqual(A.encodeResponse(res, { model: "m" }).usage, {
      input_tokens: 3,
      cache_creation_input_tokens: 30,
      cache_read_input_tokens: 100,
      cache_creation: { ephemeral_5m_input_tokens: 10, ephemeral_1h_input_tokens: 20 },
      output_tokens: 7,
    });
  });
});

describe("anthropic-messages stream decode", () => {
  it("decodes text.sse (split into 7-byte chunks) into a well-formed IR stream", () => {
    const events = decodeAll(A.createStreamDecoder(), parseSSE(fixture(FMT, "text.sse"), 7));
    checkWellFormed(events);
    const { response } = assemble(events);
    assert.deepEqual(response.content, [
      {
        type: "text",
        text: "Hello! I'm doing well, thank you for asking. How are you doing today? Is there anything I can help you with?",
      },
    ]);
    assert.equal(response.stopReason, "end_turn");
    assert.equal(response.usage.inputTokens, 12);
    assert.equal(response.usage.outputTokens, 30);
  });

  it("decodes tool-calls.sse: text then tool_use with input_json_delta pieces", () => {
    const events = decodeAll(A.createStreamDecoder(), parseSSE(fixture(FMT, "tool-calls.sse")));
    checkWellFormed(events);
    const { response } = assemble(events);
    assert.deepEqual(response.content, [
      { type: "text", text: "I'll check the current weather in Paris for you." },
      {
        type: "tool_call",
        id: "toolu_01NRLabsLyVHZPKxbKvkfSMn",
        name: "get_weather",
        arguments: '{"location": "Paris"}',
        kind: "function",
      },
    ]);
    assert.equal(response.stopReason, "tool_use");
    assert.equal(response.usage.inputTokens, 377);
    assert.equal(response.usage.outputTokens, 65);
  });

  it("decodes thinking.sse with its signature", () => {
    const events = decodeAll(A.createStreamDecoder(), parseSSE(fixture(FMT, "thinking.sse")));
    checkWellFormed(events);
    const { response } = assemble(events);
    const r = response.content[0];
    assert.equal(r.type, "reasoning");
    assert.ok(
      r.type === "reasoning" &&
        r.text.startsWith("I'm working through the Euclidean") &&
        r.signature?.startsWith("EsECCokB"),
    );
    assert.equal(response.usage.reasoningTokens, 62);
    assert.equal(response.usage.outputTokens, 373);
  });

  it("turns a truncated stream and an error event into terminal error events", () => {
    const lines = parseSSE(fixture(FMT, "tool-calls.sse"));
    const cut = decodeAll(A.createStreamDecoder(), lines.slice(0, 9));
    assert.equal(cut.at(-1)?.type, "error");
    assert.ok(!cut.some((e) => e.type === "finish"));
    const err = decodeAll(A.createStreamDecoder(), [
      lines[0],
      { event: "error", data: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}' },
    ]);
    assert.deepEqual(err.at(-1), {
      type: "error",
      error: { status: 529, type: "overloaded_error", message: "Overloaded" },
    });
  });
});

describe("anthropic-messages stream encode", () => {
  const reencode = (events: IRStreamEvent[]) => {
    const enc = A.createStreamEncoder({ model: "client-model", trailer: () => TRAILER });
    return events.map((e) => enc.push(e)).join("") + enc.end();
  };

  for (const name of ["text.sse", "tool-calls.sse", "thinking.sse"]) {
    it(`round-trips ${name}: decode → encode → decode gives the same message`, () => {
      const first = decodeAll(A.createStreamDecoder(), parseSSE(fixture(FMT, name)));
      const sse = reencode(first);
      const second = decodeAll(A.createStreamDecoder(), parseSSE(sse));
      checkWellFormed(second);
      assert.deepEqual(assemble(second).response.content, assemble(first).response.content);
      assert.deepEqual(assemble(second).response.usage, assemble(first).response.usage);
      const names = parseSSE(sse).map((e) => e.event);
      assert.equal(names[0], "message_start");
      assert.deepEqual(names.slice(-2), ["message_delta", "message_stop"]);
      const delta = JSON.parse(parseSSE(sse).at(-2)?.data ?? "{}");
      assert.deepEqual(delta.coderouter, TRAILER);
      assert.equal(JSON.parse(parseSSE(sse)[0].data).message.model, "client-model");
    });
  }

  it("writes the documented event sequence byte for byte", () => {
    const enc = A.createStreamEncoder({ model: "m" });
    const s = [
      enc.push({ type: "message_start", id: "msg_1", model: "up", usage: { inputTokens: 5 } }),
      enc.push({ type: "block_start", index: 0, block: { type: "tool_call", id: "toolu_1", name: "f" } }),
      enc.push({ type: "block_delta", index: 0, delta: { type: "tool_args", partial: '{"a":' } }),
      enc.push({ type: "block_delta", index: 0, delta: { type: "tool_args", partial: "1}" } }),
      enc.push({ type: "block_stop", index: 0 }),
      enc.push({
        type: "finish",
        stopReason: "tool_use",
        usage: {
          inputTokens: 5,
          outputTokens: 9,
          cacheReadTokens: 0,
          cacheWriteTokens: 0,
          cacheWrite1hTokens: 0,
          reasoningTokens: 0,
        },
      }),
    ].join("");
    const u0 =
      '"usage":{"input_tokens":5,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":0},"output_tokens":0}';
    const u1 = u0.replace('"output_tokens":0', '"output_tokens":9');
    assert.equal(
      s,
      `event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"m","content":[],"stop_reason":null,"stop_sequence":null,${u0}}}\n\n` +
        'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_1","name":"f","input":{}}}\n\n' +
        'event: ping\ndata: {"type":"ping"}\n\n' +
        'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\\"a\\":"}}\n\n' +
        'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"1}"}}\n\n' +
        'event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\n' +
        `event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},${u1}}\n\n` +
        'event: message_stop\ndata: {"type":"message_stop"}\n\n',
    );
  });

  it("writes an error event for IR errors and for streams cut short", () => {
    const enc = A.createStreamEncoder({ model: "m" });
    enc.push({ type: "message_start", id: "x", model: "m" });
    assert.equal(
      enc.end(),
      'event: error\ndata: {"type":"error","error":{"type":"api_error","message":"upstream stream ended unexpectedly"}}\n\n',
    );
    const enc2 = A.createStreamEncoder({ model: "m" });
    assert.equal(
      enc2.push({ type: "error", error: { status: 429, type: "rate_limit_exceeded", message: "slow down" } }),
      'event: error\ndata: {"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}\n\n',
    );
  });
});

describe("anthropic-messages errors", () => {
  it("encodes RouterErrors as Anthropic error bodies and SSE events", () => {
    const cases: Array<[RouterError, number, string]> = [
      [new RouterError("invalid_request", "bad"), 400, "invalid_request_error"],
      [new RouterError("authentication", "no key ANTHROPIC_API_KEY"), 401, "authentication_error"],
      [new RouterError("permission", "no"), 403, "permission_error"],
      [new RouterError("not_found", "no"), 404, "not_found_error"],
      [new RouterError("request_too_large", "big"), 413, "request_too_large"],
      [new RouterError("rate_limit", "slow"), 429, "rate_limit_error"],
      [new RouterError("api_error", "oops"), 500, "api_error"],
      [new RouterError("overloaded", "busy"), 529, "overloaded_error"],
      [new RouterError("timeout", "late"), 504, "timeout_error"],
    ];
    for (const [err, status, type] of cases) {
      assert.deepEqual(A.encodeError(err), { status, body: { type: "error", error: { type, message: err.message } } });
    }
    assert.equal(
      A.encodeStreamError(new RouterError("overloaded", "busy")),
      'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"busy"}}\n\n',
    );
  });

  it("parses the recorded upstream error bodies", async () => {
    const { parseUpstreamError } = await import("../../../src/wire/anthropic-messages/index.js");
    const e = parseUpstreamError(529, fixture(FMT, "error-529.json"));
    assert.equal(e.kind, "overloaded");
    assert.equal(e.message, "Overloaded");
    assert.equal(e.isRetryable, true);
    assert.equal(parseUpstreamError(401, fixture(FMT, "error-401.json")).kind, "authentication");
  });
});
