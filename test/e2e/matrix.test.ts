/**
 * Every inbound API × every upstream wire format, streamed and not, with the official SDKs as clients:
 * a tool-offering turn must come back as the upstream's (parallel) tool calls, a tool-result turn as text,
 * with decision headers and usage — through a real router on a loopback port and a fake upstream replaying
 * recorded provider streams.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import Anthropic from "@anthropic-ai/sdk";
import { GoogleGenAI } from "@google/genai";
import OpenAI from "openai";
import type { ApiKind, IRResponse } from "../../src/ir/types.js";
import type { RunningServer } from "../../src/server/index.js";
import { SSEParser } from "../../src/sse/parser.js";
import { WIRES } from "../../src/wire/index.js";
import { FakeUpstream, fixture } from "../helpers/fake-upstream.js";
import { startRouter, TEST_MODELS } from "../helpers/router.js";

const FORMATS: ApiKind[] = ["anthropic-messages", "openai-chat", "openai-responses", "gemini"];

/** What the upstream fixture says, decoded by our own decoders (so the check is fixture → client, not hand-typed). */
function expected(format: ApiKind, name: string, stream: boolean): IRResponse["content"] {
  const wire = WIRES[format];
  if (!stream) return wire.decodeResponse(JSON.parse(fixture(format, name, "json"))).content;
  const p = new SSEParser();
  const d = wire.createStreamDecoder();
  const calls: Record<number, { type: string; id?: string; name?: string; text: string }> = {};
  const evs = [...p.push(Buffer.from(fixture(format, name, "sse"))), ...p.end()].flatMap((e) => d.push(e));
  evs.push(...d.end());
  for (const ev of evs) {
    if (ev.type === "block_start")
      calls[ev.index] = {
        type: ev.block.type,
        text: "",
        ...(ev.block.type === "tool_call" ? { id: ev.block.id, name: ev.block.name } : {}),
      };
    if (ev.type === "block_delta" && (ev.delta.type === "text" || ev.delta.type === "tool_args"))
      calls[ev.index].text += ev.delta.type === "text" ? ev.delta.text : ev.delta.partial;
  }
  return Object.values(calls)
    .filter((c) => c.type !== "reasoning")
    .map((c) =>
      c.type === "tool_call"
        ? { type: "tool_call", id: c.id!, name: c.name!, arguments: c.text }
        : { type: "text", text: c.text },
    ) as IRResponse["content"];
}

const toolCalls = (content: IRResponse["content"]) =>
  content
    .filter((p) => p.type === "tool_call")
    .map((p) => ({ name: (p as any).name, args: JSON.parse((p as any).arguments || "{}") }));
const text = (content: IRResponse["content"]) =>
  content
    .filter((p) => p.type === "text")
    .map((p) => (p as any).text)
    .join("");

const WEATHER = {
  name: "get_weather",
  description: "Get the weather for a city",
  parameters: { type: "object", properties: { location: { type: "string" } }, required: ["location"] },
};

interface Outcome {
  headers: Headers | Record<string, string>;
  calls: Array<{ name: string; args: unknown }>;
  text: string;
  inputTokens: number;
  outputTokens: number;
}

const h = (headers: Headers | Record<string, string>, name: string) =>
  headers instanceof Headers ? headers.get(name) : (headers as Record<string, string>)[name];

