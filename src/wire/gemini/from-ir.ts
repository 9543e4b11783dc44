/** IR request → Gemini request body (the model and stream flag go in the URL, not the body). */
import type { EncodeResult, IRRequest } from "../../ir/types.js";
import type { Obj } from "../internal/guards.js";
import { jsonToGeminiSchema } from "./internal/schema.js";
import { partsFromIR } from "./parts.js";

const LEVEL: Record<string, string> = { minimal: "MINIMAL", low: "LOW", medium: "MEDIUM", high: "HIGH", xhigh: "HIGH" };

export function encodeRequest(req: IRRequest, _model: string): EncodeResult {
  const warnings: string[] = [];
  const names = new Map<string, string>();
  const contents: Obj[] = [];
  for (const m of req.messages) {
    const role = m.role === "assistant" ? "model" : "user";
    const parts = partsFromIR(m.content, role, names, warnings);
    if (parts.length === 0) continue;
    const last = contents[contents.length - 1];
    if (last && last.role === role) (last.parts as Obj[]).push(...parts);
    else contents.push({ role, parts });
  }
  const body: Obj = { contents };
  if (req.system.length > 0)
    body.systemInstruction = { role: "user", parts: req.system.map((t) => ({ text: t.text })) };
  if (req.tools.length > 0) {
    body.tools = [
      {
        functionDeclarations: req.tools.map((t) => {
          if (t.kind === "custom")
            warnings.push(`custom tool "${t.name}" sent to Gemini as a function with one string "input"`);
          const params =
            t.kind === "custom"
              ? {
                  type: "object",
                  properties: { input: { type: "string", description: "Raw tool input" } },
                  required: ["input"],
                }
              : jsonToGeminiSchema(t.parameters ?? { type: "object", properties: {} });
          return {
            name: t.name,
            ...(t.description !== undefined && { description: t.description }),
            parametersJsonSchema: params,
          };
        }),
      },
    ];
  }
  if (req.toolChoice) {
    const c = req.toolChoice;
    body.toolConfig = {
      functionCallingConfig:
        c.type === "tool"
          ? { mode: "ANY", allowedFunctionNames: [c.name] }
          : { mode: c.type === "required" ? "ANY" : c.type === "none" ? "NONE" : "AUTO" },
    };
  }
  if (req.parallelToolCalls === false) warnings.push("Gemini cannot disable parallel function calls; ignored");
  const g: Obj = {};
  if (req.maxTokens !== undefined) g.maxOutputTokens = req.maxTokens;
  if (req.temperature !== undefined) g.temperature = req.temperature;
  if (req.topP !== undefined) g.topP = req.topP;
  if (req.topK !== undefined) g.topK = req.topK;
  if (req.stop?.length) g.stopSequences = req.stop;
  if (req.reasoning?.enabled) {
    g.thinkingConfig = {
      includeThoughts: true,
      ...(req.reasoning.budgetTokens !== undefined
        ? { thinkingBudget: req.reasoning.budgetTokens }
        : req.reasoning.effort && { thinkingLevel: LEVEL[req.reasoning.effort] }),
    };
  }
  if (req.responseFormat) {
    g.responseMimeType = "application/json";
    if (req.responseFormat.type === "json_schema") g.responseJsonSchema = jsonToGeminiSchema(req.responseFormat.schema);
  }
  if (Object.keys(g).length > 0) body.generationConfig = g;
  return { body, warnings };
}
