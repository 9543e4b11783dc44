/** IR → OpenAI Chat Completions request body (outbound encode). */
import type { ContentPart, EncodeResult, IRMessage, IRRequest, IRTool, ToolResultPart } from "../../ir/types.js";
import type { Obj } from "../internal/check.js";
import { boundedId, CHAT_TOOL_ID_MAX, OPENAI_ID_MAX, opaqueId } from "../internal/ids.js";

/** OpenAI Chat tool call ids are limited to 40 chars; longer ones get a stable hash (call and result still match). */
const toolId = (id: string): string => boundedId(id, CHAT_TOOL_ID_MAX);

/** OpenAI models that take `max_completion_tokens` / `reasoning_effort` and reject sampling params with reasoning. */
const OPENAI_MODERN = /^(o\d|gpt-4\.1|gpt-4o|gpt-5|gpt-6|chatgpt-)/;
const OPENAI_REASONING = /^(o\d|gpt-5|gpt-6|gpt-oss)/;
const OPENAI_NATIVE = /^(o\d|gpt-|chatgpt-)/;

const dataUrl = (mediaType: string | undefined, data: string) =>
  `data:${mediaType ?? "application/octet-stream"};base64,${data}`;

function userPart(p: ContentPart, warnings: string[]): Obj | undefined {
  switch (p.type) {
    case "text":
      return { type: "text", text: p.text };
    case "image":
      if (p.data) return { type: "image_url", image_url: { url: dataUrl(p.mediaType ?? "image/png", p.data) } };
      if (p.url) return { type: "image_url", image_url: { url: p.url } };
      warnings.push("image part without data or url dropped");
      return undefined;
    case "document":
      if (p.data)
        return {
          type: "file",
          file: { file_data: dataUrl(p.mediaType ?? "application/pdf", p.data), filename: p.title ?? "document.pdf" },
        };
      warnings.push("document given by URL cannot be sent to OpenAI Chat; replaced by a placeholder");
      return { type: "text", text: `[document: ${p.url ?? p.title ?? "unavailable"}]` };
    default:
      return undefined;
  }
}

/** Single text part → plain string (widest compatibility), else an array of parts. */
function userContent(parts: Obj[]): string | Obj[] {
  return parts.length === 1 && parts[0].type === "text" ? (parts[0].text as string) : parts;
}

function toolMessage(r: ToolResultPart, warnings: string[]): Obj {
  const texts = r.content.filter((c) => c.type === "text").map((c) => c.text);
  if (r.content.some((c) => c.type === "image"))
    warnings.push("image inside a tool result cannot be sent as an OpenAI tool message; dropped");
  let content = texts.join("\n");
  if (r.isError) content = content ? `[tool error] ${content}` : "[tool error]";
  return { role: "tool", tool_call_id: toolId(r.callId), content };
}

function encodeMessage(m: IRMessage, out: Obj[], warnings: string[], note: (w: string) => void): void {
  if (m.role === "user") {
    const results = m.content.filter((p): p is ToolResultPart => p.type === "tool_result");
    for (const r of results) out.push(toolMessage(r, warnings));
    const parts = m.content.map((p) => userPart(p, warnings)).filter((p): p is Obj => p !== undefined);
    if (parts.length > 0) out.push({ role: "user", content: userContent(parts) });
    return;
  }
  const text = m.content
    .filter((p) => p.type === "text")
    .map((p) => (p as { text: string }).text)
    .join("");
  const calls: Obj[] = [];
  for (const p of m.content) {
    if (p.type === "tool_call") {
      calls.push(
        p.kind === "custom"
          ? { id: toolId(p.id), type: "custom", custom: { name: p.name, input: p.arguments } }
          : {
              id: toolId(p.id),
              type: "function",
              function: { name: p.name, arguments: p.arguments === "" ? "{}" : p.arguments },
            },
      );
    } else if (p.type === "reasoning") note("reasoning blocks dropped: OpenAI Chat has no reasoning input");
    else if (p.type === "image" || p.type === "document")
      note("assistant images/documents dropped: not allowed in OpenAI assistant messages");
  }
  if (!text && calls.length === 0) return;
  const msg: Obj = { role: "assistant", content: text || null };
  if (calls.length > 0) msg.tool_calls = calls;
  out.push(msg);
}