/** One client call per inbound API; `withResult` sends the follow-up turn carrying a tool result. */
async function callClient(
  api: ApiKind,
  base: string,
  pin: string,
  stream: boolean,
  withResult: boolean,
): Promise<Outcome> {
  const headers = { "x-coderouter-model": pin };
  if (api === "anthropic-messages") {
    const client = new Anthropic({ apiKey: "client-key", baseURL: base, defaultHeaders: headers, maxRetries: 0 });
    const messages: Anthropic.MessageParam[] = [{ role: "user", content: "What's the weather in Paris and in Tokyo?" }];
    if (withResult) {
      messages.push({
        role: "assistant",
        content: [{ type: "tool_use", id: "toolu_1", name: "get_weather", input: { location: "Paris" } }],
      });
      messages.push({
        role: "user",
        content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "18°C, sunny" }],
      });
    }
    const params = {
      model: "claude-opus-4-8",
      max_tokens: 1024,
      messages,
      tools: [{ name: WEATHER.name, description: WEATHER.description, input_schema: WEATHER.parameters as any }],
    };
    if (!stream) {
      const { data, response } = await client.messages.create(params).withResponse();
      return {
        headers: response.headers,
        calls: data.content.filter((b) => b.type === "tool_use").map((b: any) => ({ name: b.name, args: b.input })),
        text: data.content
          .filter((b) => b.type === "text")
          .map((b: any) => b.text)
          .join(""),
        inputTokens: data.usage.input_tokens,
        outputTokens: data.usage.output_tokens,
      };
    }
    const s = client.messages.stream(params);
    const { response } = await s.withResponse();
    const msg = await s.finalMessage();
    return {
      headers: response.headers,
      calls: msg.content.filter((b) => b.type === "tool_use").map((b: any) => ({ name: b.name, args: b.input })),
      text: msg.content
        .filter((b) => b.type === "text")
        .map((b: any) => b.text)
        .join(""),
      inputTokens: msg.usage.input_tokens,
      outputTokens: msg.usage.output_tokens,
    };
  }
  if (api === "openai-chat") {
    const client = new OpenAI({ apiKey: "client-key", baseURL: `${base}/v1`, defaultHeaders: headers, maxRetries: 0 });
    const messages: OpenAI.ChatCompletionMessageParam[] = [
      { role: "user", content: "What's the weather in Paris and in Tokyo?" },
    ];
    if (withResult) {
      messages.push({
        role: "assistant",
        content: null,
        tool_calls: [
          { id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"location":"Paris"}' } },
        ],
      });
      messages.push({ role: "tool", tool_call_id: "call_1", content: "18°C, sunny" });
    }
    const params = { model: "gpt-5.5", messages, tools: [{ type: "function" as const, function: WEATHER }] };
    if (!stream) {
      const { data, response } = await client.chat.completions.create(params).withResponse();
      const m = data.choices[0].message;
      return {
        headers: response.headers,
        calls: (m.tool_calls ?? []).map((c: any) => ({
          name: c.function.name,
          args: JSON.parse(c.function.arguments),
        })),
        text: m.content ?? "",
        inputTokens: data.usage?.prompt_tokens ?? -1,
        outputTokens: data.usage?.completion_tokens ?? -1,
      };
    }
    const s = client.chat.completions.stream({ ...params, stream_options: { include_usage: true } });
    const final = await s.finalChatCompletion();
    const m = final.choices[0].message;
    return {
      headers: {},
      calls: (m.tool_calls ?? []).map((c: any) => ({ name: c.function.name, args: JSON.parse(c.function.arguments) })),
      text: m.content ?? "",
      inputTokens: final.usage?.prompt_tokens ?? -1,
      outputTokens: final.usage?.completion_tokens ?? -1,
    };
  }
  if (api === "openai-responses") {
    const client = new OpenAI({ apiKey: "client-key", baseURL: `${base}/v1`, defaultHeaders: headers, maxRetries: 0 });
    const input: any[] = [{ role: "user", content: "What's the weather in Paris and in Tokyo?" }];
    if (withResult) {
      input.push({ type: "function_call", call_id: "call_1", name: "get_weather", arguments: '{"location":"Paris"}' });
      input.push({ type: "function_call_output", call_id: "call_1", output: "18°C, sunny" });
    }
    const params = { model: "gpt-5.5", input, tools: [{ type: "function" as const, ...WEATHER, strict: false }] };
    const res = stream ? await client.responses.stream(params).finalResponse() : await client.responses.create(params);
    return {
      headers: {},
      calls: res.output
        .filter((o: any) => o.type === "function_call")
        .map((o: any) => ({ name: o.name, args: JSON.parse(o.arguments) })),
      text: res.output_text ?? "",
      inputTokens: res.usage?.input_tokens ?? -1,
      outputTokens: res.usage?.output_tokens ?? -1,
    };
  }
  const ai = new GoogleGenAI({ apiKey: "client-key", httpOptions: { baseUrl: base, headers } });
  const contents: any[] = [{ role: "user", parts: [{ text: "What's the weather in Paris and in Tokyo?" }] }];
  if (withResult) {
    contents.push({ role: "model", parts: [{ functionCall: { name: "get_weather", args: { location: "Paris" } } }] });
    contents.push({
      role: "user",
      parts: [{ functionResponse: { name: "get_weather", response: { result: "18°C, sunny" } } }],
    });
  }
  const req = {
    model: "gemini-3-pro",
    contents,
    config: {
      tools: [
        {
          functionDeclarations: [
            { name: WEATHER.name, description: WEATHER.description, parametersJsonSchema: WEATHER.parameters },
          ],
        },
      ],
    },
  };
  const calls: Array<{ name: string; args: unknown }> = [];
  let t = "";
  let usage: any;
  if (!stream) {
    const r = await ai.models.generateContent(req);
    for (const p of r.candidates?.[0]?.content?.parts ?? []) {
      if (p.functionCall) calls.push({ name: p.functionCall.name!, args: p.functionCall.args });
      if (p.text && !p.thought) t += p.text;
    }
    usage = r.usageMetadata;
  } else {
    for await (const chunk of await ai.models.generateContentStream(req)) {
      for (const p of chunk.candidates?.[0]?.content?.parts ?? []) {
        if (p.functionCall) calls.push({ name: p.functionCall.name!, args: p.functionCall.args });
        if (p.text && !p.thought) t += p.text;
      }
      if (chunk.usageMetadata) usage = chunk.usageMetadata;
    }
  }
  return {
    headers: {},
    calls,
    text: t,
    inputTokens: usage?.promptTokenCount ?? -1,
    outputTokens: usage?.candidatesTokenCount ?? -1,
  };
}

