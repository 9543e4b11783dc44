/** IR request → Responses request body. */
import type { ContentPart, DocumentPart, EncodeResult, ImagePart, IRRequest, TextPart } from "../../ir/types.js";
import type { Obj } from "../internal/guards.js";
import { boundedId, OPENAI_ID_MAX, opaqueId, RESPONSES_CALL_ID_MAX } from "../internal/ids.js";
import { isWrapped } from "../reasoning-carry.js";
import { toolChoiceFromIR, toolsFromIR } from "./tools.js";

export function encodeRequest(req: IRRequest, model: string): EncodeResult {
  const warnings: string[] = [];
  const input: Obj[] = [];
  const body: Obj = { model };

  if (req.system.length === 1) body.instructions = req.system[0].text;
  else if (req.system.length > 1) {
    input.push({
      type: "message",
      role: "developer",
      content: req.system.map((t) => ({ type: "input_text", text: t.text })),
    });
  }

  let hasOpenAIReasoning = false;
  for (const msg of req.messages) {
    let pending: Obj[] = [];
    const flush = () => {
      if (pending.length === 0) return;
      input.push({ type: "message", role: msg.role, content: pending });
      pending = [];
    };
    for (const part of msg.content) {
      if (msg.role === "user") {
        if (part.type === "tool_result") {
          flush();
          input.push({
            type: part.kind === "custom" ? "custom_tool_call_output" : "function_call_output",
            call_id: callId(part.callId),
            output: toolOutput(part.content),
          });
          if (part.isError) warnings.push("Responses has no tool-error flag; tool_result isError dropped");
        } else {
          const c = userContent(part, warnings);
          if (c) pending.push(c);
        }
        continue;
      }
      switch (part.type) {
        case "text":
          if (part.text) pending.push({ type: "output_text", text: part.text, annotations: [] });
          break;
        case "tool_call":
          flush();
          input.push(
            part.kind === "custom"
              ? { type: "custom_tool_call", call_id: callId(part.id), name: part.name, input: part.arguments }
              : {
                  type: "function_call",
                  call_id: callId(part.id),
                  name: part.name,
                  arguments: part.arguments || "{}",
                  ...(part.namespace && { namespace: part.namespace }),
                },
          );
          break;
        case "reasoning":
          flush();
          if (isWrapped(part.encrypted) || isWrapped(part.signature)) {
            warnings.push("undecoded CodeRouter reasoning wrapper dropped (never sent to a provider)");
          } else if (part.family === "openai" && part.encrypted) {
            hasOpenAIReasoning = true;
            input.push({
              type: "reasoning",
              ...(part.id && { id: part.id }),
              summary: part.text ? [{ type: "summary_text", text: part.text }] : [],
              encrypted_content: part.encrypted,
            });
          } else if (part.text || part.encrypted || part.signature) {
            warnings.push(`reasoning from family "${part.family}" cannot be sent to an OpenAI model; dropped`);
          }
          break;
        default:
          warnings.push(`assistant ${part.type} part is not supported in Responses input; dropped`);
      }
    }
    flush();
  }
  body.input = input;

  if (req.tools.length > 0) body.tools = toolsFromIR(req.tools);
  if (req.toolChoice) body.tool_choice = toolChoiceFromIR(req.toolChoice, req.tools);
  if (req.parallelToolCalls !== undefined) body.parallel_tool_calls = req.parallelToolCalls;
  if (req.maxTokens !== undefined) body.max_output_tokens = req.maxTokens;
  if (req.temperature !== undefined) body.temperature = req.temperature;
  if (req.topP !== undefined) body.top_p = req.topP;
  if (req.topK !== undefined) warnings.push("Responses has no top_k; dropped");
  if (req.stop?.length) warnings.push("Responses has no stop sequences; dropped");
  if (req.reasoning) {
    if (!req.reasoning.enabled) body.reasoning = { effort: "none" };
    else body.reasoning = { ...(req.reasoning.effort && { effort: req.reasoning.effort }), summary: "auto" };
  }
  if (req.responseFormat) {
    body.text = {
      format:
        req.responseFormat.type === "json_object"
          ? { type: "json_object" }
          : {
              type: "json_schema",
              name: req.responseFormat.name ?? "response",
              schema: req.responseFormat.schema,
              ...(req.responseFormat.strict !== undefined && { strict: req.responseFormat.strict }),
            },
    };
  }
  // OpenAI: both ≤ 64 chars; Claude Code's metadata.user_id (a JSON string) becomes a stable hash.
  if (req.user) body.safety_identifier = opaqueId(req.user, OPENAI_ID_MAX);
  if (req.promptCacheKey) body.prompt_cache_key = opaqueId(req.promptCacheKey, OPENAI_ID_MAX);
  // Stateless by default: the router never relies on server-side storage, and encrypted reasoning round-trips.
  body.store = false;
  if (hasOpenAIReasoning || req.reasoning?.enabled) body.include = ["reasoning.encrypted_content"];
  body.stream = req.stream;
  return { body, warnings };
}

/** Responses `call_id` is limited to 64 chars; longer ids (synthesised or foreign) get a stable hash. */
const callId = (id: string): string => boundedId(id, RESPONSES_CALL_ID_MAX);

function userContent(part: ContentPart, warnings: string[]): Obj | undefined {
  switch (part.type) {
    case "text":
      return part.text ? { type: "input_text", text: part.text } : undefined;
    case "image":
      return imageItem(part);
    case "document":
      return fileItem(part);
    default:
      warnings.push(`user ${part.type} part is not supported in Responses input; dropped`);
      return undefined;
  }
}

const dataUrl = (mediaType: string | undefined, data: string) =>
  `data:${mediaType ?? "application/octet-stream"};base64,${data}`;

function imageItem(p: ImagePart): Obj {
  return { type: "input_image", detail: "auto", image_url: p.url ?? dataUrl(p.mediaType, p.data ?? "") };
}

function fileItem(p: DocumentPart): Obj {
  const name = p.title !== undefined ? { filename: p.title } : p.url ? {} : { filename: "document.pdf" };
  return p.url
    ? { type: "input_file", file_url: p.url, ...name }
    : { type: "input_file", file_data: dataUrl(p.mediaType, p.data ?? ""), ...name };
}

function toolOutput(content: Array<TextPart | ImagePart>): string | Obj[] {
  if (content.every((c) => c.type === "text") && content.length <= 1) return content[0]?.text ?? "";
  return content.map((c) => (c.type === "text" ? { type: "input_text", text: c.text } : imageItem(c)));
}
