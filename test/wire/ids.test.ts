/** Length-limited id fields: what reaches OpenAI / Anthropic always fits their documented limits, stably. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { IRRequest } from "../../src/ir/types.js";
import { anthropicMessages } from "../../src/wire/anthropic-messages/index.js";
import { boundedId, opaqueId } from "../../src/wire/internal/ids.js";
import { openaiChat } from "../../src/wire/openai-chat/index.js";
import { openaiResponses } from "../../src/wire/openai-responses/index.js";

/** Claude Code's metadata.user_id, as recorded in test/fixtures/clients/claude. */
const CLAUDE_USER =
  '{"device_id":"d0bb0a1fb47d80d9f7548192b8e17e32b9a62f8775a11afd04a7f24556ea8a69","account_uuid":"","session_id":"fa0b9944-1024-427d-88d2-3bbfbe2aa569"}';

const LONG_CALL = `call_${"x".repeat(70)}`;

function claudeCodeRequest(user: string): IRRequest {
  return anthropicMessages.decodeRequest({
    model: "claude-opus-4-8",
    max_tokens: 1000,
    metadata: { user_id: user },
    messages: [
      { role: "user", content: "list files" },
      { role: "assistant", content: [{ type: "tool_use", id: LONG_CALL, name: "Bash", input: { command: "ls" } }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: LONG_CALL, content: "a.txt" }] },
    ],
  });
}

describe("length-limited ids", () => {
  it("Claude Code's 150-char JSON user_id becomes a stable ≤64-char safety_identifier (Responses)", () => {
    assert.ok(CLAUDE_USER.length > 64);
    const a = openaiResponses.encodeRequest(claudeCodeRequest(CLAUDE_USER), "gpt-5.5").body;
    const b = openaiResponses.encodeRequest(claudeCodeRequest(CLAUDE_USER), "gpt-5.5").body;
    const other = openaiResponses.encodeRequest(claudeCodeRequest(CLAUDE_USER.replace("fa0b", "ffff")), "gpt-5.5").body;
    const sid = a.safety_identifier as string;
    assert.ok(sid.length <= 64, `${sid.length} chars`);
    assert.match(sid, /^cr_[0-9a-f]+$/);
    assert.equal(sid, b.safety_identifier, "same user → same identifier");
    assert.notEqual(sid, other.safety_identifier, "different user → different identifier");
    assert.ok(!sid.includes("device_id"));
  });

  it("a plain short id is kept; e-mail-like or over-long ids are hashed; prompt_cache_key ≤ 64", () => {
    assert.equal(opaqueId("user-1234"), "user-1234");
    assert.equal(opaqueId("fa0b9944-1024-427d-88d2-3bbfbe2aa569"), "fa0b9944-1024-427d-88d2-3bbfbe2aa569");
    assert.match(opaqueId("someone@example.com"), /^cr_[0-9a-f]{61}$/);
    const req = claudeCodeRequest("u1");
    req.promptCacheKey = `session:${"k".repeat(80)}`;
    const body = openaiResponses.encodeRequest(req, "gpt-5.5").body;
    assert.equal(body.safety_identifier, "u1");
    assert.ok((body.prompt_cache_key as string).length <= 64);
    const chat = openaiChat.encodeRequest(req, "gpt-5.5").body;
    assert.ok((chat.prompt_cache_key as string).length <= 64);
    assert.equal(chat.prompt_cache_key, body.prompt_cache_key, "same key in both OpenAI APIs");
  });

  it("Chat `user` is ≤ 64 chars and stable", () => {
    const body = openaiChat.encodeRequest(claudeCodeRequest(CLAUDE_USER), "gpt-5.5").body;
    assert.ok((body.user as string).length <= 64);
    assert.equal(
      body.user,
      openaiResponses.encodeRequest(claudeCodeRequest(CLAUDE_USER), "gpt-5.5").body.safety_identifier,
    );
  });

  it("an over-long call id is hashed the same way on the call and its result (Responses ≤ 64, Chat ≤ 40)", () => {
    const input = openaiResponses.encodeRequest(claudeCodeRequest("u"), "gpt-5.5").body.input as Array<
      Record<string, unknown>
    >;
    const call = input.find((i) => i.type === "function_call");
    const out = input.find((i) => i.type === "function_call_output");
    assert.ok(call && out);
    assert.ok(String(call.call_id).length <= 64);
    assert.equal(call.call_id, out.call_id);
    const messages = openaiChat.encodeRequest(claudeCodeRequest("u"), "gpt-5.5").body.messages as Array<
      Record<string, any>
    >;
    const id = messages.find((m) => m.tool_calls)?.tool_calls[0].id as string;
    assert.ok(id.length <= 40, `${id.length} chars`);
    assert.equal(messages.find((m) => m.role === "tool")?.tool_call_id, id);
    assert.equal(boundedId("call_short", 40), "call_short");
  });

  it("Anthropic tool ids outside ^[a-zA-Z0-9_-]+$ (Kimi's functions.bash:0) are rewritten consistently", () => {
    const ir = openaiChat.decodeRequest({
      model: "kimi-k2",
      messages: [
        { role: "user", content: "go" },
        {
          role: "assistant",
          content: null,
          tool_calls: [{ id: "functions.bash:0", type: "function", function: { name: "bash", arguments: "{}" } }],
        },
        { role: "tool", tool_call_id: "functions.bash:0", content: "ok" },
      ],
      user: CLAUDE_USER,
    });
    const body = anthropicMessages.encodeRequest(ir, "claude-sonnet-5").body;
    const msgs = body.messages as Array<{ content: Array<Record<string, unknown>> }>;
    const use = msgs[1].content[0];
    const result = msgs[2].content[0];
    assert.match(use.id as string, /^[A-Za-z0-9_-]+$/);
    assert.equal(result.tool_use_id, use.id);
    assert.deepEqual(body.metadata, { user_id: CLAUDE_USER }, "Anthropic takes Claude Code's user_id as is (≤ 256)");
  });
});
