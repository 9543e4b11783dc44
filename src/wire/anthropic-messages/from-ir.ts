/** IR → Anthropic Messages request body (outbound encode). */
import type {
  CacheControl,
  ContentPart,
  DocumentPart,
  EncodeResult,
  ImagePart,
  IRMessage,
  IRRequest,
  IRTool,
  ReasoningPart,
  TextPart,
} from "../../ir/types.js";
import { argsToObject, type Obj, parseDataUrl } from "../internal/check.js";
import { ANTHROPIC_USER_ID_MAX, anthropicToolId, boundedId } from "../internal/ids.js";
import { isWrapped } from "../reasoning-carry.js";

/** Output-token ceilings by model name, for requests that carry no max_tokens (Anthropic requires one). */
const MAX_OUTPUT: Array<[RegExp, number]> = [
  [/claude-3-haiku|claude-3-opus|claude-3-sonnet/, 4096],
  [/claude-3-5/, 8192],
  [/opus-4-0|opus-4-1|claude-opus-4-2025/, 32000],
];
const DEFAULT_MAX_TOKENS = 32000;

export function defaultMaxTokens(model: string): number {
  for (const [re, n] of MAX_OUTPUT) if (re.test(model)) return Math.min(n, DEFAULT_MAX_TOKENS);
  return DEFAULT_MAX_TOKENS;
}

const EFFORT_BUDGET = { minimal: 1024, low: 4096, medium: 10000, high: 24000, xhigh: 32000 } as const;
const MIN_BUDGET = 1024;

const cc = (c: CacheControl | undefined): Obj =>
  c ? { cache_control: c.ttl ? { type: c.type, ttl: c.ttl } : { type: c.type } } : {};

function imageBlock(p: ImagePart, warnings: string[]): Obj | undefined {
  if (p.data)
    return {
      type: "image",
      source: { type: "base64", media_type: p.mediaType ?? "image/png", data: p.data },
      ...cc(p.cacheControl),
    };
  if (p.url) {
    const d = parseDataUrl(p.url);
    if (d)
      return {
        type: "image",
        source: { type: "base64", media_type: d.mediaType, data: d.data },
        ...cc(p.cacheControl),
      };
    return { type: "image", source: { type: "url", url: p.url }, ...cc(p.cacheControl) };
  }
  warnings.push("image part without data or url dropped");
  return undefined;
}

function documentBlock(p: DocumentPart, warnings: string[]): Obj | undefined {
  const title = p.title ? { title: p.title } : {};
  if (p.data) {
    const mediaType = p.mediaType ?? "application/pdf";
    if (mediaType === "text/plain") {
      return {
        type: "document",
        source: { type: "text", media_type: "text/plain", data: Buffer.from(p.data, "base64").toString("utf8") },
        ...title,
        ...cc(p.cacheControl),
      };
    }
    return {
      type: "document",
      source: { type: "base64", media_type: mediaType, data: p.data },
      ...title,
      ...cc(p.cacheControl),
    };
  }
  if (p.url) {
    const d = parseDataUrl(p.url);
    const source = d ? { type: "base64", media_type: d.mediaType, data: d.data } : { type: "url", url: p.url };
    return { type: "document", source, ...title, ...cc(p.cacheControl) };
  }
  warnings.push("document part without data or url dropped");
  return undefined;
}

function reasoningBlock(p: ReasoningPart, warnings: string[]): Obj | undefined {
  if (p.family !== "anthropic") {
    warnings.push(`reasoning from the ${p.family} family dropped (not portable to Anthropic)`);
    return undefined;
  }
  if (isWrapped(p.signature) || isWrapped(p.encrypted)) {
    warnings.push("undecoded CodeRouter reasoning wrapper dropped (never sent to a provider)");
    return undefined;
  }
  if (p.encrypted && !p.signature) return { type: "redacted_thinking", data: p.encrypted };
  if (p.signature) return { type: "thinking", thinking: p.text, signature: p.signature };
  warnings.push("thinking block without signature dropped");
  return undefined;
}

function partToBlock(p: ContentPart, warnings: string[]): Obj | undefined {
  switch (p.type) {
    case "text":
      return p.text === "" ? undefined : { type: "text", text: p.text, ...cc(p.cacheControl) };
    case "image":
      return imageBlock(p, warnings);
    case "document":
      return documentBlock(p, warnings);
    case "tool_call":
      // Freeform (custom) tool input travels as the one string field of the JSON tool it was mapped to.
      return {
        type: "tool_use",
        id: anthropicToolId(p.id),
        name: p.name,
        input: p.kind === "custom" ? { input: p.arguments } : argsToObject(p.arguments),
        ...cc(p.cacheControl),
      };
    case "tool_result": {
      const content = p.content
        .map((c) =>
          c.type === "text"
            ? c.text === ""
              ? undefined
              : { type: "text", text: c.text, ...cc(c.cacheControl) }
            : imageBlock(c, warnings),
        )
        .filter((c): c is Obj => c !== undefined);
      return {
        type: "tool_result",
        tool_use_id: anthropicToolId(p.callId),
        ...(content.length > 0 ? { content } : {}),
        ...(p.isError ? { is_error: true } : {}),
        ...cc(p.cacheControl),
      };
    }
    case "reasoning":
      return reasoningBlock(p, warnings);
  }
}

