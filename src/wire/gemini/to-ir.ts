/** Gemini generateContent / streamGenerateContent request body → IR request. */
import { invalid } from "../../errors/index.js";
import type { IRMessage, IRRequest, IRTool, IRToolChoice, TextPart } from "../../ir/types.js";
import { arr, isObj, type Obj, obj, optNum, optStr, str } from "../internal/guards.js";
import { schemaToJson } from "./internal/schema.js";
import { CallIds, partsToIR } from "./parts.js";

export interface DecodedRequest {
  request: IRRequest;
  warnings: string[];
}

const LEVELS: Record<string, NonNullable<IRRequest["reasoning"]>["effort"]> = {
  MINIMAL: "minimal",
  LOW: "low",
  MEDIUM: "medium",
  HIGH: "high",
};

export function decodeRequest(body: unknown, ctx?: { pathModel?: string; stream?: boolean }): IRRequest {
  return decodeRequestWithWarnings(body, ctx).request;
}

export function decodeRequestWithWarnings(
  body: unknown,
  ctx?: { pathModel?: string; stream?: boolean },
): DecodedRequest {
  const b = obj(body, "request body");
  const warnings: string[] = [];
  const model = (ctx?.pathModel ?? optStr(b.model))?.replace(/^models\//, "");
  if (!model) throw invalid("model is required (in the URL path /v1beta/models/{model}:generateContent)");
  const req: IRRequest = {
    model,
    system: systemToIR(b.systemInstruction),
    messages: [],
    tools: [],
    stream: ctx?.stream ?? false,
    sourceApi: "gemini",
  };
  const ids = new CallIds();
  if (b.contents === undefined) throw invalid("contents is required: a non-empty array of {role, parts}");
  const contents = arr(b.contents, "contents");
  if (contents.length === 0) throw invalid("contents must not be empty");
  contents.forEach((raw, i) => {
    const c = obj(raw, `contents[${i}]`);
    const role: IRMessage["role"] = c.role === "model" ? "assistant" : "user";
    if (c.role !== undefined && c.role !== "user" && c.role !== "model" && c.role !== "function") {
      throw invalid(`contents[${i}].role must be "user" or "model"`);
    }
    if (c.parts === undefined) throw invalid(`contents[${i}].parts is required`);
    const parts = partsToIR(arr(c.parts, `contents[${i}].parts`), ids, `contents[${i}].parts`, warnings);
    if (parts.length === 0) return;
    const last = req.messages[req.messages.length - 1];
    if (last && last.role === role) last.content.push(...parts);
    else req.messages.push({ role, content: parts });
  });
  if (b.tools !== undefined) req.tools = toolsToIR(b.tools, warnings);
  const choice = toolChoiceToIR(b.toolConfig);
  if (choice) req.toolChoice = choice;
  if (b.generationConfig !== undefined) generationToIR(obj(b.generationConfig, "generationConfig"), req);
  return { request: req, warnings };
}

function systemToIR(s: unknown): TextPart[] {
  if (s === undefined || s === null) return [];
  if (typeof s === "string") return s ? [{ type: "text", text: s }] : [];
  const parts = arr(obj(s, "systemInstruction").parts ?? [], "systemInstruction.parts");
  return parts.flatMap((p, i) => {
    const text = obj(p, `systemInstruction.parts[${i}]`).text;
    return typeof text === "string" && text ? [{ type: "text" as const, text }] : [];
  });
}

function toolsToIR(tools: unknown, warnings: string[]): IRTool[] {
  const out: IRTool[] = [];
  arr(tools, "tools").forEach((raw, i) => {
    const t = obj(raw, `tools[${i}]`);
    for (const key of Object.keys(t)) {
      if (key !== "functionDeclarations")
        warnings.push(`Gemini built-in tool "${key}" is not supported across formats; dropped`);
    }
    if (t.functionDeclarations === undefined) return;
    arr(t.functionDeclarations, `tools[${i}].functionDeclarations`).forEach((fd, j) => {
      const f = obj(fd, `tools[${i}].functionDeclarations[${j}]`);
      const tool: IRTool = { kind: "function", name: str(f.name, `tools[${i}].functionDeclarations[${j}].name`) };
      const description = optStr(f.description);
      if (description !== undefined) tool.description = description;
      const params = f.parametersJsonSchema ?? f.parameters;
      if (isObj(params)) tool.parameters = schemaToJson(params) as Record<string, unknown>;
      out.push(tool);
    });
  });
  return out;
}

function toolChoiceToIR(cfg: unknown): IRToolChoice | undefined {
  if (!isObj(cfg) || !isObj(cfg.functionCallingConfig)) return undefined;
  const c = cfg.functionCallingConfig;
  const allowed = Array.isArray(c.allowedFunctionNames) ? c.allowedFunctionNames : [];
  switch (c.mode) {
    case "NONE":
      return { type: "none" };
    case "ANY":
    case "VALIDATED":
      return allowed.length === 1 && typeof allowed[0] === "string"
        ? { type: "tool", name: allowed[0] }
        : { type: "required" };
    case "AUTO":
      return { type: "auto" };
    default:
      return undefined;
  }
}

function generationToIR(g: Obj, req: IRRequest): void {
  const max = optNum(g.maxOutputTokens);
  if (max !== undefined) req.maxTokens = max;
  const temperature = optNum(g.temperature);
  if (temperature !== undefined) req.temperature = temperature;
  const topP = optNum(g.topP);
  if (topP !== undefined) req.topP = topP;
  const topK = optNum(g.topK);
  if (topK !== undefined) req.topK = topK;
  if (Array.isArray(g.stopSequences)) req.stop = g.stopSequences.filter((s): s is string => typeof s === "string");
  if (isObj(g.thinkingConfig)) {
    const t = g.thinkingConfig;
    const budget = optNum(t.thinkingBudget);
    const effort = typeof t.thinkingLevel === "string" ? LEVELS[t.thinkingLevel.toUpperCase()] : undefined;
    if (budget === 0) req.reasoning = { enabled: false };
    else {
      req.reasoning = { enabled: true };
      if (budget !== undefined && budget > 0) req.reasoning.budgetTokens = budget;
      if (effort) req.reasoning.effort = effort;
    }
  }
  const schema = g.responseJsonSchema ?? g.responseSchema;
  if (schema !== undefined) req.responseFormat = { type: "json_schema", schema: schemaToJson(schema) };
  else if (g.responseMimeType === "application/json") req.responseFormat = { type: "json_object" };
}
