/** Non-streamed Responses body ⇄ IR response. */
import { RouterError } from "../../errors/index.js";
import type { DecisionTrailer, IRResponse, ReasoningPart } from "../../ir/types.js";
import { isObj, newId, type Obj, optStr } from "../internal/guards.js";
import { wrapReasoning } from "../reasoning-carry.js";
import { errorFromBody } from "./errors.js";
import { stopReasonFromIR, stopReasonToIR } from "./finish.js";
import { usageFromIR, usageToIR } from "./usage.js";

export function decodeResponse(body: unknown): IRResponse {
  if (!isObj(body)) throw new RouterError("bad_gateway", "Responses upstream returned a non-object body");
  if (isObj(body.error) && body.status !== "incomplete") throw errorFromBody(502, body);
  if (!Array.isArray(body.output)) throw new RouterError("bad_gateway", "Responses upstream body has no output array");
  const content: IRResponse["content"] = [];
  for (const item of body.output) {
    if (!isObj(item)) continue;
    const part = outputItemToIR(item);
    if (part) content.push(...part);
  }
  const hasCalls = content.some((c) => c.type === "tool_call");
  return {
    id: optStr(body.id) ?? newId("resp_"),
    model: optStr(body.model) ?? "",
    content,
    stopReason: stopReasonToIR(body.status, body.incomplete_details, hasCalls),
    usage: usageToIR(body.usage),
  };
}

/** One output item → IR parts (shared with the stream decoder's output_item.done fallback). */
export function outputItemToIR(item: Obj): IRResponse["content"] | undefined {
  switch (item.type) {
    case "message": {
      const parts = Array.isArray(item.content) ? item.content : [];
      return parts.flatMap((p) => {
        if (!isObj(p)) return [];
        if (p.type === "output_text" && typeof p.text === "string") return [{ type: "text" as const, text: p.text }];
        if (p.type === "refusal" && typeof p.refusal === "string") return [{ type: "text" as const, text: p.refusal }];
        return [];
      });
    }
    case "function_call":
      return [
        {
          type: "tool_call",
          id: String(item.call_id ?? item.id ?? ""),
          name: String(item.name ?? ""),
          arguments: typeof item.arguments === "string" ? item.arguments : "",
          kind: "function",
          ...(typeof item.namespace === "string" && { namespace: item.namespace }),
        },
      ];
    case "custom_tool_call":
      return [
        {
          type: "tool_call",
          id: String(item.call_id ?? item.id ?? ""),
          name: String(item.name ?? ""),
          arguments: typeof item.input === "string" ? item.input : "",
          kind: "custom",
          ...(typeof item.namespace === "string" && { namespace: item.namespace }),
        },
      ];
    case "reasoning": {
      const summary = Array.isArray(item.summary) ? item.summary : [];
      const text = summary
        .map((s) => (isObj(s) && typeof s.text === "string" ? s.text : ""))
        .filter(Boolean)
        .join("\n\n");
      return [
        {
          type: "reasoning",
          text,
          family: "openai",
          ...(typeof item.encrypted_content === "string" && { encrypted: item.encrypted_content }),
          ...(typeof item.id === "string" && { id: item.id }),
        },
      ];
    }
    default:
      return undefined;
  }
}

export function responseId(id: string): string {
  return id.startsWith("resp_") ? id : `resp_${id}`;
}

export function encodeResponse(res: IRResponse, opts: { model: string; trailer?: DecisionTrailer }): Obj {
  const output: Obj[] = [];
  let textParts: Obj[] = [];
  const flush = () => {
    if (textParts.length === 0) return;
    output.push({ type: "message", id: newId("msg_"), status: "completed", role: "assistant", content: textParts });
    textParts = [];
  };
  for (const part of res.content) {
    if (part.type === "text") {
      textParts.push({ type: "output_text", text: part.text, annotations: [], logprobs: [] });
      continue;
    }
    flush();
    if (part.type === "tool_call") output.push(toolCallItem(part, "completed"));
    else output.push(reasoningItem(part));
  }
  flush();
  const { status, incomplete_details } = stopReasonFromIR(res.stopReason);
  return {
    id: responseId(res.id),
    object: "response",
    created_at: Math.floor(Date.now() / 1000),
    status,
    error: null,
    incomplete_details,
    model: opts.model,
    output,
    parallel_tool_calls: true,
    usage: usageFromIR(res.usage),
    ...(opts.trailer && { coderouter: opts.trailer }),
  };
}

export function toolCallItem(
  p: { id: string; name: string; arguments: string; kind?: "function" | "custom"; namespace?: string },
  status: "in_progress" | "completed",
  itemId?: string,
): Obj {
  if (p.kind === "custom") {
    return {
      type: "custom_tool_call",
      id: itemId ?? newId("ctc_"),
      status,
      call_id: p.id,
      name: p.name,
      input: p.arguments,
    };
  }
  return {
    type: "function_call",
    id: itemId ?? newId("fc_"),
    status,
    call_id: p.id,
    name: p.name,
    arguments: p.arguments,
    ...(p.namespace && { namespace: p.namespace }),
  };
}

/**
 * Reasoning output item as a Responses client keeps and sends back. An OpenAI model's encrypted content and
 * `rs_` id as they came; another family's signature / encrypted payload wrapped into `encrypted_content`
 * (see ../reasoning-carry.ts). `itemId` is the id already announced on the stream for this item, if any.
 */
export function reasoningItem(p: Omit<ReasoningPart, "type">, itemId?: string): Obj {
  const own = p.family === "openai";
  const encrypted = own ? p.encrypted : wrapReasoning(p);
  const id = itemId ?? (own && p.id?.startsWith("rs_") ? p.id : undefined);
  return {
    type: "reasoning",
    id: id ?? newId("rs_"),
    summary: p.text ? [{ type: "summary_text", text: p.text }] : [],
    ...(encrypted && { encrypted_content: encrypted }),
  };
}
