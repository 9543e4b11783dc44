/**
 * Reasoning round trips through a client of another format: the model's own artifact (Claude's thinking
 * signature, OpenAI's encrypted reasoning item, Gemini's thoughtSignature) rides in the client's opaque field as a
 * `cr1.<family>.…` wrapper and comes back to the same family intact; other families drop it; no wrapper is ever
 * sent to a provider.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import type { IRRequest, IRStreamEvent, ReasoningPart } from "../../src/ir/types.js";
import { formatSSE, SSEParser } from "../../src/sse/parser.js";
import { anthropicMessages } from "../../src/wire/anthropic-messages/index.js";
import { gemini } from "../../src/wire/gemini/index.js";
import { openaiChat } from "../../src/wire/openai-chat/index.js";
import { openaiResponses } from "../../src/wire/openai-responses/index.js";
import { hasCarriedReasoning, unwrapReasoning, WRAP_PREFIX, wrapReasoning } from "../../src/wire/reasoning-carry.js";
import type { StreamDecoder, WireFormat } from "../../src/wire/types.js";

type Obj = Record<string, any>;

const upstream = (fmt: string, name: string) =>
  readFileSync(new URL(`../fixtures/upstream/${fmt}/${name}`, import.meta.url), "utf8");

function sseEvents(text: string) {
  const p = new SSEParser();
  return [...p.push(Buffer.from(text)), ...p.end()];
}

function decode(text: string, dec: StreamDecoder): IRStreamEvent[] {
  const out: IRStreamEvent[] = [];
  for (const ev of sseEvents(text)) out.push(...dec.push(ev));
  out.push(...dec.end());
  return out;
}

/** Upstream SSE in `from`'s format → the client's SSE in `to`'s format, through the IR. */
function translate(text: string, from: WireFormat, to: WireFormat): string {
  const enc = to.createStreamEncoder({ model: "client-model" });
  return decode(text, from.createStreamDecoder())
    .map((e) => enc.push(e))
    .join("");
}

const datas = (sse: string): Obj[] =>
  sseEvents(sse)
    .filter((e) => e.data && e.data !== "[DONE]")
    .map((e) => JSON.parse(e.data));

/** What an Anthropic client (SDK MessageStream / Claude Code) keeps of a streamed message. */
function anthropicContent(sse: string): Obj[] {
  const blocks: Obj[] = [];
  for (const d of datas(sse)) {
    if (d.type === "content_block_start") blocks[d.index] = { ...d.content_block };
    if (d.type !== "content_block_delta") continue;
    const b = blocks[d.index];
    if (d.delta.type === "thinking_delta") b.thinking += d.delta.thinking;
    if (d.delta.type === "signature_delta") b.signature = d.delta.signature;
    if (d.delta.type === "text_delta") b.text += d.delta.text;
    if (d.delta.type === "input_json_delta") b.partial = (b.partial ?? "") + d.delta.partial_json;
  }
  return blocks.map(({ partial, ...b }) => (b.type === "tool_use" ? { ...b, input: JSON.parse(partial || "{}") } : b));
}

/** What Codex keeps: every output_item.done item, as given. */
const responsesItems = (sse: string): Obj[] =>
  datas(sse)
    .filter((d) => d.type === "response.output_item.done")
    .map((d) => d.item);

/** What Gemini CLI keeps of a streamed model turn: every part except thoughts and empty unsigned text. */
const geminiParts = (sse: string): Obj[] =>
  datas(sse)
    .flatMap((d) => d.candidates?.[0]?.content?.parts ?? [])
    .filter((p: Obj) => !p.thought && (p.text !== "" || p.thoughtSignature));

const noWrapper = (body: unknown) => assert.ok(!JSON.stringify(body).includes(WRAP_PREFIX), "wrapper sent upstream");

const reasoningParts = (ir: IRRequest): ReasoningPart[] =>
  ir.messages.flatMap((m) => m.content.filter((p): p is ReasoningPart => p.type === "reasoning"));

// --- upstream streams -------------------------------------------------------------------------------------------

const CLAUDE_SIG = /"signature":"(EsEC[^"]+)"/.exec(upstream("anthropic-messages", "thinking.sse"))?.[1] as string;

