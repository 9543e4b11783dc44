import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, it } from "node:test";
import { GoogleGenAI } from "@google/genai";
import { RouterError } from "../../../src/errors/index.js";
import type { IRRequest, IRStreamEvent } from "../../../src/ir/types.js";
import { errorFromBody, gemini } from "../../../src/wire/gemini/index.js";
import { openaiResponses } from "../../../src/wire/openai-responses/index.js";
import { clientFixtures, decodeSSE, fixture, textOf, toolCalls, trailer } from "../openai-responses/helpers.js";

const pathModel = (path: string) => /models\/([^:]+):/.exec(path)?.[1];

describe("gemini request decode", () => {
  it("maps contents, thoughts, signatures, calls without ids, tools and generationConfig", () => {
    const r = gemini.decodeRequest(
      {
        systemInstruction: { role: "user", parts: [{ text: "sys" }] },
        contents: [
          { role: "user", parts: [{ text: "hi" }, { inlineData: { mimeType: "image/png", data: "AAAA" } }] },
          {
            role: "model",
            parts: [
              { text: "plan", thought: true },
              { functionCall: { name: "ls", args: { dir: "." } }, thoughtSignature: "SIG" },
              { functionCall: { name: "ls", args: { dir: "src" } } },
            ],
          },
          {
            role: "user",
            parts: [
              { functionResponse: { name: "ls", response: { output: "a.py" } } },
              { functionResponse: { name: "ls", response: { error: "no such dir" } } },
            ],
          },
        ],
        tools: [
          {
            functionDeclarations: [
              {
                name: "ls",
                description: "list",
                parameters: { type: "OBJECT", properties: { dir: { type: "STRING" } } },
              },
            ],
          },
          { googleSearch: {} },
        ],
        toolConfig: { functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["ls"] } },
        generationConfig: {
          maxOutputTokens: 50,
          temperature: 0.5,
          topK: 3,
          stopSequences: ["END"],
          thinkingConfig: { includeThoughts: true, thinkingLevel: "HIGH" },
        },
      },
      { pathModel: "gemini-3-pro", stream: true },
    );
    const expected: IRRequest = {
      model: "gemini-3-pro",
      system: [{ type: "text", text: "sys" }],
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
            { type: "reasoning", text: "plan", family: "google" },
            { type: "reasoning", text: "", family: "google", encrypted: "SIG" },
            { type: "tool_call", id: "ls_0", name: "ls", arguments: '{"dir":"."}', kind: "function" },
            { type: "tool_call", id: "ls_1", name: "ls", arguments: '{"dir":"src"}', kind: "function" },
          ],
        },
        {
          role: "user",
          content: [
            { type: "tool_result", callId: "ls_0", name: "ls", content: [{ type: "text", text: "a.py" }] },
            {
              type: "tool_result",
              callId: "ls_1",
              name: "ls",
              content: [{ type: "text", text: "no such dir" }],
              isError: true,
            },
          ],
        },
      ],
      tools: [
        {
          kind: "function",
          name: "ls",
          description: "list",
          parameters: { type: "object", properties: { dir: { type: "string" } } },
        },
      ],
      toolChoice: { type: "tool", name: "ls" },
      maxTokens: 50,
      temperature: 0.5,
      topK: 3,
      stop: ["END"],
      reasoning: { enabled: true, effort: "high" },
      stream: true,
      sourceApi: "gemini",
    };
    assert.deepEqual(r, expected);
  });

  for (const [name, body, ctx] of [
    ["no model anywhere", { contents: [] }, {}],
    ["contents not an array", { contents: {} }, { pathModel: "m" }],
    ["bad role", { contents: [{ role: "robot", parts: [] }] }, { pathModel: "m" }],
    [
      "function declaration without a name",
      { contents: [], tools: [{ functionDeclarations: [{}] }] },
      { pathModel: "m" },
    ],
  ] as const) {
    it(`rejects ${name} with RouterError(invalid_request)`, () => {
      assert.throws(
        () => gemini.decodeRequest(body, ctx),
        (e: unknown) => RouterError.is(e) && e.kind === "invalid_request",
      );
    });
  }
});

