/** Responses request body → IR request. */
import { invalid } from "../../errors/index.js";
import type { ContentPart, DocumentPart, ImagePart, IRMessage, IRRequest, TextPart } from "../../ir/types.js";
import { arr, isObj, type Obj, obj, optNum, optStr, parseDataUrl, str } from "../internal/guards.js";
import { restoreReasoning } from "../reasoning-carry.js";
import { toolChoiceToIR, toolsToIR } from "./tools.js";

export interface DecodedRequest {
  request: IRRequest;
  warnings: string[];
}

const EFFORTS = new Set(["minimal", "low", "medium", "high", "xhigh"]);

export function decodeRequest(body: unknown, ctx?: { stream?: boolean }): IRRequest {
  return decodeRequestWithWarnings(body, ctx).request;
}

export function decodeRequestWithWarnings(body: unknown, ctx?: { stream?: boolean }): DecodedRequest {
  const b = obj(body, "request body");
  const warnings: string[] = [];
  const req: IRRequest = {
    model: str(b.model, "model"),
    system: [],
    messages: [],
    tools: [],
    stream: typeof b.stream === "boolean" ? b.stream : (ctx?.stream ?? false),
    sourceApi: "openai-responses",
  };
  if (b.instructions !== undefined && b.instructions !== null) {
    const text = str(b.instructions, "instructions");
    if (text) req.system.push({ type: "text", text });
  }
  if (b.tools !== undefined && b.tools !== null) req.tools.push(...toolsToIR(b.tools, "tools", warnings));
  decodeInput(b.input, req, warnings);

  const choice = toolChoiceToIR(b.tool_choice);
  if (choice) req.toolChoice = choice;
  if (typeof b.parallel_tool_calls === "boolean") req.parallelToolCalls = b.parallel_tool_calls;
  const max = optNum(b.max_output_tokens);
  if (max !== undefined) req.maxTokens = max;
  const temperature = optNum(b.temperature);
  if (temperature !== undefined) req.temperature = temperature;
  const topP = optNum(b.top_p);
  if (topP !== undefined) req.topP = topP;
  if (isObj(b.reasoning)) {
    const effort = b.reasoning.effort;
    if (effort === "none") req.reasoning = { enabled: false };
    else if (typeof effort === "string" && EFFORTS.has(effort)) {
      req.reasoning = { enabled: true, effort: effort as NonNullable<IRRequest["reasoning"]>["effort"] };
    } else req.reasoning = { enabled: true };
  }
  if (isObj(b.text) && isObj(b.text.format)) {
    const f = b.text.format;
    if (f.type === "json_schema") {
      req.responseFormat = {
        type: "json_schema",
        schema: f.schema ?? {},
        ...(typeof f.name === "string" && { name: f.name }),
        ...(typeof f.strict === "boolean" && { strict: f.strict }),
      };
    } else if (f.type === "json_object") req.responseFormat = { type: "json_object" };
  }
  const user = optStr(b.user) ?? optStr(b.safety_identifier);
  if (user !== undefined) req.user = user;
  const cacheKey = optStr(b.prompt_cache_key);
  if (cacheKey !== undefined) req.promptCacheKey = cacheKey;
  return { request: req, warnings };
}