/** Claude thinks (signed), then calls a tool: thinking.sse's thinking block followed by a tool_use. */
function claudeToolStream(): string {
  const base = upstream("anthropic-messages", "thinking.sse");
  const cut = base.indexOf("event: content_block_start", base.indexOf("content_block_stop"));
  const ev = (type: string, d: Obj) => formatSSE(JSON.stringify({ type, ...d }), type);
  return (
    base.slice(0, cut) +
    ev("content_block_start", {
      index: 1,
      content_block: { type: "tool_use", id: "toolu_01A", name: "exec_command", input: {} },
    }) +
    ev("content_block_delta", { index: 1, delta: { type: "input_json_delta", partial_json: '{"cmd":"ls"}' } }) +
    ev("content_block_stop", { index: 1 }) +
    ev("message_delta", { delta: { stop_reason: "tool_use", stop_sequence: null }, usage: { output_tokens: 90 } }) +
    ev("message_stop", {})
  );
}

const CLAUDE_THINKING = decode(claudeToolStream(), anthropicMessages.createStreamDecoder())
  .map((e) => (e.type === "block_delta" && e.delta.type === "reasoning" ? e.delta.text : ""))
  .join("");

const OPENAI_ENC = "gAAAAABpZ3xEncryptedReasoning-opaque+/==";

/** An OpenAI reasoning model (Responses): a reasoning item with summary and encrypted content, then a call. */
function openaiToolStream(summary = "Need to list the files."): string {
  let seq = 0;
  const ev = (type: string, d: Obj) => formatSSE(JSON.stringify({ type, sequence_number: seq++, ...d }), type);
  const resp = (status: string, output: Obj[] = []) => ({
    id: "resp_1",
    object: "response",
    status,
    model: "gpt-5.5",
    output,
  });
  const reasoning = {
    id: "rs_0abc",
    type: "reasoning",
    summary: summary ? [{ type: "summary_text", text: summary }] : [],
    encrypted_content: OPENAI_ENC,
  };
  const call = {
    id: "fc_1",
    type: "function_call",
    status: "completed",
    call_id: "call_1",
    name: "Bash",
    arguments: '{"command":"ls"}',
  };
  return (
    ev("response.created", { response: resp("in_progress") }) +
    ev("response.output_item.added", { output_index: 0, item: { id: "rs_0abc", type: "reasoning", summary: [] } }) +
    (summary
      ? ev("response.reasoning_summary_part.added", {
          item_id: "rs_0abc",
          output_index: 0,
          summary_index: 0,
          part: { type: "summary_text", text: "" },
        }) +
        ev("response.reasoning_summary_text.delta", {
          item_id: "rs_0abc",
          output_index: 0,
          summary_index: 0,
          delta: summary,
        })
      : "") +
    ev("response.output_item.done", { output_index: 0, item: reasoning }) +
    ev("response.output_item.added", { output_index: 1, item: { ...call, status: "in_progress", arguments: "" } }) +
    ev("response.function_call_arguments.delta", { item_id: "fc_1", output_index: 1, delta: call.arguments }) +
    ev("response.function_call_arguments.done", { item_id: "fc_1", output_index: 1, arguments: call.arguments }) +
    ev("response.output_item.done", { output_index: 1, item: call }) +
    ev("response.completed", {
      response: { ...resp("completed", [reasoning, call]), usage: { input_tokens: 10, output_tokens: 20 } },
    })
  );
}

const GEMINI_SSE = upstream("gemini", "tool-calls.sse");
const GEMINI_SIG = /"thoughtSignature":"([^"]+)"/.exec(GEMINI_SSE)?.[1] as string;

// --- tests ------------------------------------------------------------------------------------------------------

