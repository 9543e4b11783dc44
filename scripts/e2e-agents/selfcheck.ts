/**
 * Self-check of the fake upstream with the official SDKs (which assemble streams strictly): for each provider
 * format, a streamed first turn must come back as a complete shell tool call and the turn carrying its result as
 * "Done.". The real CLIs cover Anthropic and Responses in `run.ts --direct`; this also covers Chat and Gemini.
 *
 *   node --import tsx scripts/e2e-agents/selfcheck.ts
 */
import assert from "node:assert/strict";
import Anthropic from "@anthropic-ai/sdk";
import { GoogleGenAI } from "@google/genai";
import OpenAI from "openai";
import { FINAL_TEXT, ScriptedUpstream, TOOL_COMMAND } from "./fake-upstream.js";

const up = await new ScriptedUpstream().start();
const results: string[] = [];
const pass = (name: string) => results.push(`PASS  ${name}`);

try {
  // Anthropic Messages
  up.reset();
  const anthropic = new Anthropic({ apiKey: "dummy", baseURL: up.url });
  const tools = [{ name: "Bash", description: "run", input_schema: { type: "object" as const, properties: {} } }];
  const m1 = await anthropic.messages
    .stream({ model: "claude-x", max_tokens: 100, tools, messages: [{ role: "user", content: "go" }] })
    .finalMessage();
  const use = m1.content.find((b) => b.type === "tool_use");
  assert.equal(m1.stop_reason, "tool_use");
  assert.deepEqual((use as any).input.command, TOOL_COMMAND);
  const m2 = await anthropic.messages
    .stream({
      model: "claude-x",
      max_tokens: 100,
      tools,
      messages: [
        { role: "user", content: "go" },
        { role: "assistant", content: m1.content },
        { role: "user", content: [{ type: "tool_result", tool_use_id: (use as any).id, content: "ok" }] },
      ],
    })
    .finalMessage();
  assert.equal((m2.content[0] as any).text, FINAL_TEXT);
  pass("anthropic-messages stream: tool_use, then text after tool_result");

  // OpenAI Chat Completions
  up.reset();
  const openai = new OpenAI({ apiKey: "dummy", baseURL: `${up.url}/v1` });
  const ctools = [{ type: "function" as const, function: { name: "exec_command", parameters: { type: "object" } } }];
  const c1 = await openai.chat.completions
    .stream({
      model: "gpt-x",
      tools: ctools,
      messages: [{ role: "user", content: "go" }],
      stream_options: { include_usage: true },
    })
    .finalChatCompletion();
  const tc = c1.choices[0].message.tool_calls?.[0] as any;
  assert.equal(c1.choices[0].finish_reason, "tool_calls");
  assert.equal(JSON.parse(tc.function.arguments).cmd, TOOL_COMMAND);
  assert.ok(c1.usage?.total_tokens);
  const c2 = await openai.chat.completions
    .stream({
      model: "gpt-x",
      tools: ctools,
      messages: [
        { role: "user", content: "go" },
        c1.choices[0].message as any,
        { role: "tool", tool_call_id: tc.id, content: "ok" },
      ],
    })
    .finalChatCompletion();
  assert.equal(c2.choices[0].message.content, FINAL_TEXT);
  pass("openai-chat stream: tool_calls, then text after role tool");

  // OpenAI Responses
  up.reset();
  const rtools = [{ type: "function" as const, name: "exec_command", parameters: { type: "object" }, strict: false }];
  const r1 = await openai.responses.stream({ model: "gpt-x", tools: rtools, input: "go" }).finalResponse();
  const fc = r1.output.find((i) => i.type === "function_call") as any;
  assert.equal(JSON.parse(fc.arguments).cmd, TOOL_COMMAND);
  const r2 = await openai.responses
    .stream({
      model: "gpt-x",
      tools: rtools,
      input: [
        { role: "user", content: "go" },
        { type: "function_call", call_id: fc.call_id, name: fc.name, arguments: fc.arguments },
        { type: "function_call_output", call_id: fc.call_id, output: "ok" },
      ],
    })
    .finalResponse();
  assert.equal(r2.output_text, FINAL_TEXT);
  pass("openai-responses stream: function_call, then text after function_call_output");

  // Gemini
  up.reset();
  const genai = new GoogleGenAI({ apiKey: "dummy", httpOptions: { baseUrl: up.url } });
  const config = {
    tools: [{ functionDeclarations: [{ name: "run_shell_command", parameters: { type: "object" } as any }] }],
  };
  let call: any;
  for await (const ch of await genai.models.generateContentStream({ model: "gemini-x", contents: "go", config }))
    call ??= ch.functionCalls?.[0];
  assert.equal(call?.args?.command, TOOL_COMMAND);
  let text = "";
  for await (const ch of await genai.models.generateContentStream({
    model: "gemini-x",
    config,
    contents: [
      { role: "user", parts: [{ text: "go" }] },
      { role: "model", parts: [{ functionCall: call }] },
      { role: "user", parts: [{ functionResponse: { name: call.name, response: { output: "ok" } } }] },
    ],
  }))
    text += ch.text ?? "";
  assert.equal(text, FINAL_TEXT);
  pass("gemini stream: functionCall, then text after functionResponse");
} finally {
  await up.stop();
}
process.stdout.write(`${results.join("\n")}\n`);
