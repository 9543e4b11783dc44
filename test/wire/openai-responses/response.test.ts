import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { IRResponse } from "../../../src/ir/types.js";
import { errorFromBody, openaiResponses } from "../../../src/wire/openai-responses/index.js";
import { fixture, trailer } from "./helpers.js";

describe("openai-responses non-stream response", () => {
  it("decodes the recorded tool-calls body", () => {
    const r = openaiResponses.decodeResponse(JSON.parse(fixture("upstream/openai-responses/tool-calls.json")));
    assert.equal(r.stopReason, "tool_use");
    assert.deepEqual(
      r.content.map((c) => (c.type === "tool_call" ? [c.id, c.arguments] : c.type)),
      [
        ["call_2FQdm3Br7Qb35YUBSkDR7kue", '{"city":"Beijing"}'],
        ["call_7QxJm2Lp9Vt4Ws1Rk8Hn3Zc", '{"city":"Paris"}'],
      ],
    );
  });

  it("round-trips IR → body → IR (incomplete ⇒ max_tokens, trailer kept)", () => {
    const ir: IRResponse = {
      id: "resp_1",
      model: "m",
      content: [
        { type: "reasoning", text: "s", family: "openai", encrypted: "enc", id: "rs_1" },
        { type: "text", text: "hello" },
        { type: "tool_call", id: "call_1", name: "f", arguments: "{}", kind: "function" },
      ],
      stopReason: "max_tokens",
      usage: {
        inputTokens: 1,
        outputTokens: 2,
        cacheReadTokens: 3,
        cacheWriteTokens: 0,
        cacheWrite1hTokens: 0,
        reasoningTokens: 1,
      },
    };
    const body = openaiResponses.encodeResponse(ir, { model: "gpt-5", trailer });
    assert.deepEqual(body.coderouter, trailer);
    assert.deepEqual(body.incomplete_details, { reason: "max_output_tokens" });
    const back = openaiResponses.decodeResponse(body);
    assert.deepEqual({ ...back, model: "m" }, ir);
  });

  it("maps upstream error bodies to RouterErrors", () => {
    const e = errorFromBody(429, JSON.parse(fixture("upstream/openai-responses/error-429.json")));
    assert.equal(e.status, 429);
    assert.equal(e.kind, "rate_limit");
    assert.equal(e.code, "insufficient_quota");
  });
});