describe("gemini request encode", () => {
  it("writes functionResponse names from call ids, a signature sentinel on unsigned calls, JSON-Schema cleanup", () => {
    const { body, warnings } = gemini.encodeRequest(
      {
        model: "x",
        system: [{ type: "text", text: "sys" }],
        messages: [
          { role: "user", content: [{ type: "text", text: "q" }] },
          {
            role: "assistant",
            content: [
              { type: "reasoning", text: "t", family: "anthropic", signature: "s" },
              { type: "tool_call", id: "toolu_1", name: "bash", arguments: '{"cmd":"ls"}' },
            ],
          },
          {
            role: "user",
            content: [{ type: "tool_result", callId: "toolu_1", content: [{ type: "text", text: "ok" }] }],
          },
        ],
        tools: [
          {
            kind: "function",
            name: "bash",
            parameters: {
              $schema: "http://json-schema.org/draft-07/schema#",
              type: "object",
              properties: { cmd: { type: "string" } },
            },
          },
        ],
        toolChoice: { type: "required" },
        maxTokens: 10,
        reasoning: { enabled: true, budgetTokens: 1024 },
        responseFormat: { type: "json_schema", schema: { $schema: "x", type: "object" } },
        stream: true,
        sourceApi: "anthropic-messages",
      },
      "gemini-3-pro",
    );
    assert.deepEqual(body, {
      contents: [
        { role: "user", parts: [{ text: "q" }] },
        {
          role: "model",
          parts: [
            {
              functionCall: { id: "toolu_1", name: "bash", args: { cmd: "ls" } },
              thoughtSignature: "skip_thought_signature_validator",
            },
          ],
        },
        { role: "user", parts: [{ functionResponse: { id: "toolu_1", name: "bash", response: { output: "ok" } } }] },
      ],
      systemInstruction: { role: "user", parts: [{ text: "sys" }] },
      tools: [
        {
          functionDeclarations: [
            { name: "bash", parametersJsonSchema: { type: "object", properties: { cmd: { type: "string" } } } },
          ],
        },
      ],
      toolConfig: { functionCallingConfig: { mode: "ANY" } },
      generationConfig: {
        maxOutputTokens: 10,
        thinkingConfig: { includeThoughts: true, thinkingBudget: 1024 },
        responseMimeType: "application/json",
        responseJsonSchema: { type: "object" },
      },
    });
    assert.equal(warnings.length, 1);
  });
});

describe("client captures (gemini)", () => {
  const fixtures = clientFixtures("gemini");
  it("has captures to replay", () => assert.ok(fixtures.length >= 20));
  for (const f of fixtures) {
    it(`${f.name}: decodes, round-trips through Gemini, encodes to Responses`, () => {
      const stream = f.path.includes(":streamGenerateContent");
      const ir = gemini.decodeRequest(f.body, { pathModel: pathModel(f.path), stream });
      assert.equal(ir.stream, stream);
      assert.ok(ir.model.startsWith("gemini"));
      assert.ok(ir.messages.length > 0);
      const again = gemini.decodeRequest(gemini.encodeRequest(ir, ir.model).body, { pathModel: ir.model, stream });
      assert.deepEqual(again.messages, ir.messages);
      // `$schema` is the one key the Gemini encoder strips on purpose.
      const noMeta = (v: unknown) => JSON.parse(JSON.stringify(v, (k, x) => (k === "$schema" ? undefined : x)));
      assert.deepEqual(again.tools, noMeta(ir.tools));
      assert.deepEqual(again.system, ir.system);
      const r = openaiResponses.encodeRequest(ir, "gpt-5");
      const back = openaiResponses.decodeRequest(r.body);
      assert.equal(back.tools.length, ir.tools.length);
      const calls = (x: IRRequest) =>
        x.messages.flatMap((m) => m.content).filter((p) => p.type === "tool_call" || p.type === "tool_result").length;
      assert.equal(calls(back), calls(ir));
    });
  }
});

