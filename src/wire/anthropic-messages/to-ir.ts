/** Anthropic Messages request body → IR (inbound decode). */
import { invalid } from "../../errors/index.js";
import type {
  CacheControl,
  ContentPart,
  DocumentPart,
  ImagePart,
  IRMessage,
  IRRequest,
  IRTool,
  IRToolChoice,
  TextPart,
} from "../../ir/types.js";
import { arr, isObj, type Obj, obj, optBool, optNum, optStr, parseDataUrl, str } from "../internal/check.js";
import { restoreReasoning } from "../reasoning-carry.js";

type Effort = NonNullable<IRRequest["reasoning"]>["effort"];

export function cacheControlFrom(v: unknown): CacheControl | undefined {
  if (!isObj(v) || v.type !== "ephemeral") return undefined;
  return v.ttl === "1h" || v.ttl === "5m" ? { type: "ephemeral", ttl: v.ttl } : { type: "ephemeral" };
}

const withCache = <T extends object>(part: T, b: Obj): T => {
  const cc = cacheControlFrom(b.cache_control);
  return cc ? { ...part, cacheControl: cc } : part;
};

function textPart(b: Obj, path: string): TextPart {
  return withCache<TextPart>({ type: "text", text: str(b.text, `${path}.text`) }, b);
}

function imagePart(b: Obj, path: string): ImagePart {
  const src = obj(b.source, `${path}.source`);
  if (src.type === "base64") {
    return withCache(
      {
        type: "image",
        mediaType: optStr(src.media_type, `${path}.source.media_type`),
        data: str(src.data, `${path}.source.data`),
      },
      b,
    );
  }
  if (src.type === "url") {
    const url = str(src.url, `${path}.source.url`);
    const d = parseDataUrl(url);
    return withCache(d ? { type: "image", mediaType: d.mediaType, data: d.data } : { type: "image", url }, b);
  }
  throw invalid(`${path}.source.type: unsupported image source ${JSON.stringify(src.type)} (base64 or url)`);
}

function documentPart(b: Obj, path: string, warnings: string[]): DocumentPart | TextPart | undefined {
  const src = obj(b.source, `${path}.source`);
  const title = optStr(b.title, `${path}.title`);
  if (src.type === "base64") {
    const p: DocumentPart = {
      type: "document",
      mediaType: optStr(src.media_type, `${path}.source.media_type`),
      data: str(src.data, `${path}.source.data`),
    };
    return withCache(title ? { ...p, title } : p, b);
  }
  if (src.type === "url") {
    const p: DocumentPart = { type: "document", url: str(src.url, `${path}.source.url`) };
    return withCache(title ? { ...p, title } : p, b);
  }
  if (src.type === "text") {
    return withCache<TextPart>({ type: "text", text: str(src.data, `${path}.source.data`) }, b);
  }
  warnings.push(`${path}: document source ${JSON.stringify(src.type)} is not supported; dropped`);
  return undefined;
}

function toolResultContent(v: unknown, path: string, warnings: string[]): Array<TextPart | ImagePart> {
  if (v === undefined || v === null) return [];
  if (typeof v === "string") return v === "" ? [] : [{ type: "text", text: v }];
  const out: Array<TextPart | ImagePart> = [];
  arr(v, path).forEach((raw, i) => {
    const b = obj(raw, `${path}[${i}]`);
    if (b.type === "text") out.push(textPart(b, `${path}[${i}]`));
    else if (b.type === "image") out.push(imagePart(b, `${path}[${i}]`));
    else if (b.type === "document") {
      const d = documentPart(b, `${path}[${i}]`, warnings);
      if (d?.type === "text") out.push(d);
      else if (d) {
        warnings.push(`${path}[${i}]: document inside tool_result kept as a placeholder`);
        out.push({ type: "text", text: `[document${d.title ? `: ${d.title}` : ""}]` });
      }
    } else if (b.type === "search_result" || b.type === "tool_reference") {
      out.push({ type: "text", text: JSON.stringify(b) });
    } else warnings.push(`${path}[${i}]: tool_result block type ${JSON.stringify(b.type)} dropped`);
  });
  return out;
}

