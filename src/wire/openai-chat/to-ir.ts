/** OpenAI Chat Completions request body → IR (inbound decode). */
import { invalid } from "../../errors/index.js";
import type { ContentPart, ImagePart, IRMessage, IRRequest, IRTool, IRToolChoice, TextPart } from "../../ir/types.js";
import { arr, isObj, type Obj, obj, optBool, optNum, optStr, parseDataUrl, str } from "../internal/check.js";

type Effort = NonNullable<IRRequest["reasoning"]>["effort"];

function imageFromUrl(url: string): ImagePart {
  const d = parseDataUrl(url);
  return d ? { type: "image", mediaType: d.mediaType, data: d.data } : { type: "image", url };
}

/** User/system/tool content: a string or an array of parts. */
function contentParts(v: unknown, path: string, warnings: string[]): ContentPart[] {
  if (v === undefined || v === null) return [];
  if (typeof v === "string") return v === "" ? [] : [{ type: "text", text: v }];
  const out: ContentPart[] = [];
  arr(v, path).forEach((raw, i) => {
    const p = obj(raw, `${path}[${i}]`);
    const at = `${path}[${i}]`;
    switch (p.type) {
      case "text":
        out.push({ type: "text", text: str(p.text, `${at}.text`) });
        break;
      case "image_url": {
        const iu = p.image_url;
        out.push(
          imageFromUrl(typeof iu === "string" ? iu : str(obj(iu, `${at}.image_url`).url, `${at}.image_url.url`)),
        );
        break;
      }
      case "file": {
        const f = obj(p.file, `${at}.file`);
        const fileData = optStr(f.file_data, `${at}.file.file_data`);
        const filename = optStr(f.filename, `${at}.file.filename`);
        const d = fileData ? parseDataUrl(fileData) : undefined;
        if (d)
          out.push({
            type: "document",
            mediaType: d.mediaType,
            data: d.data,
            ...(filename ? { title: filename } : {}),
          });
        else if (fileData)
          out.push({
            type: "document",
            mediaType: "application/pdf",
            data: fileData,
            ...(filename ? { title: filename } : {}),
          });
        else warnings.push(`${at}: file reference by file_id is not portable; dropped`);
        break;
      }
      case "refusal":
        out.push({ type: "text", text: str(p.refusal, `${at}.refusal`) });
        break;
      case "input_audio":
        warnings.push(`${at}: input_audio is not supported; dropped`);
        break;
      default:
        throw invalid(`${at}.type: unsupported content part ${JSON.stringify(p.type)}`);
    }
  });
  return out;
}

const textOnly = (parts: ContentPart[], path: string): TextPart[] =>
  parts.map((p) => {
    if (p.type !== "text") throw invalid(`${path}: only text content is allowed here`);
    return p;
  });

function toolCalls(v: unknown, path: string): ContentPart[] {
  if (v === undefined || v === null) return [];
  return arr(v, path).map((raw, i) => {
    const tc = obj(raw, `${path}[${i}]`);
    const at = `${path}[${i}]`;
    const id = str(tc.id, `${at}.id`);
    if (tc.type === "custom") {
      const c = obj(tc.custom, `${at}.custom`);
      return {
        type: "tool_call",
        id,
        name: str(c.name, `${at}.custom.name`),
        arguments: optStr(c.input, `${at}.custom.input`) ?? "",
        kind: "custom",
      };
    }
    if (tc.type !== undefined && tc.type !== "function")
      throw invalid(`${at}.type: expected function or custom, got ${JSON.stringify(tc.type)}`);
    const f = obj(tc.function, `${at}.function`);
    const args = f.arguments;
    return {
      type: "tool_call",
      id,
      name: str(f.name, `${at}.function.name`),
      arguments: typeof args === "string" ? args : args === undefined || args === null ? "" : JSON.stringify(args),
      kind: "function",
    };
  });
}

function toolResultContent(parts: ContentPart[]): Array<TextPart | ImagePart> {
  return parts.filter((p): p is TextPart | ImagePart => p.type === "text" || p.type === "image");
}