function decodeInput(input: unknown, req: IRRequest, warnings: string[]): void {
  if (input === undefined || input === null) throw invalid("input is required");
  if (typeof input === "string") {
    req.messages.push({ role: "user", content: [{ type: "text", text: input }] });
    return;
  }
  const items = arr(input, "input");
  /** call_id → tool name, so results can carry the name (Gemini needs it). */
  const callNames = new Map<string, string>();
  const push = (role: IRMessage["role"], part: ContentPart) => {
    const last = req.messages[req.messages.length - 1];
    if (last && last.role === role) last.content.push(part);
    else req.messages.push({ role, content: [part] });
  };
  items.forEach((raw, i) => {
    const at = `input[${i}]`;
    const item = obj(raw, at);
    const type = item.type ?? (item.role !== undefined ? "message" : undefined);
    switch (type) {
      case "message": {
        const role = item.role;
        const parts = messageContent(item.content, `${at}.content`, warnings);
        if (role === "system" || role === "developer") {
          const texts = parts.filter((p): p is TextPart => p.type === "text");
          // Leading system/developer messages are the system prompt; later ones stay in the conversation as user text.
          if (req.messages.length === 0) req.system.push(...texts);
          else for (const t of texts) push("user", t);
        } else if (role === "user") for (const p of parts) push("user", p);
        else if (role === "assistant") {
          for (const p of parts) if (p.type === "text") push("assistant", p);
        } else throw invalid(`${at}.role must be user, assistant, system or developer`);
        break;
      }
      case "function_call":
      case "custom_tool_call": {
        const custom = type === "custom_tool_call";
        const id = str(item.call_id, `${at}.call_id`);
        const name = str(item.name, `${at}.name`);
        callNames.set(id, name);
        const args = custom ? str(item.input ?? "", `${at}.input`) : str(item.arguments ?? "", `${at}.arguments`);
        push("assistant", {
          type: "tool_call",
          id,
          name,
          arguments: args,
          kind: custom ? "custom" : "function",
          ...(typeof item.namespace === "string" && { namespace: item.namespace }),
        });
        break;
      }
      case "function_call_output":
      case "custom_tool_call_output": {
        const callId = str(item.call_id, `${at}.call_id`);
        const name = callNames.get(callId);
        push("user", {
          type: "tool_result",
          callId,
          ...(name !== undefined && { name }),
          content: toolOutput(item.output, `${at}.output`, warnings),
          kind: type === "custom_tool_call_output" ? "custom" : "function",
        });
        break;
      }
      case "reasoning": {
        const summary = Array.isArray(item.summary) ? item.summary : [];
        const text = summary
          .map((s) => (isObj(s) && typeof s.text === "string" ? s.text : ""))
          .filter(Boolean)
          .join("\n\n");
        // Another family's reasoning the router carried through this client (see ../reasoning-carry.ts).
        const carried = restoreReasoning(item.encrypted_content, text, warnings, `${at}.encrypted_content`);
        if (carried) push("assistant", carried);
        else if (carried === undefined)
          push("assistant", {
            type: "reasoning",
            text,
            family: "openai",
            ...(typeof item.encrypted_content === "string" && { encrypted: item.encrypted_content }),
            ...(typeof item.id === "string" && { id: item.id }),
          });
        break;
      }
      case "additional_tools":
        req.tools.push(...toolsToIR(item.tools ?? [], `${at}.tools`, warnings));
        break;
      case "agent_message": {
        // Codex sub-agent mailbox message: plain text for every other model.
        // Its text already names sender and recipient ("Sender: /root …").
        const text = agentMessageText(item.content);
        if (text) push("user", { type: "text", text });
        break;
      }
      case "item_reference":
        warnings.push(`${at}: item_reference needs server-side state (store=true); dropped`);
        break;
      default:
        warnings.push(`${at}: input item type "${String(type)}" is not supported; dropped`);
    }
  });
}

function messageContent(content: unknown, at: string, warnings: string[]): Array<TextPart | ImagePart | DocumentPart> {
  if (typeof content === "string") return content ? [{ type: "text", text: content }] : [];
  return arr(content, at).flatMap((raw, i): Array<TextPart | ImagePart | DocumentPart> => {
    const p = obj(raw, `${at}[${i}]`);
    switch (p.type) {
      case "input_text":
      case "output_text":
      case "text":
        return [{ type: "text", text: str(p.text, `${at}[${i}].text`) }];
      case "refusal":
        return [{ type: "text", text: str(p.refusal, `${at}[${i}].refusal`) }];
      case "input_image":
        return [imagePart(p, `${at}[${i}]`, warnings)];
      case "input_file":
        return [filePart(p, `${at}[${i}]`, warnings)];
      default:
        warnings.push(`${at}[${i}]: content type "${String(p.type)}" is not supported; dropped`);
        return [];
    }
  });
}

function imagePart(p: Obj, at: string, warnings: string[]): ImagePart | TextPart {
  const url = typeof p.image_url === "string" ? p.image_url : undefined;
  if (!url) {
    warnings.push(`${at}: image by file_id cannot be forwarded; replaced with a placeholder`);
    return { type: "text", text: `[image ${String(p.file_id ?? "")}]` };
  }
  const data = parseDataUrl(url);
  return data ? { type: "image", mediaType: data.mediaType, data: data.data } : { type: "image", url };
}

function filePart(p: Obj, at: string, warnings: string[]): DocumentPart | TextPart {
  const title = optStr(p.filename);
  if (typeof p.file_data === "string") {
    const data = parseDataUrl(p.file_data);
    return {
      type: "document",
      ...(data ? { mediaType: data.mediaType, data: data.data } : { mediaType: "application/pdf", data: p.file_data }),
      ...(title !== undefined && { title }),
    };
  }
  if (typeof p.file_url === "string")
    return { type: "document", url: p.file_url, ...(title !== undefined && { title }) };
  warnings.push(`${at}: file by file_id cannot be forwarded; replaced with a placeholder`);
  return { type: "text", text: `[file ${String(p.file_id ?? title ?? "")}]` };
}

function toolOutput(output: unknown, at: string, warnings: string[]): Array<TextPart | ImagePart> {
  if (typeof output === "string") return [{ type: "text", text: output }];
  if (output === undefined || output === null) return [];
  return messageContent(output, at, warnings).map((p) =>
    p.type === "document" ? { type: "text", text: `[document ${p.title ?? ""}]` } : p,
  );
}

function agentMessageText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((c) => {
      if (!isObj(c)) return "";
      if (typeof c.text === "string") return c.text;
      if (typeof c.encrypted_content === "string") return c.encrypted_content;
      return "";
    })
    .join("");
}
