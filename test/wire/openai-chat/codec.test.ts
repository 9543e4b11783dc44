import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RouterError } from "../../../src/errors/index.js";
import type { IRRequest, IRStreamEvent } from "../../../src/ir/types.js";
import { openaiChat as O, parseUpstreamError } from "../../../src/wire/openai-chat/index.js";
import {
  assemble,
  checkWellFormed,
  decodeAll,
  fixture,
  fixtureJson,
  parseSSE,
  TRAILER,
} from "../anthropic-messages/_helpers.js";

const FMT = "openai-chat";

describe("openai-chat decodeRequest", () => {
  it("decodes system/developer, parts, tool calls, tool results, custom tools and options", () => {
    const req = O.decodeRequest({
      model: "gpt-5",
      stream: true,
      stream_options: { include_usage: true },
      messages: [
        { role: "system", content: "sys" },
        { role: "developer", content: [{ type: "text", text: "dev" }] },
        {
          role: "user",
          content: [
            { type: "text", text: "look" },
            { type: "image_url", image_url: { url: "data:image/png;base64,iVBOR" } },
            { type: "image_url", image_url: { url: "https://x/i.png" } },
          ],
        },
        {
          role: "assistant",
          content: null,
          tool_calls: [
            { id: "call_1", type: "function", function: { name: "bash", arguments: '{"cmd":"ls"}' } },
            { id: "call_2", type: "custom", custom: { name: "apply_patch", input: "*** Begin Patch" } },
          ],
        },
        { role: "tool", tool_call_id: "call_1", content: "a.py" },
        { role: "tool", tool_call_id: "call_2", content: [{ type: "text", text: "done" }] },
        { role: "user", content: "next" },
      ],
      tools: [
        {
          type: "function",
          function: { name: "bash", description: "run", parameters: { type: "object" }, strict: true },
        },
        { type: "custom", custom: { name: "apply_patch", description: "patch", format: { type: "grammar" } } },
        { type: "web_search_preview" },
      ],
      tool_choice: { type: "function", function: { name: "bash" } },
      parallel_tool_calls: true,
      max_completion_tokens: 500,
      reasoning_effort: "low",
      response_format: { type: "json_schema", json_schema: { name: "r", schema: { type: "object" }, strict: true } },
      user: "u",
      prompt_cache_key: "k",
      stop: "END",
    });
    assert.deepEqual(req.system, [
      { type: "text", text: "sys" },
      { type: "text", text: "dev" },
    ]);
    assert.deepEqual(req.messages, [
      {
        role: "user",
        content: [
          { type: "text", text: "look" },
          { type: "image", mediaType: "image/png", data: "iVBOR" },
          { type: "image", url: "https://x/i.png" },
        ],
      },
      {
        role: "assistant",
        content: [
          { type: "tool_call", id: "call_1", name: "bash", arguments: '{"cmd":"ls"}', kind: "function" },
          { type: "tool_call", id: "call_2", name: "apply_patch", arguments: "*** Begin Patch", kind: "custom" },
        ],
      },
      {
        role: "user",
        content: [
          { type: "tool_result", callId: "call_1", content: [{ type: "text", text: "a.py" }] },
          { type: "tool_result", callId: "call_2", content: [{ type: "text", text: "done" }] },
          { type: "text", text: "next" },
        ],
      },
    ]);
    assert.deepEqual(req.tools, [
      { name: "bash", kind: "function", parameters: { type: "object" }, description: "run", strict: true },
      { name: "apply_patch", kind: "custom", description: "patch", format: { type: "grammar" } },
    ]);
    assert.match(req.warnings?.[0] ?? "", /web_search_preview/);
    assert.deepEqual(req.toolChoice, { type: "tool", name: "bash" });
    assert.equal(req.parallelToolCalls, true);
    assert.equal(req.maxTokens, 500);
    assert.deepEqual(req.reasoning, { enabled: true, effort: "low" });
    assert.deepEqual(req.responseFormat, { type: "json_schema", schema: { type: "object" }, name: "r", strict: true });
    assert.equal(req.user, "u");
    assert.equal(req.promptCacheKey, "k");
    assert.deepEqual(req.stop, ["END"]);
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ["string body", "hi", /body: expected an object/],
    ["no messages", { model: "m" }, /messages: field required/],
    ["empty messages", { model: "m", messages: [] }, /at least one message/],
    ["unknown role", { model: "m", messages: [{ role: "robot", content: "x" }] }, /messages\[0\]\.role/],
    ["tool without id", { model: "m", messages: [{ role: "tool", content: "x" }] }, /tool_call_id: expected a string/],
    [
      "bad part",
      { model: "m", messages: [{ role: "user", content: [{ type: "video" }] }] },
      /unsupported content part/,
    ],
    [
      "tool_calls not array",
      { model: "m", messages: [{ role: "assistant", tool_calls: {} }] },
      /tool_calls: expected an array/,
    ],
    [
      "tool function missing",
      { model: "m", messages: [{ role: "user", content: "x" }], tools: [{ type: "function" }] },
      /tools\[0\]\.function: expected an object/,
    ],
    [
      "bad tool_choice",
      { model: "m", messages: [{ role: "user", content: "x" }], tool_choice: "sometimes" },
      /tool_choice/,
    ],
    [
      "bad effort",
      { model: "m", messages: [{ role: "user", content: "x" }], reasoning_effort: "max" },
      /reasoning_effort/,
    ],
    [
      "temperature string",
      { model: "m", messages: [{ role: "user", content: "x" }], temperature: "hot" },
      /temperature: expected a number/,
    ],
    [
      "system image",
      { model: "m", messages: [{ role: "system", content: [{ type: "image_url", image_url: { url: "x" } }] }] },
      /only text/,
    ],
  ];
  for (const [name, body, re] of bad) {
    it(`rejects ${name} with invalid_request`, () => {
      assert.throws(
        () => O.decodeRequest(body),
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
  sourceApi: "anthropic-messages",
  ...over,
});

describe("openai-chat encodeRequest", () => {
  it("writes tool results as role:tool messages, drops reasoning with a warning, asks for usage when streaming", () => {
    const { body, warnings } = O.encodeRequest(
      baseReq({
        system: [
          { type: "text", text: "a", cacheControl: { type: "ephemeral" } },
          { type: "text", text: "b" },
        ],
        messages: [
          { role: "user", content: [{ type: "text", text: "q" }] },
          {
            role: "assistant",
            content: [
              { type: "reasoning", text: "think", family: "anthropic", signature: "sig" },
              { type: "text", text: "Let me look." },
              { type: "tool_call", id: "toolu_1", name: "Read", arguments: '{"p":1}' },
              { type: "tool_call", id: "toolu_2", name: "Bash", arguments: "" },
            ],
          },
          {
            role: "user",
            content: [
              { type: "tool_result", callId: "toolu_1", content: [{ type: "text", text: "x" }] },
              { type: "tool_result", callId: "toolu_2", content: [{ type: "text", text: "boom" }], isError: true },
              { type: "text", text: "and?" },
              { type: "image", mediaType: "image/jpeg", data: "/9j" },
            ],
          },
        ],
        tools: [{ name: "Read", kind: "function", description: "r", parameters: { type: "object" } }],
        toolChoice: { type: "required" },
        maxTokens: 1000,
        temperature: 0.5,
        topK: 5,
        stream: true,
        user: "u",
      }),
      "deepseek-chat",
    );
    assert.deepEqual(body, {
      model: "deepseek-chat",
      messages: [
        { role: "system", content: "a\n\nb" },
        { role: "user", content: "q" },
        {
          role: "assistant",
          content: "Let me look.",
          tool_calls: [
            { id: "toolu_1", type: "function", function: { name: "Read", arguments: '{"p":1}' } },
            { id: "toolu_2", type: "function", function: { name: "Bash", arguments: "{}" } },
          ],
        },
        { role: "tool", tool_call_id: "toolu_1", content: "x" },
        { role: "tool", tool_call_id: "toolu_2", content: "[tool error] boom" },
        {
          role: "user",
          content: [
            { type: "text", text: "and?" },
            { type: "image_url", image_url: { url: "data:image/jpeg;base64,/9j" } },
          ],
        },
      ],
      max_tokens: 1000,
      temperature: 0.5,
      tools: [{ type: "function", function: { name: "Read", description: "r", parameters: { type: "object" } } }],
      tool_choice: "required",
      user: "u",
      stream: true,
      stream_options: { include_usage: true },
    });
    assert.ok(warnings.some((w) => /reasoning blocks dropped/.test(w)));
    assert.ok(warnings.some((w) => /top_k/.test(w)));
  });

  it("uses max_completion_tokens and reasoning_effort for OpenAI reasoning models", () => {
    const { body } = O.encodeRequest(
      baseReq({ maxTokens: 64000, reasoning: { enabled: true, budgetTokens: 31999 }, temperature: 0.3 }),
      "gpt-5.5",
    );
    assert.equal(body.max_completion_tokens, 64000);
    assert.equal(body.max_tokens, undefined);
    assert.equal(body.reasoning_effort, "high");
    assert.equal(body.temperature, undefined);
  });
});

describe("openai-chat responses", () => {
  it("decodes text.json and tool-calls.json and re-encodes them", () => {
    const text = O.decodeResponse(fixtureJson(FMT, "text.json"));
    assert.deepEqual(text.content, [
      { type: "text", text: "Why don't skeletons fight each other? They don't have the guts." },
    ]);
    assert.equal(text.stopReason, "end_turn");
    const tool = O.decodeResponse(fixtureJson(FMT, "tool-calls.json"));
    assert.deepEqual(tool.content, [
      {
        type: "tool_call",
        id: "call_qOfTGgDrItLORNfC6VwUbyLL",
        name: "get_weather",
        arguments: '{"location":"Shanghai"}',
        kind: "function",
      },
    ]);
    assert.equal(tool.stopReason, "tool_use");
    assert.deepEqual(tool.usage, {
      inputTokens: 91,
      outputTokens: 14,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      reasoningTokens: 0,
    });
    const out = O.encodeResponse(tool, { model: "client", trailer: TRAILER });
    assert.equal((out.choices as Array<{ finish_reason: string }>)[0].finish_reason, "tool_calls");
    assert.deepEqual(out.coderouter, TRAILER);
    assert.deepEqual(O.decodeResponse(out).content, tool.content);
  });

  it("subtracts cached tokens from prompt_tokens and keeps reasoning tokens", () => {
    const res = O.decodeResponse({
      id: "c",
      choices: [{ message: { role: "assistant", content: "hi" }, finish_reason: "length" }],
      usage: {
        prompt_tokens: 1000,
        completion_tokens: 50,
        prompt_tokens_details: { cached_tokens: 800 },
        completion_tokens_details: { reasoning_tokens: 20 },
      },
    });
    assert.deepEqual(res.usage, {
      inputTokens: 200,
      outputTokens: 50,
      cacheReadTokens: 800,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      reasoningTokens: 20,
    });
    assert.equal(res.stopReason, "max_tokens");
    const back = O.encodeResponse(res, { model: "m" });
    assert.deepEqual(back.usage, {
      prompt_tokens: 1000,
      completion_tokens: 50,
      total_tokens: 1050,
      prompt_tokens_details: { cached_tokens: 800 },
      completion_tokens_details: { reasoning_tokens: 20 },
    });
  });
});

describe("openai-chat stream decode", () => {
  it("decodes text.sse with the usage-only last chunk and [DONE]", () => {
    const events = decodeAll(O.createStreamDecoder(), parseSSE(fixture(FMT, "text.sse"), 5));
    checkWellFormed(events);
    const { response } = assemble(events);
    assert.deepEqual(response.content, [{ type: "text", text: '{"city":"San Francisco","units":"f"}' }]);
    assert.equal(response.usage.inputTokens, 71);
    assert.equal(response.usage.outputTokens, 10);
  });

  it("decodes parallel tool calls with arguments in pieces keyed by index (tool-calls.sse)", () => {
    const events = decodeAll(O.createStreamDecoder(), parseSSE(fixture(FMT, "tool-calls.sse")));
    checkWellFormed(events);
    const { response } = assemble(events);
    assert.deepEqual(response.content, [
      {
        type: "tool_call",
        id: "call_VeQ0JBvrjUPMx6FVQliYseD6",
        name: "get_weather",
        arguments: '{"location": "San Francisco, USA"}',
        kind: "function",
      },
      {
        type: "tool_call",
        id: "call_vEJqxX6A5y5ITfKlklzI3ia9",
        name: "get_weather",
        arguments: '{"location": "Los Angeles, USA"}',
        kind: "function",
      },
    ]);
    assert.equal(response.stopReason, "tool_use");
  });

  it("opens and closes blocks as content switches from text to a tool call (text-tool-call.sse)", () => {
    const events = decodeAll(O.createStreamDecoder(), parseSSE(fixture(FMT, "text-tool-call.sse")));
    checkWellFormed(events);
    assert.deepEqual(
      events.map((e) => e.type),
      [
        "message_start",
        "block_start",
        "block_delta",
        "block_delta",
        "block_stop",
        "block_start",
        "block_delta",
        "block_stop",
        "finish",
      ],
    );
    const { response } = assemble(events);
    assert.deepEqual(response.content[0], { type: "text", text: "PRE_TOOL" });
    assert.equal(response.usage.inputTokens, 58);
  });

  it("separates whole tool calls sent without an index (some compatible servers)", () => {
    const chunk = (delta: unknown, finish: string | null = null) => ({
      data: JSON.stringify({ id: "c", model: "m", choices: [{ index: 0, delta, finish_reason: finish }] }),
    });
    const events = decodeAll(O.createStreamDecoder(), [
      chunk({
        role: "assistant",
        tool_calls: [{ id: "a", type: "function", function: { name: "f", arguments: '{"x":1}' } }],
      }),
      chunk({ tool_calls: [{ id: "b", type: "function", function: { name: "g", arguments: '{"y":' } }] }),
      chunk({ tool_calls: [{ function: { arguments: "2}" } }] }),
      chunk({}, "tool_calls"),
      { data: "[DONE]" },
    ]);
    checkWellFormed(events);
    assert.deepEqual(assemble(events).response.content, [
      { type: "tool_call", id: "a", name: "f", arguments: '{"x":1}', kind: "function" },
      { type: "tool_call", id: "b", name: "g", arguments: '{"y":2}', kind: "function" },
    ]);
  });

  it("reports truncated streams and error chunks as terminal errors", () => {
    const lines = parseSSE(fixture(FMT, "tool-calls.sse"));
    const cut = decodeAll(O.createStreamDecoder(), lines.slice(0, 6));
    assert.equal(cut.at(-1)?.type, "error");
    const err = decodeAll(O.createStreamDecoder(), [
      lines[0],
      { data: '{"error":{"message":"overloaded","type":"server_error","code":null}}' },
    ]);
    assert.deepEqual(err.at(-1), {
      type: "error",
      error: { status: 500, type: "server_error", message: "overloaded" },
    });
  });
});

describe("openai-chat stream encode", () => {
  const reencode = (events: IRStreamEvent[]) => {
    const enc = O.createStreamEncoder({ model: "client-model", trailer: () => TRAILER });
    return events.map((e) => enc.push(e)).join("") + enc.end();
  };
  for (const name of ["text.sse", "tool-calls.sse", "text-tool-call.sse"]) {
    it(`round-trips ${name}, with the trailer in the usage chunk before [DONE]`, () => {
      const first = decodeAll(O.createStreamDecoder(), parseSSE(fixture(FMT, name)));
      const sse = reencode(first);
      const second = decodeAll(O.createStreamDecoder(), parseSSE(sse));
      checkWellFormed(second);
      assert.deepEqual(assemble(second).response.content, assemble(first).response.content);
      assert.deepEqual(assemble(second).response.usage, assemble(first).response.usage);
      const evs = parseSSE(sse);
      assert.equal(evs.at(-1)?.data, "[DONE]");
      const last = JSON.parse(evs.at(-2)?.data ?? "{}");
      assert.deepEqual(last.choices, []);
      assert.deepEqual(last.coderouter, TRAILER);
      assert.equal(JSON.parse(evs[0].data).choices[0].delta.role, "assistant");
    });
  }

  it("writes tool call deltas with id/type/name only on the first piece", () => {
    const enc = O.createStreamEncoder({ model: "m" });
    const chunks = [
      enc.push({ type: "message_start", id: "abc", model: "x" }),
      enc.push({ type: "block_start", index: 0, block: { type: "tool_call", id: "toolu_9", name: "f" } }),
      enc.push({ type: "block_delta", index: 0, delta: { type: "tool_args", partial: '{"a"' } }),
      enc.push({ type: "block_stop", index: 0 }),
      enc.push({
        type: "finish",
        stopReason: "tool_use",
        usage: {
          inputTokens: 1,
          outputTokens: 2,
          cacheReadTokens: 3,
          cacheWriteTokens: 0,
          cacheWrite1hTokens: 0,
          reasoningTokens: 0,
        },
      }),
    ]
      .join("")
      .split("\n\n")
      .filter(Boolean)
      .map((l) => l.replace(/^data: /, ""));
    const parsed = chunks.slice(0, -1).map((c) => JSON.parse(c));
    assert.deepEqual(parsed[0].choices[0].delta, { role: "assistant", content: "" });
    assert.equal(parsed[0].id, "chatcmpl-abc");
    assert.deepEqual(parsed[1].choices[0].delta, {
      tool_calls: [{ index: 0, id: "toolu_9", type: "function", function: { name: "f", arguments: "" } }],
    });
    assert.deepEqual(parsed[2].choices[0].delta, { tool_calls: [{ index: 0, function: { arguments: '{"a"' } }] });
    assert.equal(parsed[3].choices[0].finish_reason, "tool_calls");
    assert.deepEqual(parsed[4].usage, {
      prompt_tokens: 4,
      completion_tokens: 2,
      total_tokens: 6,
      prompt_tokens_details: { cached_tokens: 3 },
      completion_tokens_details: { reasoning_tokens: 0 },
    });
    assert.equal(chunks.at(-1), "[DONE]");
  });

  it("writes error chunks for IR errors and for streams cut short", () => {
    const enc = O.createStreamEncoder({ model: "m" });
    assert.equal(
      enc.push({ type: "error", error: { status: 529, type: "overloaded_error", message: "busy" } }),
      'data: {"error":{"message":"busy","type":"server_error","param":null,"code":"server_overloaded"}}\n\n',
    );
    const enc2 = O.createStreamEncoder({ model: "m" });
    enc2.push({ type: "message_start", id: "x", model: "m" });
    assert.match(enc2.end(), /^data: \{"error":\{"message":"upstream stream ended unexpectedly"/);
  });
});

describe("openai-chat errors", () => {
  it("encodes RouterErrors with OpenAI types and codes", () => {
    assert.deepEqual(O.encodeError(new RouterError("authentication", "missing OPENAI_API_KEY")), {
      status: 401,
      body: {
        error: {
          message: "missing OPENAI_API_KEY",
          type: "authentication_error",
          param: null,
          code: "invalid_api_key",
        },
      },
    });
    assert.deepEqual(O.encodeError(new RouterError("rate_limit", "slow")).body, {
      error: { message: "slow", type: "rate_limit_exceeded", param: null, code: "rate_limit_exceeded" },
    });
    assert.deepEqual(O.encodeError(new RouterError("budget_exceeded", "budget")).body, {
      error: { message: "budget", type: "insufficient_quota", param: null, code: "insufficient_quota" },
    });
    assert.equal(
      (O.encodeError(new RouterError("api_error", "x")).body.error as { type: string }).type,
      "server_error",
    );
    assert.equal(O.encodeError(new RouterError("invalid_request", "bad")).status, 400);
    assert.equal(
      O.encodeStreamError(new RouterError("timeout", "late")),
      'data: {"error":{"message":"late","type":"server_error","param":null,"code":"timeout"}}\n\n',
    );
  });

  it("parses the recorded upstream error bodies", () => {
    const e = parseUpstreamError(429, fixture(FMT, "error-429.json"), 2);
    assert.equal(e.kind, "rate_limit");
    assert.equal(e.retryAfter, 2);
    assert.match(e.message, /^Rate limit reached for gpt-4o/);
    assert.equal(parseUpstreamError(401, fixture(FMT, "error-401.json")).kind, "authentication");
    assert.equal(parseUpstreamError(500, fixture(FMT, "error-500.json")).isRetryable, true);
  });
});