function toolFrom(raw: unknown, path: string, warnings: string[]): IRTool | undefined {
  const t = obj(raw, path);
  if (t.type === "function") {
    const f = obj(t.function, `${path}.function`);
    const params = f.parameters;
    if (params !== undefined && params !== null && !isObj(params))
      throw invalid(`${path}.function.parameters: expected an object`);
    const tool: IRTool = {
      name: str(f.name, `${path}.function.name`),
      kind: "function",
      parameters: (params as Obj | undefined) ?? { type: "object", properties: {} },
    };
    const description = optStr(f.description, `${path}.function.description`);
    if (description !== undefined) tool.description = description;
    const strict = optBool(f.strict, `${path}.function.strict`);
    if (strict !== undefined) tool.strict = strict;
    return tool;
  }
  if (t.type === "custom") {
    const c = obj(t.custom, `${path}.custom`);
    const tool: IRTool = { name: str(c.name, `${path}.custom.name`), kind: "custom" };
    const description = optStr(c.description, `${path}.custom.description`);
    if (description !== undefined) tool.description = description;
    if (c.format !== undefined) tool.format = c.format;
    return tool;
  }
  if (typeof t.type !== "string") throw invalid(`${path}.type: expected a string, got ${JSON.stringify(t.type)}`);
  warnings.push(`${path}: tool type ${JSON.stringify(t.type)} is not supported; dropped`);
  return undefined;
}

function toolChoiceFrom(v: unknown, warnings: string[]): IRToolChoice | undefined {
  if (v === undefined || v === null) return undefined;
  if (v === "auto" || v === "none" || v === "required") return { type: v };
  if (typeof v === "string")
    throw invalid(`tool_choice: expected auto, none, required or an object, got ${JSON.stringify(v)}`);
  const c = obj(v, "tool_choice");
  if (c.type === "function")
    return { type: "tool", name: str(obj(c.function, "tool_choice.function").name, "tool_choice.function.name") };
  if (c.type === "custom")
    return { type: "tool", name: str(obj(c.custom, "tool_choice.custom").name, "tool_choice.custom.name") };
  warnings.push(`tool_choice type ${JSON.stringify(c.type)} approximated as auto`);
  return { type: "auto" };
}

const EFFORTS = new Set(["minimal", "low", "medium", "high", "xhigh"]);

function responseFormatFrom(v: unknown): IRRequest["responseFormat"] {
  if (v === undefined || v === null) return undefined;
  const f = obj(v, "response_format");
  if (f.type === "json_object") return { type: "json_object" };
  if (f.type === "json_schema") {
    const js = obj(f.json_schema, "response_format.json_schema");
    const name = optStr(js.name, "response_format.json_schema.name");
    const strict = optBool(js.strict, "response_format.json_schema.strict");
    return {
      type: "json_schema",
      schema: js.schema ?? {},
      ...(name ? { name } : {}),
      ...(strict !== undefined ? { strict } : {}),
    };
  }
  if (f.type === "text") return undefined;
  throw invalid(`response_format.type: expected text, json_object or json_schema, got ${JSON.stringify(f.type)}`);
}