describe("reasoning wrapper", () => {
  it("round-trips family, signature, encrypted content and id; carries Claude's thinking text", () => {
    const w = wrapReasoning({ family: "anthropic", text: "think", signature: "SIG" }) as string;
    assert.match(w, /^cr1\.anthropic\.[A-Za-z0-9_-]+$/);
    assert.deepEqual(unwrapReasoning(w, "shown"), {
      type: "reasoning",
      family: "anthropic",
      text: "think",
      signature: "SIG",
    });
    const o = wrapReasoning({ family: "openai", text: "sum", encrypted: "ENC", id: "rs_1" }) as string;
    assert.deepEqual(unwrapReasoning(o, "sum"), {
      type: "reasoning",
      family: "openai",
      text: "sum",
      encrypted: "ENC",
      id: "rs_1",
    });
    assert.equal(wrapReasoning({ family: "other", text: "plain thoughts" }), undefined, "nothing opaque to carry");
    assert.equal(unwrapReasoning("cr1.openai.!!!"), undefined);
    assert.equal(unwrapReasoning(`cr1.martian.${Buffer.from('{"enc":"x"}').toString("base64url")}`), undefined);
  });

  it("an unreadable wrapper in a client request is dropped with a warning, never forwarded", () => {
    const ir = anthropicMessages.decodeRequest({
      model: "m",
      max_tokens: 10,
      messages: [
        { role: "user", content: "hi" },
        {
          role: "assistant",
          content: [
            { type: "thinking", thinking: "t", signature: "cr1.openai.bm90LWpzb24" },
            { type: "text", text: "ok" },
          ],
        },
        { role: "user", content: "go on" },
      ],
    });
    assert.equal(reasoningParts(ir).length, 0);
    assert.ok(ir.warnings?.some((w) => /unreadable CodeRouter reasoning wrapper/.test(w)));
    noWrapper(anthropicMessages.encodeRequest(ir, "claude-sonnet-5").body);
  });

  it("encoders refuse a wrapper that reached the IR undecoded", () => {
    const w = wrapReasoning({ family: "openai", text: "", encrypted: "E" }) as string;
    const ir: IRRequest = {
      model: "m",
      system: [],
      tools: [],
      stream: false,
      sourceApi: "openai-chat",
      messages: [
        { role: "user", content: [{ type: "text", text: "hi" }] },
        {
          role: "assistant",
          content: [
            { type: "reasoning", family: "anthropic", text: "", signature: w },
            { type: "reasoning", family: "openai", text: "", encrypted: w },
            { type: "reasoning", family: "google", text: "", encrypted: w },
            { type: "text", text: "ok" },
          ],
        },
      ],
    };
    for (const f of [anthropicMessages, openaiResponses, gemini, openaiChat]) noWrapper(f.encodeRequest(ir, "x").body);
  });
});