/** Alternating roles: consecutive same-role messages merge; in user turns tool results come first. */
export function encodeMessages(messages: IRMessage[], warnings: string[]): Obj[] {
  const out: Array<{ role: IRMessage["role"]; content: Obj[] }> = [];
  for (const m of messages) {
    const blocks = m.content.map((p) => partToBlock(p, warnings)).filter((b): b is Obj => b !== undefined);
    if (blocks.length === 0) continue;
    const last = out[out.length - 1];
    if (last && last.role === m.role) last.content.push(...blocks);
    else out.push({ role: m.role, content: blocks });
  }
  for (const m of out) {
    if (m.role !== "user") continue;
    const results = m.content.filter((b) => b.type === "tool_result");
    if (results.length > 0 && results.length < m.content.length)
      m.content = [...results, ...m.content.filter((b) => b.type !== "tool_result")];
  }
  if (out.length > 0 && out[0].role !== "user") {
    warnings.push("conversation started with an assistant turn; inserted an empty user turn");
    out.unshift({ role: "user", content: [{ type: "text", text: "(continue)" }] });
  }
  return out;
}

function encodeTool(t: IRTool, warnings: string[]): Obj {
  if (t.kind === "custom") {
    warnings.push(`custom (freeform) tool ${t.name} sent as a JSON tool with one string field "input"`);
    return {
      name: t.name,
      ...(t.description ? { description: t.description } : {}),
      input_schema: {
        type: "object",
        properties: { input: { type: "string", description: "Raw freeform tool input" } },
        required: ["input"],
      },
      ...cc(t.cacheControl),
    };
  }
  return {
    name: t.name,
    ...(t.description ? { description: t.description } : {}),
    input_schema: t.parameters ?? { type: "object", properties: {} },
    ...(t.strict !== undefined ? { strict: t.strict } : {}),
    ...cc(t.cacheControl),
  };
}

function systemBlocks(system: TextPart[]): Obj[] {
  return system.filter((p) => p.text !== "").map((p) => ({ type: "text", text: p.text, ...cc(p.cacheControl) }));
}

const isThinking = (b: Obj): boolean => b.type === "thinking" || b.type === "redacted_thinking";

/**
 * Anthropic's rule with thinking on: the last assistant turn, when it calls tools, must start with its thinking
 * block(s). A client that reordered the blocks (text first) gets them moved to the front, unaltered; returns
 * false when the turn has no thinking block at all (then thinking cannot be enabled for this request).
 */
function lastToolTurnStartsWithThinking(messages: Obj[], warnings: string[]): boolean {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.role !== "assistant") continue;
    const content = m.content as Obj[];
    if (!content.some((b) => b.type === "tool_use") || isThinking(content[0] ?? {})) return true;
    const thinking = content.filter(isThinking);
    if (thinking.length === 0) return false;
    m.content = [...thinking, ...content.filter((b) => !isThinking(b))];
    warnings.push("thinking blocks of the last assistant tool turn moved to its start (Anthropic requires it)");
    return true;
  }
  return true;
}

export function encodeRequest(req: IRRequest, model: string): EncodeResult {
  const warnings: string[] = [];
  const messages = encodeMessages(req.messages, warnings);
  const body: Obj = { model, max_tokens: req.maxTokens ?? defaultMaxTokens(model) };
  const system = systemBlocks(req.system);
  if (system.length > 0) body.system = system;
  body.messages = messages;
  if (req.tools.length > 0) body.tools = req.tools.map((t) => encodeTool(t, warnings));
  if (req.toolChoice && req.tools.length > 0) {
    const c = req.toolChoice;
    body.tool_choice =
      c.type === "required" ? { type: "any" } : c.type === "tool" ? { type: "tool", name: c.name } : { type: c.type };
  }
  if (req.parallelToolCalls === false && req.tools.length > 0) {
    body.tool_choice = {
      ...((body.tool_choice as Obj | undefined) ?? { type: "auto" }),
      disable_parallel_tool_use: true,
    };
  }
  if (req.stop && req.stop.length > 0) body.stop_sequences = req.stop;
  let thinking = false;
  if (req.reasoning?.enabled) {
    const maxTokens = body.max_tokens as number;
    let budget = req.reasoning.budgetTokens ?? EFFORT_BUDGET[req.reasoning.effort ?? "medium"];
    if (budget >= maxTokens) budget = maxTokens - 1;
    if (budget < MIN_BUDGET)
      warnings.push(
        `thinking dropped: max_tokens ${maxTokens} leaves no room for the ${MIN_BUDGET}-token minimum budget`,
      );
    else if (!lastToolTurnStartsWithThinking(messages, warnings))
      warnings.push("thinking dropped: the last assistant tool call has no thinking block to continue from");
    else {
      body.thinking = { type: "enabled", budget_tokens: Math.max(MIN_BUDGET, budget) };
      thinking = true;
    }
  } else if (req.reasoning && !req.reasoning.enabled && req.sourceApi === "anthropic-messages") {
    body.thinking = { type: "disabled" };
  }
  if (req.temperature !== undefined) {
    if (thinking && req.temperature !== 1)
      warnings.push("temperature dropped: Anthropic requires temperature 1 with thinking");
    else if (req.temperature > 1) {
      warnings.push(`temperature ${req.temperature} clamped to Anthropic's maximum of 1`);
      body.temperature = 1;
    } else body.temperature = req.temperature;
  }
  if (req.topP !== undefined) {
    if (thinking && req.topP < 0.95) warnings.push("top_p dropped: below 0.95 is not allowed with thinking");
    else body.top_p = req.topP;
  }
  if (req.topK !== undefined) {
    if (thinking) warnings.push("top_k dropped: not allowed with thinking");
    else body.top_k = req.topK;
  }
  if (req.responseFormat) {
    if (req.responseFormat.type === "json_schema")
      body.output_config = { format: { type: "json_schema", schema: req.responseFormat.schema } };
    else warnings.push("response_format json_object has no Anthropic equivalent; dropped");
  }
  if (req.user) body.metadata = { user_id: boundedId(req.user, ANTHROPIC_USER_ID_MAX, "cr_") };
  if (req.stream) body.stream = true;
  return { body, warnings };
}