describe("gemini responses and streams (recorded fixtures)", () => {
  it("text.json: thoughts billed as output, signature kept", () => {
    const r = gemini.decodeResponse(JSON.parse(fixture("upstream/gemini/text.json")));
    assert.equal(r.stopReason, "end_turn");
    assert.deepEqual(r.usage, {
      inputTokens: 9,
      outputTokens: 28 + 244,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      reasoningTokens: 244,
    });
    assert.deepEqual(
      r.content.map((c) => c.type),
      ["reasoning", "text"],
    );
  });

  it("tool-calls.json ⇒ tool_use with synthesised distinct ids; encode→decode round trip", () => {
    const r = gemini.decodeResponse(JSON.parse(fixture("upstream/gemini/tool-calls.json")));
    assert.equal(r.stopReason, "tool_use");
    const calls = r.content.filter((c) => c.type === "tool_call");
    assert.deepEqual(
      calls.map((c) => c.arguments),
      ['{"location":"San Francisco"}', '{"location":"Tokyo"}'],
    );
    assert.equal(new Set(calls.map((c) => c.id)).size, 2);
    const body = gemini.encodeResponse(r, { model: "gemini-x", trailer });
    assert.deepEqual(body.coderouter, trailer);
    assert.deepEqual({ ...gemini.decodeResponse(body), model: r.model }, r);
  });

  it("cached prompt tokens are subtracted from input", () => {
    const r = gemini.decodeResponse({
      candidates: [{ content: { parts: [{ text: "x" }] }, finishReason: "MAX_TOKENS" }],
      usageMetadata: { promptTokenCount: 100, cachedContentTokenCount: 80, candidatesTokenCount: 5 },
    });
    assert.equal(r.stopReason, "max_tokens");
    assert.equal(r.usage.inputTokens, 20);
    assert.equal(r.usage.cacheReadTokens, 80);
  });

  it("text.sse decodes to one text block and a finish with usage", () => {
    const ev = decodeSSE(fixture("upstream/gemini/text.sse"), gemini.createStreamDecoder());
    assert.equal(textOf(ev), 'There are **3** "r"s in strawberry.\n\nst**r**awbe**rr**y');
    const fin = ev.at(-1);
    assert.deepEqual(fin, {
      type: "finish",
      stopReason: "end_turn",
      usage: {
        inputTokens: 9,
        outputTokens: 23 + 185,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        cacheWrite1hTokens: 0,
        reasoningTokens: 185,
      },
    });
  });

  it("tool-calls.sse: parallel calls arrive whole as start/delta/stop triples", () => {
    const ev = decodeSSE(fixture("upstream/gemini/tool-calls.sse"), gemini.createStreamDecoder(), 9);
    assert.deepEqual(
      toolCalls(ev).map((c) => [c.name, c.args]),
      [
        ["weather", '{"location":"San Francisco"}'],
        ["weather", '{"location":"Tokyo"}'],
      ],
    );
    assert.equal(ev.at(-1)?.type, "finish");
    if (ev.at(-1)?.type === "finish") assert.equal((ev.at(-1) as { stopReason: string }).stopReason, "tool_use");
  });

  it("error chunk and truncation both end in an IR error", () => {
    const ev = decodeSSE(fixture("upstream/gemini/error.sse"), gemini.createStreamDecoder());
    assert.deepEqual(ev.at(-1), {
      type: "error",
      error: { status: 503, type: "UNAVAILABLE", message: "The model is overloaded. Please try again later." },
    });
    const full = fixture("upstream/gemini/text.sse");
    const cut = full.slice(0, full.lastIndexOf("data: "));
    const ev2 = decodeSSE(cut, gemini.createStreamDecoder());
    assert.equal(ev2.at(-1)?.type, "error");
    assert.ok(!ev2.some((e) => e.type === "finish"));
  });

  it("errors: Gemini JSON shape and retry delay", () => {
    const e = errorFromBody(429, JSON.parse(fixture("upstream/gemini/error-429.json")));
    assert.equal(e.kind, "rate_limit");
    assert.equal(e.retryAfter, 34.4);
    assert.deepEqual(gemini.encodeError(new RouterError("authentication", "Missing GEMINI_API_KEY")), {
      status: 401,
      body: { error: { code: 401, message: "Missing GEMINI_API_KEY", status: "UNAUTHENTICATED" } },
    });
    assert.equal(gemini.encodeError(new RouterError("overloaded", "busy")).status, 503);
    assert.match(
      gemini.encodeStreamError(new RouterError("timeout", "slow")),
      /^data: \{"error":\{"code":504,.*"DEADLINE_EXCEEDED"/,
    );
  });
});

const irStream: IRStreamEvent[] = [
  { type: "message_start", id: "resp_1", model: "gpt-5" },
  { type: "block_start", index: 0, block: { type: "reasoning", family: "openai" } },
  { type: "block_delta", index: 0, delta: { type: "reasoning", text: "hmm" } },
  { type: "block_delta", index: 0, delta: { type: "encrypted", data: "openai-secret" } },
  { type: "block_stop", index: 0 },
  { type: "block_start", index: 1, block: { type: "text" } },
  { type: "block_delta", index: 1, delta: { type: "text", text: "Listing " } },
  { type: "block_delta", index: 1, delta: { type: "text", text: "files." } },
  { type: "block_stop", index: 1 },
  { type: "block_start", index: 2, block: { type: "tool_call", id: "call_a", name: "list_directory" } },
  { type: "block_delta", index: 2, delta: { type: "tool_args", partial: '{"dir_pa' } },
  { type: "block_delta", index: 2, delta: { type: "tool_args", partial: 'th":"."}' } },
  { type: "block_stop", index: 2 },
  { type: "block_start", index: 3, block: { type: "tool_call", id: "call_b", name: "read_file" } },
  { type: "block_delta", index: 3, delta: { type: "tool_args", partial: '{"path":"a.py"}' } },
  { type: "block_stop", index: 3 },
  {
    type: "finish",
    stopReason: "tool_use",
    usage: {
      inputTokens: 10,
      outputTokens: 20,
      cacheReadTokens: 5,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      reasoningTokens: 4,
    },
  },
];

function encodeAll(): string {
  const enc = gemini.createStreamEncoder({ model: "gemini-3-pro", trailer: () => trailer });
  return irStream.map((e) => enc.push(e)).join("") + enc.end();
}

describe("gemini stream encode", () => {
  it("last chunk carries finishReason, usageMetadata and the coderouter trailer; no foreign signatures", () => {
    const sse = encodeAll();
    assert.ok(!sse.includes("openai-secret"));
    const chunks = sse
      .split("\n\n")
      .filter(Boolean)
      .map((c) => JSON.parse(c.slice(6)));
    const last = chunks.at(-1);
    assert.equal(last.candidates[0].finishReason, "STOP");
    assert.deepEqual(last.usageMetadata, {
      promptTokenCount: 15,
      candidatesTokenCount: 16,
      totalTokenCount: 35,
      cachedContentTokenCount: 5,
      thoughtsTokenCount: 4,
    });
    assert.deepEqual(last.coderouter, trailer);
    const ev = decodeSSE(sse, gemini.createStreamDecoder());
    assert.deepEqual(toolCalls(ev), [
      { id: "call_a", name: "list_directory", args: '{"dir_path":"."}' },
      { id: "call_b", name: "read_file", args: '{"path":"a.py"}' },
    ]);
    assert.equal(textOf(ev), "Listing files.");
    assert.deepEqual(ev.at(-1), {
      type: "finish",
      stopReason: "tool_use",
      usage: (irStream.at(-1) as { usage: unknown }).usage,
    });
  });

  it("@google/genai generateContentStream consumes our stream", async () => {
    const body = encodeAll();
    let path = "";
    const server = createServer((req, res) => {
      path = req.url ?? "";
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.end(body);
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const port = (server.address() as AddressInfo).port;
      const ai = new GoogleGenAI({ apiKey: "x", httpOptions: { baseUrl: `http://127.0.0.1:${port}` } });
      const stream = await ai.models.generateContentStream({ model: "gemini-3-pro", contents: "list files" });
      let text = "";
      const calls: Array<{ id?: string; name?: string; args?: unknown }> = [];
      let last: any;
      for await (const chunk of stream) {
        text += chunk.text ?? "";
        calls.push(...(chunk.functionCalls ?? []));
        last = chunk;
      }
      assert.match(path, /models\/gemini-3-pro:streamGenerateContent\?alt=sse/);
      assert.equal(text, "Listing files.");
      assert.deepEqual(calls, [
        { id: "call_a", name: "list_directory", args: { dir_path: "." } },
        { id: "call_b", name: "read_file", args: { path: "a.py" } },
      ]);
      assert.equal(last.usageMetadata.thoughtsTokenCount, 4);
      assert.equal(last.candidates[0].finishReason, "STOP");
    } finally {
      server.close();
    }
  });
});