describe("Claude ⇄ Codex (Responses client, Anthropic upstream)", () => {
  it("streamed: the signed thinking block rides in encrypted_content and goes back to Claude unaltered", () => {
    const sse = translate(claudeToolStream(), anthropicMessages, openaiResponses);
    const items = responsesItems(sse);
    assert.deepEqual(
      items.map((i) => i.type),
      ["reasoning", "function_call"],
    );
    const [reasoning, call] = items;
    assert.match(reasoning.encrypted_content, /^cr1\.anthropic\./);
    assert.ok(!reasoning.encrypted_content.includes(CLAUDE_SIG), "never the raw signature");
    assert.equal(reasoning.summary[0].text, CLAUDE_THINKING);

    // Codex's next request: the items as it got them, plus the tool output.
    const followUp = {
      model: "gpt-5.5",
      instructions: "You are Codex.",
      input: [
        { type: "message", role: "user", content: [{ type: "input_text", text: "list files" }] },
        reasoning,
        call,
        { type: "function_call_output", call_id: call.call_id, output: "a.txt\nb.txt" },
      ],
      reasoning: { effort: "medium", summary: "auto" },
      include: ["reasoning.encrypted_content"],
      stream: true,
    };
    const ir = openaiResponses.decodeRequest(followUp);
    assert.equal(hasCarriedReasoning(ir), true, "the raw body holds a wrapper: it must be re-encoded");
    const [part] = reasoningParts(ir);
    assert.equal(part.family, "anthropic");
    assert.equal(part.signature, CLAUDE_SIG);
    assert.equal(part.text, CLAUDE_THINKING);

    const { body, warnings } = anthropicMessages.encodeRequest(ir, "claude-sonnet-5");
    const assistant = (body.messages as Obj[])[1];
    assert.equal(assistant.role, "assistant");
    assert.deepEqual(assistant.content[0], { type: "thinking", thinking: CLAUDE_THINKING, signature: CLAUDE_SIG });
    assert.equal(assistant.content[1].type, "tool_use");
    assert.equal((body.thinking as Obj)?.type, "enabled", `thinking kept on (warnings: ${warnings.join("; ")})`);
    noWrapper(body);

    // The same history routed to another family: dropped with a warning, never forwarded.
    const toOpenAI = openaiResponses.encodeRequest(ir, "gpt-5.5");
    assert.ok(!(toOpenAI.body.input as Obj[]).some((i) => i.type === "reasoning"));
    assert.ok(toOpenAI.warnings.some((w) => /family "anthropic"/.test(w)));
    noWrapper(toOpenAI.body);
  });

  it("non-streamed: the same through encodeResponse", () => {
    const res = anthropicMessages.decodeResponse({
      id: "msg_1",
      type: "message",
      role: "assistant",
      model: "claude-sonnet-5",
      content: [
        { type: "thinking", thinking: "plan", signature: "SIG-A" },
        { type: "redacted_thinking", data: "REDACTED-A" },
        { type: "tool_use", id: "toolu_1", name: "exec_command", input: { cmd: "ls" } },
      ],
      stop_reason: "tool_use",
      usage: { input_tokens: 1, output_tokens: 1 },
    });
    const out = openaiResponses.encodeResponse(res, { model: "gpt-5.5" }).output as Obj[];
    assert.ok(out.slice(0, 2).every((i) => i.type === "reasoning" && i.encrypted_content.startsWith("cr1.anthropic.")));
    const ir = openaiResponses.decodeRequest({ model: "gpt-5.5", input: [{ role: "user", content: "x" }, ...out] });
    const blocks = (anthropicMessages.encodeRequest(ir, "claude-sonnet-5").body.messages as Obj[])[1].content;
    assert.deepEqual(blocks.slice(0, 2), [
      { type: "thinking", thinking: "plan", signature: "SIG-A" },
      { type: "redacted_thinking", data: "REDACTED-A" },
    ]);
  });
});

describe("Claude Code ⇄ OpenAI Responses upstream (Anthropic client)", () => {
  it("streamed: the encrypted reasoning item rides in the thinking signature and goes back with its id", () => {
    const blocks = anthropicContent(translate(openaiToolStream(), openaiResponses, anthropicMessages));
    assert.deepEqual(
      blocks.map((b) => b.type),
      ["thinking", "tool_use"],
    );
    assert.equal(blocks[0].thinking, "Need to list the files.");
    assert.match(blocks[0].signature, /^cr1\.openai\./);
    assert.ok(!blocks[0].signature.includes(OPENAI_ENC));

    const followUp = {
      model: "claude-opus-4-8",
      max_tokens: 32000,
      thinking: { type: "enabled", budget_tokens: 8000 },
      metadata: { user_id: '{"device_id":"d0bb","account_uuid":"","session_id":"fa0b"}' },
      messages: [
        { role: "user", content: "list files" },
        { role: "assistant", content: blocks },
        { role: "user", content: [{ type: "tool_result", tool_use_id: blocks[1].id, content: "a.txt" }] },
      ],
      stream: true,
    };
    const ir = anthropicMessages.decodeRequest(followUp);
    assert.equal(hasCarriedReasoning(ir), true);
    assert.deepEqual(reasoningParts(ir), [
      { type: "reasoning", family: "openai", text: "Need to list the files.", encrypted: OPENAI_ENC, id: "rs_0abc" },
    ]);
    const { body } = openaiResponses.encodeRequest(ir, "gpt-5.5");
    const input = body.input as Obj[];
    assert.deepEqual(input[1], {
      type: "reasoning",
      id: "rs_0abc",
      summary: [{ type: "summary_text", text: "Need to list the files." }],
      encrypted_content: OPENAI_ENC,
    });
    assert.equal(input[2].type, "function_call");
    assert.deepEqual(body.include, ["reasoning.encrypted_content"]);
    noWrapper(body);

    // Routed to Claude instead: OpenAI's reasoning cannot go there; thinking goes off for this turn, as before.
    const toClaude = anthropicMessages.encodeRequest(ir, "claude-sonnet-5");
    noWrapper(toClaude.body);
    assert.ok(toClaude.warnings.some((w) => /openai family dropped/.test(w)));
  });

  it("streamed without a summary: a redacted_thinking block carries it", () => {
    const blocks = anthropicContent(translate(openaiToolStream(""), openaiResponses, anthropicMessages));
    assert.equal(blocks[0].type, "redacted_thinking");
    assert.match(blocks[0].data, /^cr1\.openai\./);
    const ir = anthropicMessages.decodeRequest({
      model: "m",
      max_tokens: 100,
      messages: [
        { role: "user", content: "x" },
        { role: "assistant", content: blocks },
        { role: "user", content: [{ type: "tool_result", tool_use_id: blocks[1].id, content: "ok" }] },
      ],
    });
    const input = openaiResponses.encodeRequest(ir, "gpt-5.5").body.input as Obj[];
    assert.deepEqual(input[1], { type: "reasoning", id: "rs_0abc", summary: [], encrypted_content: OPENAI_ENC });
  });

  it("non-streamed: encodeResponse wraps it the same way", () => {
    const res = openaiResponses.decodeResponse({
      id: "resp_1",
      status: "completed",
      model: "gpt-5.5",
      output: [
        { id: "rs_9", type: "reasoning", summary: [{ type: "summary_text", text: "s" }], encrypted_content: "E9" },
        { id: "fc_9", type: "function_call", call_id: "call_9", name: "Bash", arguments: "{}" },
      ],
    });
    const content = anthropicMessages.encodeResponse(res, { model: "claude-opus-4-8" }).content as Obj[];
    assert.equal(content[0].type, "thinking");
    const back = unwrapReasoning(content[0].signature, content[0].thinking);
    assert.deepEqual(back, { type: "reasoning", family: "openai", text: "s", encrypted: "E9", id: "rs_9" });
  });
});