describe("inbound × upstream matrix through the router", () => {
  let up: FakeUpstream;
  let router: RunningServer;
  before(async () => {
    up = await new FakeUpstream().start();
    router = await startRouter(up);
  });
  after(async () => {
    await router.close();
    await up.stop();
  });

  for (const inbound of FORMATS) {
    for (const target of FORMATS) {
      for (const stream of [false, true]) {
        test(`${inbound} → ${target}${stream ? " (stream)" : ""}: parallel tool calls, then tool result → text`, async () => {
          const pin = TEST_MODELS[target];
          const before = up.received.length;
          const first = await callClient(inbound, router.url, pin, stream, false);
          assert.equal(up.received.length, before + 1, "one upstream call");
          const sent = up.received.at(-1)!;
          assert.equal(sent.format, target, "the upstream saw its own wire format");
          assert.deepEqual(first.calls, toolCalls(expected(target, "tool-calls", stream)), "tool calls arrive intact");
          assert.ok(first.calls.length >= 1);
          if (first.headers instanceof Headers) {
            assert.equal(h(first.headers, "x-coderouter-model"), pin);
            assert.match(h(first.headers, "x-coderouter-request-id") ?? "", /^cr_/);
            assert.ok(h(first.headers, "x-coderouter-phase"));
          }
          assert.ok(first.inputTokens >= 0 && first.outputTokens >= 0, "usage reported");

          const second = await callClient(inbound, router.url, pin, stream, true);
          const sent2 = up.received.at(-1)!;
          assert.match(JSON.stringify(sent2.body), /18°C, sunny/, "the tool result reached the upstream");
          assert.equal(second.text, text(expected(target, "text", stream)), "final text arrives intact");
        });
      }
    }
  }
});