/** One content block of a user/assistant message; undefined for blocks that have no IR form (warned). */
function contentBlock(
  raw: unknown,
  path: string,
  role: IRMessage["role"],
  warnings: string[],
): ContentPart | undefined {
  const b = obj(raw, path);
  switch (b.type) {
    case "text":
      return textPart(b, path);
    case "image":
      return imagePart(b, path);
    case "document":
      return documentPart(b, path, warnings);
    case "tool_use": {
      const input = b.input === undefined ? {} : b.input;
      return withCache<ContentPart>(
        {
          type: "tool_call",
          id: str(b.id, `${path}.id`),
          name: str(b.name, `${path}.name`),
          arguments: JSON.stringify(input),
          kind: "function",
        },
        b,
      );
    }
    case "tool_result": {
      const isError = optBool(b.is_error, `${path}.is_error`);
      return withCache<ContentPart>(
        {
          type: "tool_result",
          callId: str(b.tool_use_id, `${path}.tool_use_id`),
          content: toolResultContent(b.content, `${path}.content`, warnings),
          ...(isError !== undefined ? { isError } : {}),
        },
        b,
      );
    }
    case "thinking": {
      const signature = optStr(b.signature, `${path}.signature`);
      const text = str(b.thinking, `${path}.thinking`);
      // Another family's reasoning the router carried through this client (see ../reasoning-carry.ts).
      const carried = restoreReasoning(signature, text, warnings, `${path}.signature`);
      if (carried !== undefined) return carried ?? undefined;
      return { type: "reasoning", text, family: "anthropic", ...(signature ? { signature } : {}) };
    }
    case "redacted_thinking": {
      const data = str(b.data, `${path}.data`);
      const carried = restoreReasoning(data, "", warnings, `${path}.data`);
      if (carried !== undefined) return carried ?? undefined;
      return { type: "reasoning", text: "", family: "anthropic", encrypted: data };
    }
    default:
      if (typeof b.type !== "string") throw invalid(`${path}.type: expected a string, got ${JSON.stringify(b.type)}`);
      warnings.push(`${path}: ${role} block type ${JSON.stringify(b.type)} has no portable form; dropped`);
      return undefined;
  }
}

function systemFrom(v: unknown, path: string): TextPart[] {
  if (v === undefined || v === null) return [];
  if (typeof v === "string") return v === "" ? [] : [{ type: "text", text: v }];
  return arr(v, path).map((raw, i) => {
    const b = obj(raw, `${path}[${i}]`);
    if (b.type !== "text")
      throw invalid(`${path}[${i}].type: system blocks must be text, got ${JSON.stringify(b.type)}`);
    return textPart(b, `${path}[${i}]`);
  });
}

function toolFrom(raw: unknown, path: string, warnings: string[]): IRTool | undefined {
  const t = obj(raw, path);
  const type = t.type;
  if (type !== undefined && type !== null && type !== "custom") {
    // Server tools (web_search_…, code_execution_…) and Anthropic-defined client tools (bash_…, text_editor_…).
    warnings.push(`${path}: tool type ${JSON.stringify(type)} (${String(t.name)}) is provider-specific; dropped`);
    return undefined;
  }
  const schema = t.input_schema;
  if (schema !== undefined && !isObj(schema)) throw invalid(`${path}.input_schema: expected an object`);
  const strict = optBool(t.strict, `${path}.strict`);
  const tool: IRTool = {
    name: str(t.name, `${path}.name`),
    kind: "function",
    parameters: (schema as Obj | undefined) ?? { type: "object", properties: {} },
  };
  const description = optStr(t.description, `${path}.description`);
  if (description !== undefined) tool.description = description;
  if (strict !== undefined) tool.strict = strict;
  return withCache(tool, t);
}

function toolChoiceFrom(v: unknown): { choice?: IRToolChoice; parallel?: boolean } {
  if (v === undefined || v === null) return {};
  const c = obj(v, "tool_choice");
  const parallel = c.disable_parallel_tool_use === true ? false : undefined;
  switch (c.type) {
    case "auto":
      return { choice: { type: "auto" }, parallel };
    case "any":
      return { choice: { type: "required" }, parallel };
    case "none":
      return { choice: { type: "none" }, parallel };
    case "tool":
      return { choice: { type: "tool", name: str(c.name, "tool_choice.name") }, parallel };
    default:
      throw invalid(`tool_choice.type: expected auto, any, tool or none, got ${JSON.stringify(c.type)}`);
  }
}

const EFFORTS: Record<string, Effort> = {
  low: "low",
  medium: "medium",
  high: "high",
  max: "xhigh",
  xhigh: "xhigh",
  minimal: "minimal",
};

