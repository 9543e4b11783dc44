import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, it } from "node:test";
import OpenAI from "openai";
import { RouterError } from "../../../src/errors/index.js";
import type { IRStreamEvent } from "../../../src/ir/types.js";
import { openaiResponses } from "../../../src/wire/openai-responses/index.js";
import { decodeSSE, fixture, textOf, toolCalls, trailer } from "./helpers.js";

const fmt = openaiResponses;

describe("openai-responses stream decode (recorded fixtures)", () => {
  it("text.sse → message_start, one text block, finish with usage", () => {
    const ev = decodeSSE(fixture("upstream/openai-responses/text.sse"), fmt.createStreamDecoder());
    assert.deepEqual(ev, [
      { type: "message_start", id: "resp_sanitized_streaming", model: "gpt-4o-mini-2024-07-18" },
      { type: "block_start", index: 0, block: { type: "text" } },
      { type: "block_delta", index: 0, delta: { type: "text", text: "OK" } },
      { type: "block_stop", index: 0 },
      {
        type: "finish",
        stopReason: "end_turn",
        usage: {
          inputTokens: 12,
          outputTokens: 2,
          cacheReadTokens: 0,
          cacheWriteTokens: 0,
          cacheWrite1hTokens: 0,
          reasoningTokens: 0,
        },
      },
    ]);
  });

  it("tool-calls.sse → parallel calls reassemble exactly, stop reason tool_use", () => {
    const ev = decodeSSE(fixture("upstream/openai-responses/tool-calls.sse"), fmt.createStreamDecoder(), 11);
    assert.deepEqual(toolCalls(ev), [
      { id: "call_2FQdm3Br7Qb35YUBSkDR7kue", name: "get_weather", args: '{"city":"Beijing"}' },
      { id: "call_7QxJm2Lp9Vt4Ws1Rk8Hn3Zc", name: "get_weather", args: '{"city":"Paris"}' },
    ]);
    const fin = ev.at(-1);
    assert.equal(fin?.type, "finish");
    if (fin?.type === "finish") {
      assert.equal(fin.stopReason, "tool_use");
      assert.equal(fin.usage.inputTokens, 45);
      assert.equal(fin.usage.outputTokens, 40);
    }
  });

  it("error.sse → terminal IR error with the upstream code", () => {
    const ev = decodeSSE(fixture("upstream/openai-responses/error.sse"), fmt.createStreamDecoder());
    const last = ev.at(-1);
    assert.equal(last?.type, "error");
    if (last?.type === "error") {
      assert.equal(last.error.status, 429);
      assert.equal(last.error.type, "insufficient_quota");
    }
    assert.equal(ev.filter((e) => e.type === "error").length, 1);
  });

  it("a truncated stream ends in an error, never a finish", () => {
    const full = fixture("upstream/openai-responses/tool-calls.sse");
    const cut = full.slice(0, full.indexOf("event: response.completed"));
    const ev = decodeSSE(cut, fmt.createStreamDecoder());
    assert.equal(ev.at(-1)?.type, "error");
    assert.ok(!ev.some((e) => e.type === "finish"));
  });

  it("cached and reasoning tokens map into IR usage", () => {
    const dec = fmt.createStreamDecoder();
    const r = {
      id: "resp_1",
      model: "m",
      status: "completed",
      output: [],
      usage: {
        input_tokens: 100,
        input_tokens_details: { cached_tokens: 60 },
        output_tokens: 30,
        output_tokens_details: { reasoning_tokens: 20 },
      },
    };
    const ev = [...dec.push({ data: JSON.stringify({ type: "response.completed", response: r }) }), ...dec.end()];
    assert.deepEqual(ev.at(-1), {
      type: "finish",
      stopReason: "end_turn",
      usage: {
        inputTokens: 40,
        outputTokens: 30,
        cacheReadTokens: 60,
        cacheWriteTokens: 0,
        cacheWrite1hTokens: 0,
        reasoningTokens: 20,
      },
    });
  });
});

const irStream: IRStreamEvent[] = [
  { type: "message_start", id: "msg_abc", model: "claude-x" },
  { type: "block_start", index: 0, block: { type: "reasoning", family: "anthropic" } },
  { type: "block_delta", index: 0, delta: { type: "reasoning", text: "thinking…" } },
  { type: "block_delta", index: 0, delta: { type: "signature", signature: "anthropic-sig" } },
  { type: "block_stop", index: 0 },
  { type: "block_start", index: 1, block: { type: "text" } },
  { type: "block_delta", index: 1, delta: { type: "text", text: "Let me " } },
  { type: "block_delta", index: 1, delta: { type: "text", text: "check." } },
  { type: "block_stop", index: 1 },
  { type: "block_start", index: 2, block: { type: "tool_call", id: "toolu_1", name: "exec_command" } },
  { type: "block_delta", index: 2, delta: { type: "tool_args", partial: '{"cmd":' } },
  { type: "block_delta", index: 2, delta: { type: "tool_args", partial: '"ls"}' } },
  { type: "block_stop", index: 2 },
  { type: "block_start", index: 3, block: { type: "tool_call", id: "toolu_2", name: "exec", kind: "custom" } },
  { type: "block_delta", index: 3, delta: { type: "tool_args", partial: "const r = 1;" } },
  { type: "block_delta", index: 3, delta: { type: "tool_args", partial: "\ntext(r);" } },
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
      reasoningTokens: 3,
    },
  },
];

function encodeAll(events: IRStreamEvent[]): string {
  const enc = fmt.createStreamEncoder({ model: "gpt-5", trailer: () => trailer });
  return events.map((e) => enc.push(e)).join("") + enc.end();
}