describe("Gemini thoughtSignature through Anthropic and Responses clients", () => {
  it("Claude Code ⇄ Gemini: the signature goes back on the first function call, not the sentinel", () => {
    const blocks = anthropicContent(translate(GEMINI_SSE, gemini, anthropicMessages));
    assert.deepEqual(
      blocks.map((b) => b.type),
      ["redacted_thinking", "tool_use", "tool_use"],
    );
    assert.match(blocks[0].data, /^cr1\.google\./);
    const ir = anthropicMessages.decodeRequest({
      model: "claude-opus-4-8",
      max_tokens: 1000,
      messages: [
        { role: "user", content: "weather in SF and Tokyo" },
        { role: "assistant", content: blocks },
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: blocks[1].id, content: "sunny" },
            { type: "tool_result", tool_use_id: blocks[2].id, content: "rain" },
          ],
        },
      ],
    });
    const { body } = gemini.encodeRequest(ir, "gemini-3-pro-preview");
    const model = (body.contents as Obj[])[1];
    assert.equal(model.role, "model");
    assert.deepEqual(
      model.parts.map((p: Obj) => [p.functionCall?.args?.location, p.thoughtSignature]),
      [
        ["San Francisco", GEMINI_SIG],
        ["Tokyo", undefined],
      ],
    );
    noWrapper(body);
  });

  it("Codex ⇄ Gemini: a reasoning item carries the signature back onto the call", () => {
    const items = responsesItems(translate(GEMINI_SSE, gemini, openaiResponses));
    assert.equal(items[0].type, "reasoning");
    assert.match(items[0].encrypted_content, /^cr1\.google\./);
    const calls = items.filter((i) => i.type === "function_call");
    const ir = openaiResponses.decodeRequest({
      model: "gpt-5.5",
      input: [
        { type: "message", role: "user", content: [{ type: "input_text", text: "weather" }] },
        ...items,
        ...calls.map((c) => ({ type: "function_call_output", call_id: c.call_id, output: "ok" })),
      ],
    });
    const model = (gemini.encodeRequest(ir, "gemini-3-pro-preview").body.contents as Obj[])[1];
    assert.equal(model.parts[0].thoughtSignature, GEMINI_SIG);
    assert.equal(model.parts[0].functionCall.args.location, "San Francisco");
  });
});