export function decodeRequest(body: unknown, ctx?: { pathModel?: string; stream?: boolean }): IRRequest {
  const b = obj(body, "body");
  const model = b.model === undefined && ctx?.pathModel ? ctx.pathModel : str(b.model, "model");
  if (b.messages === undefined) throw invalid("messages: field required");
  const raw = arr(b.messages, "messages");
  if (raw.length === 0) throw invalid("messages: at least one message is required");
  const warnings: string[] = [];
  const system: TextPart[] = [];
  const messages: IRMessage[] = [];
  const push = (role: IRMessage["role"], parts: ContentPart[]) => {
    const last = messages[messages.length - 1];
    // Consecutive tool results (and the user text that follows them) form one user turn.
    if (last && last.role === role && role === "user" && last.content.some((p) => p.type === "tool_result"))
      last.content.push(...parts);
    else messages.push({ role, content: parts });
  };
  raw.forEach((r, i) => {
    const path = `messages[${i}]`;
    const m = obj(r, path);
    switch (m.role) {
      case "system":
      case "developer":
        system.push(...textOnly(contentParts(m.content, `${path}.content`, warnings), `${path}.content`));
        break;
      case "user":
        push("user", contentParts(m.content, `${path}.content`, warnings));
        break;
      case "assistant": {
        const parts: ContentPart[] = [];
        const reasoning =
          optStr(m.reasoning_content, `${path}.reasoning_content`) ??
          (typeof m.reasoning === "string" ? m.reasoning : undefined);
        if (reasoning) parts.push({ type: "reasoning", text: reasoning, family: "other" });
        parts.push(...contentParts(m.content, `${path}.content`, warnings));
        if (typeof m.refusal === "string" && m.refusal) parts.push({ type: "text", text: m.refusal });
        parts.push(...toolCalls(m.tool_calls, `${path}.tool_calls`));
        if (isObj(m.function_call)) {
          warnings.push(`${path}.function_call: legacy function_call read as a tool call`);
          parts.push({
            type: "tool_call",
            id: `call_${i}`,
            name: str(m.function_call.name, `${path}.function_call.name`),
            arguments: String(m.function_call.arguments ?? ""),
            kind: "function",
          });
        }
        messages.push({ role: "assistant", content: parts });
        break;
      }
      case "tool": {
        const parts = contentParts(m.content, `${path}.content`, warnings);
        push("user", [
          {
            type: "tool_result",
            callId: str(m.tool_call_id, `${path}.tool_call_id`),
            content: toolResultContent(parts),
          },
        ]);
        break;
      }
      case "function": {
        const name = str(m.name, `${path}.name`);
        const parts = contentParts(m.content, `${path}.content`, warnings);
        push("user", [{ type: "tool_result", callId: `call_${name}`, name, content: toolResultContent(parts) }]);
        break;
      }
      default:
        throw invalid(
          `${path}.role: expected system, developer, user, assistant or tool, got ${JSON.stringify(m.role)}`,
        );
    }
  });

  const tools: IRTool[] = [];
  if (b.tools !== undefined && b.tools !== null) {
    arr(b.tools, "tools").forEach((t, i) => {
      const tool = toolFrom(t, `tools[${i}]`, warnings);
      if (tool) tools.push(tool);
    });
  }
  const req: IRRequest = {
    model,
    system,
    messages,
    tools,
    stream: optBool(b.stream, "stream") ?? ctx?.stream ?? false,
    sourceApi: "openai-chat",
  };
  const choice = toolChoiceFrom(b.tool_choice, warnings);
  if (choice) req.toolChoice = choice;
  const parallel = optBool(b.parallel_tool_calls, "parallel_tool_calls");
  if (parallel !== undefined) req.parallelToolCalls = parallel;
  const maxTokens = optNum(b.max_completion_tokens, "max_completion_tokens") ?? optNum(b.max_tokens, "max_tokens");
  if (maxTokens !== undefined) req.maxTokens = maxTokens;
  const temperature = optNum(b.temperature, "temperature");
  if (temperature !== undefined) req.temperature = temperature;
  const topP = optNum(b.top_p, "top_p");
  if (topP !== undefined) req.topP = topP;
  if (b.stop !== undefined && b.stop !== null) {
    const stop = typeof b.stop === "string" ? [b.stop] : arr(b.stop, "stop").map((s, i) => str(s, `stop[${i}]`));
    if (stop.length > 0) req.stop = stop;
  }
  const effort = optStr(b.reasoning_effort, "reasoning_effort");
  if (effort !== undefined) {
    if (effort === "none") req.reasoning = { enabled: false };
    else if (EFFORTS.has(effort)) req.reasoning = { enabled: true, effort: effort as Effort };
    else
      throw invalid(
        `reasoning_effort: expected none, minimal, low, medium, high or xhigh, got ${JSON.stringify(effort)}`,
      );
  }
  const rf = responseFormatFrom(b.response_format);
  if (rf) req.responseFormat = rf;
  const user = optStr(b.user, "user") ?? optStr(b.safety_identifier, "safety_identifier");
  if (user) req.user = user;
  const cacheKey = optStr(b.prompt_cache_key, "prompt_cache_key");
  if (cacheKey) req.promptCacheKey = cacheKey;
  if (b.n !== undefined && b.n !== 1 && b.n !== null) warnings.push("n > 1 is not supported; one choice is returned");
  if (warnings.length > 0) req.warnings = warnings;
  return req;
}