function encodeTool(t: IRTool): Obj {
  if (t.kind === "custom") {
    return {
      type: "custom",
      custom: {
        name: t.name,
        ...(t.description ? { description: t.description } : {}),
        ...(t.format !== undefined ? { format: t.format } : {}),
      },
    };
  }
  return {
    type: "function",
    function: {
      name: t.name,
      ...(t.description ? { description: t.description } : {}),
      parameters: t.parameters ?? { type: "object", properties: {} },
      ...(t.strict !== undefined ? { strict: t.strict } : {}),
    },
  };
}

function effortFor(r: NonNullable<IRRequest["reasoning"]>): string {
  if (r.effort) return r.effort === "xhigh" ? "high" : r.effort;
  const b = r.budgetTokens;
  if (b === undefined) return "medium";
  return b < 4096 ? "low" : b < 16000 ? "medium" : "high";
}

export function encodeRequest(req: IRRequest, model: string): EncodeResult {
  const warnings: string[] = [];
  const noted = new Set<string>();
  const note = (w: string) => {
    if (noted.has(w)) return;
    noted.add(w);
    warnings.push(w);
  };
  const messages: Obj[] = [];
  const sys = req.system.map((p) => p.text).filter((t) => t !== "");
  if (sys.length > 0) messages.push({ role: "system", content: sys.join("\n\n") });
  for (const m of req.messages) encodeMessage(m, messages, warnings, note);

  const body: Obj = { model, messages };
  const reasoningModel = OPENAI_REASONING.test(model);
  if (req.maxTokens !== undefined)
    body[OPENAI_MODERN.test(model) ? "max_completion_tokens" : "max_tokens"] = req.maxTokens;
  if (req.temperature !== undefined) {
    if (reasoningModel && req.temperature !== 1)
      warnings.push("temperature dropped: not supported by OpenAI reasoning models");
    else body.temperature = req.temperature;
  }
  if (req.topP !== undefined) {
    if (reasoningModel) warnings.push("top_p dropped: not supported by OpenAI reasoning models");
    else body.top_p = req.topP;
  }
  if (req.topK !== undefined) warnings.push("top_k dropped: OpenAI Chat has no top_k");
  if (req.stop && req.stop.length > 0) {
    if (req.stop.length > 4) warnings.push(`stop: only the first 4 of ${req.stop.length} sequences kept`);
    body.stop = req.stop.slice(0, 4);
  }
  if (req.tools.length > 0) {
    body.tools = req.tools.map(encodeTool);
    if (req.toolChoice) {
      const c = req.toolChoice;
      if (c.type === "tool") {
        const custom = req.tools.find((t) => t.name === c.name)?.kind === "custom";
        body.tool_choice = custom
          ? { type: "custom", custom: { name: c.name } }
          : { type: "function", function: { name: c.name } };
      } else body.tool_choice = c.type;
    }
    if (req.parallelToolCalls !== undefined) body.parallel_tool_calls = req.parallelToolCalls;
  }
  if (req.reasoning?.enabled) {
    if (reasoningModel) body.reasoning_effort = effortFor(req.reasoning);
    else warnings.push(`reasoning request dropped: ${model} takes no reasoning_effort`);
  }
  if (req.responseFormat) {
    const f = req.responseFormat;
    body.response_format =
      f.type === "json_object"
        ? { type: "json_object" }
        : {
            type: "json_schema",
            json_schema: {
              name: f.name ?? "response",
              schema: f.schema,
              ...(f.strict !== undefined ? { strict: f.strict } : {}),
            },
          };
  }
  // OpenAI limits both to 64 chars; a longer or non-plain id (Claude Code's JSON user_id) becomes a stable hash.
  if (req.user) body.user = opaqueId(req.user, OPENAI_ID_MAX);
  if (req.promptCacheKey && OPENAI_NATIVE.test(model))
    body.prompt_cache_key = opaqueId(req.promptCacheKey, OPENAI_ID_MAX);
  if (req.stream) {
    body.stream = true;
    body.stream_options = { include_usage: true };
  }
  return { body, warnings };
}