describe("Gemini client (Gemini CLI) with Claude and OpenAI upstreams", () => {
  it("Claude's signed thinking rides on the next part's thoughtSignature and returns byte-identical", () => {
    const sse = translate(claudeToolStream(), anthropicMessages, gemini);
    const kept = geminiParts(sse);
    assert.ok(kept[0].functionCall, "the wrapper rides on the function call (thought parts are not kept)");
    assert.match(kept[0].thoughtSignature, /^cr1\.anthropic\./);
    const ir = gemini.decodeRequest(
      {
        contents: [
          { role: "user", parts: [{ text: "list files" }] },
          { role: "model", parts: kept },
          { role: "user", parts: [{ functionResponse: { name: "exec_command", response: { output: "a.txt" } } }] },
        ],
        generationConfig: { thinkingConfig: { includeThoughts: true, thinkingBudget: 4096 } },
      },
      { pathModel: "gemini-3-pro-preview" },
    );
    const { body, warnings } = anthropicMessages.encodeRequest(ir, "claude-sonnet-5");
    const assistant = (body.messages as Obj[])[1];
    assert.deepEqual(assistant.content[0], { type: "thinking", thinking: CLAUDE_THINKING, signature: CLAUDE_SIG });
    assert.equal(assistant.content[1].type, "tool_use");
    assert.equal((body.thinking as Obj)?.type, "enabled", warnings.join("; "));
    noWrapper(body);
    // Back to Gemini instead: Claude's reasoning is dropped; the call gets the documented sentinel.
    const toGemini = gemini.encodeRequest(ir, "gemini-3-pro-preview").body;
    noWrapper(toGemini);
    assert.equal((toGemini.contents as Obj[])[1].parts[0].thoughtSignature, "skip_thought_signature_validator");
  });

  it("OpenAI's encrypted reasoning survives a non-streamed Gemini client turn", () => {
    const res = openaiResponses.decodeResponse({
      id: "resp_1",
      status: "completed",
      model: "gpt-5.5",
      output: [
        { id: "rs_7", type: "reasoning", summary: [], encrypted_content: "E7" },
        { id: "fc_7", type: "function_call", call_id: "call_7", name: "read_file", arguments: '{"path":"a"}' },
      ],
    });
    const parts = ((gemini.encodeResponse(res, { model: "gemini-3-pro" }).candidates as Obj[])[0].content as Obj).parts;
    assert.equal(parts.length, 1);
    assert.match(parts[0].thoughtSignature, /^cr1\.openai\./);
    const ir = gemini.decodeRequest(
      {
        contents: [
          { role: "user", parts: [{ text: "read a" }] },
          { role: "model", parts },
          {
            role: "user",
            parts: [{ functionResponse: { id: "call_7", name: "read_file", response: { output: "x" } } }],
          },
        ],
      },
      { pathModel: "gpt-5.5" },
    );
    const input = openaiResponses.encodeRequest(ir, "gpt-5.5").body.input as Obj[];
    assert.deepEqual(input[1], { type: "reasoning", id: "rs_7", summary: [], encrypted_content: "E7" });
    assert.equal(input[2].call_id, "call_7");
  });
});

describe("Anthropic: thinking first in the last tool turn", () => {
  it("thinking blocks a client moved behind text are put back in front, so thinking stays on", () => {
    const ir = anthropicMessages.decodeRequest({
      model: "claude-sonnet-5",
      max_tokens: 20000,
      thinking: { type: "enabled", budget_tokens: 4000 },
      messages: [
        { role: "user", content: "go" },
        {
          role: "assistant",
          content: [
            { type: "text", text: "Running it." },
            { type: "thinking", thinking: "t", signature: "S" },
            { type: "tool_use", id: "toolu_1", name: "Bash", input: {} },
          ],
        },
        { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "ok" }] },
      ],
    });
    const { body } = anthropicMessages.encodeRequest(ir, "claude-sonnet-5");
    assert.deepEqual(
      (body.messages as Obj[])[1].content.map((b: Obj) => b.type),
      ["thinking", "text", "tool_use"],
    );
    assert.equal((body.thinking as Obj).type, "enabled");
  });
});