function reasoningFrom(thinking: unknown, outputConfig: Obj | undefined): IRRequest["reasoning"] {
  const effort = outputConfig && typeof outputConfig.effort === "string" ? EFFORTS[outputConfig.effort] : undefined;
  if (thinking === undefined || thinking === null) return effort ? { enabled: true, effort } : undefined;
  const t = obj(thinking, "thinking");
  if (t.type === "disabled") return { enabled: false };
  if (t.type === "enabled") {
    const budget = optNum(t.budget_tokens, "thinking.budget_tokens");
    return { enabled: true, ...(budget !== undefined ? { budgetTokens: budget } : {}), ...(effort ? { effort } : {}) };
  }
  if (t.type === "adaptive") return { enabled: true, ...(effort ? { effort } : {}) };
  throw invalid(`thinking.type: expected enabled, disabled or adaptive, got ${JSON.stringify(t.type)}`);
}

function responseFormatFrom(outputConfig: Obj | undefined): IRRequest["responseFormat"] {
  const f = outputConfig && isObj(outputConfig.format) ? outputConfig.format : undefined;
  if (f?.type === "json_schema" && isObj(f.schema)) return { type: "json_schema", schema: f.schema };
  return undefined;
}

export function decodeRequest(body: unknown, ctx?: { pathModel?: string; stream?: boolean }): IRRequest {
  const b = obj(body, "body");
  const model = b.model === undefined && ctx?.pathModel ? ctx.pathModel : str(b.model, "model");
  if (b.messages === undefined) throw invalid("messages: field required");
  const rawMessages = arr(b.messages, "messages");
  const warnings: string[] = [];
  const system = systemFrom(b.system, "system");
  const messages: IRMessage[] = [];
  rawMessages.forEach((raw, i) => {
    const path = `messages[${i}]`;
    const m = obj(raw, path);
    const role = m.role;
    if (role === "system") {
      // Claude Code puts mode reminders in role:"system" messages inside `messages`: fold them into system, in order.
      system.push(...systemFrom(m.content, `${path}.content`));
      return;
    }
    if (role !== "user" && role !== "assistant")
      throw invalid(`${path}.role: expected user, assistant or system, got ${JSON.stringify(role)}`);
    let content: ContentPart[];
    if (typeof m.content === "string") content = [{ type: "text", text: m.content }];
    else {
      content = [];
      arr(m.content, `${path}.content`).forEach((c, j) => {
        const part = contentBlock(c, `${path}.content[${j}]`, role, warnings);
        if (part) content.push(part);
      });
    }
    messages.push({ role, content });
  });

  const tools: IRTool[] = [];
  if (b.tools !== undefined && b.tools !== null) {
    arr(b.tools, "tools").forEach((t, i) => {
      const tool = toolFrom(t, `tools[${i}]`, warnings);
      if (tool) tools.push(tool);
    });
  }
  const { choice, parallel } = toolChoiceFrom(b.tool_choice);
  const outputConfig = isObj(b.output_config) ? b.output_config : undefined;
  const metadata = isObj(b.metadata) ? b.metadata : undefined;
  const stop =
    b.stop_sequences === undefined || b.stop_sequences === null
      ? undefined
      : arr(b.stop_sequences, "stop_sequences").map((s, i) => str(s, `stop_sequences[${i}]`));

  const req: IRRequest = {
    model,
    system,
    messages,
    tools,
    stream: optBool(b.stream, "stream") ?? ctx?.stream ?? false,
    sourceApi: "anthropic-messages",
  };
  if (choice) req.toolChoice = choice;
  if (parallel !== undefined) req.parallelToolCalls = parallel;
  const maxTokens = optNum(b.max_tokens, "max_tokens");
  if (maxTokens !== undefined) req.maxTokens = maxTokens;
  const temperature = optNum(b.temperature, "temperature");
  if (temperature !== undefined) req.temperature = temperature;
  const topP = optNum(b.top_p, "top_p");
  if (topP !== undefined) req.topP = topP;
  const topK = optNum(b.top_k, "top_k");
  if (topK !== undefined) req.topK = topK;
  if (stop && stop.length > 0) req.stop = stop;
  const reasoning = reasoningFrom(b.thinking, outputConfig);
  if (reasoning) req.reasoning = reasoning;
  const rf = responseFormatFrom(outputConfig);
  if (rf) req.responseFormat = rf;
  const user = metadata ? optStr(metadata.user_id, "metadata.user_id") : undefined;
  if (user) req.user = user;
  if (warnings.length > 0) req.warnings = warnings;
  return req;
}