describe("openai-responses stream encode", () => {
  it("writes the documented event sequence with increasing sequence numbers and the trailer in response.completed", () => {
    const sse = encodeAll(irStream);
    const events = sse
      .split("\n\n")
      .filter(Boolean)
      .map((block) =>
        JSON.parse(
          block
            .split("\n")
            .find((l) => l.startsWith("data: "))!
            .slice(6),
        ),
      );
    assert.deepEqual(
      events.map((e) => e.sequence_number),
      events.map((_, i) => i),
    );
    const types = events.map((e) => e.type);
    assert.deepEqual(types.slice(0, 3), ["response.created", "response.in_progress", "response.output_item.added"]);
    assert.ok(types.includes("response.reasoning_summary_text.delta"));
    assert.ok(types.includes("response.custom_tool_call_input.delta"));
    const done = events.filter((e) => e.type === "response.output_item.done").map((e) => e.item);
    assert.deepEqual(
      done.map((i) => i.type),
      ["reasoning", "message", "function_call", "custom_tool_call"],
    );
    // Claude's signature is never handed out raw: it rides wrapped in encrypted_content (reasoning-carry).
    assert.match(done[0].encrypted_content, /^cr1\.anthropic\./);
    assert.ok(!done[0].encrypted_content.includes("anthropic-sig"));
    assert.match(done[0].id, /^rs_/);
    assert.match(done[1].id, /^msg_/);
    assert.match(done[2].id, /^fc_/);
    assert.equal(done[2].arguments, '{"cmd":"ls"}');
    assert.equal(done[3].input, "const r = 1;\ntext(r);");
    const completed = events.at(-1);
    assert.equal(completed.type, "response.completed");
    assert.deepEqual(completed.response.coderouter, trailer);
    assert.equal(completed.response.model, "gpt-5");
    assert.deepEqual(completed.response.usage, {
      input_tokens: 15,
      input_tokens_details: { cached_tokens: 5 },
      output_tokens: 20,
      output_tokens_details: { reasoning_tokens: 3 },
      total_tokens: 35,
    });
    assert.equal(completed.response.output.length, 4);
  });

  it("round-trips IR → Responses SSE → IR", () => {
    const ev = decodeSSE(encodeAll(irStream), fmt.createStreamDecoder(), 13);
    assert.equal(textOf(ev), "Let me check.");
    assert.deepEqual(
      toolCalls(ev).map((t) => [t.id, t.name, t.args]),
      [
        ["toolu_1", "exec_command", '{"cmd":"ls"}'],
        ["toolu_2", "exec", "const r = 1;\ntext(r);"],
      ],
    );
    const fin = ev.at(-1);
    assert.deepEqual(fin, {
      type: "finish",
      stopReason: "tool_use",
      usage: (irStream.at(-1) as { usage: unknown }).usage,
    });
  });

  it("an IR error becomes `error` + `response.failed`; end() without finish reports interruption", () => {
    const enc = fmt.createStreamEncoder({ model: "m" });
    const s =
      enc.push({ type: "message_start", id: "x", model: "m" }) +
      enc.push({ type: "error", error: { status: 429, type: "rate_limit_error", message: "slow down" } });
    assert.match(s, /event: error\ndata: .*"slow down"/);
    assert.match(s, /event: response.failed/);
    const enc2 = fmt.createStreamEncoder({ model: "m" });
    enc2.push({ type: "message_start", id: "x", model: "m" });
    assert.match(enc2.end(), /response.failed/);
  });

  it("encodeError / encodeStreamError use the Responses error shape", () => {
    const e = new RouterError("authentication", "Missing OPENAI_API_KEY", { code: "CR_MISSING_KEY" });
    assert.deepEqual(fmt.encodeError(e), {
      status: 401,
      body: {
        error: { message: "Missing OPENAI_API_KEY", type: "authentication_error", param: null, code: "CR_MISSING_KEY" },
      },
    });
    assert.match(fmt.encodeStreamError(e), /^event: error\ndata: \{"type":"error"/);
  });
});

describe("openai SDK as client", () => {
  it("client.responses.create({stream:true}) consumes our encoded stream", async () => {
    const body = encodeAll(irStream);
    let seen: unknown;
    const server = createServer((req, res) => {
      let raw = "";
      req.on("data", (c) => {
        raw += c;
      });
      req.on("end", () => {
        seen = JSON.parse(raw);
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.end(body);
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const port = (server.address() as AddressInfo).port;
      const client = new OpenAI({ apiKey: "x", baseURL: `http://127.0.0.1:${port}/v1`, maxRetries: 0 });
      const stream = await client.responses.create({ model: "gpt-5", input: "list files", stream: true });
      const types: string[] = [];
      let final: any;
      for await (const ev of stream) {
        types.push(ev.type);
        if (ev.type === "response.completed") final = ev.response;
      }
      assert.equal((seen as { stream: boolean }).stream, true);
      assert.equal(types.at(-1), "response.completed");
      const calls = final.output.filter((o: { type: string }) => o.type === "function_call");
      assert.deepEqual(
        calls.map((c: { call_id: string; arguments: string }) => [c.call_id, c.arguments]),
        [["toolu_1", '{"cmd":"ls"}']],
      );
      assert.equal(final.usage.output_tokens, 20);
      assert.deepEqual(final.coderouter, trailer);

      // The helper stream accumulates the same snapshot from deltas.
      const s2 = client.responses.stream({ model: "gpt-5", input: "again" });
      const resp = await s2.finalResponse();
      assert.equal(resp.output_text, "Let me check.");
      assert.equal(resp.output.filter((o) => o.type === "custom_tool_call").length, 1);
    } finally {
      server.close();
    }
  });
});
