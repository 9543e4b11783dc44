/** Non-streamed Anthropic Messages responses: upstream body → IR and IR → client body. */
import { RouterError } from "../../errors/index.js";
import type { DecisionTrailer, IRResponse, ReasoningPart } from "../../ir/types.js";
import { argsToObject, arr, isObj, type Obj } from "../internal/check.js";
import { wrapReasoning } from "../reasoning-carry.js";
import { stopReasonFromAnthropic, stopReasonToAnthropic } from "./finish-reason.js";
import { usageFromAnthropic, usageToAnthropic } from "./usage.js";

const bad = (msg: string) =>
  new RouterError("bad_gateway", `upstream Anthropic response: ${msg}`, { code: "CR_UPSTREAM_SHAPE" });

export function decodeResponse(body: unknown): IRResponse {
  if (!isObj(body)) throw bad("not a JSON object");
  if (body.type === "error") {
    const e = isObj(body.error) ? body.error : {};
    throw bad(`error body ${String(e.type)}: ${String(e.message)}`);
  }
  if (!Array.isArray(body.content)) throw bad("missing content array");
  const content: IRResponse["content"] = [];
  for (const raw of arr(body.content, "content")) {
    if (!isObj(raw)) continue;
    switch (raw.type) {
      case "text":
        if (typeof raw.text === "string") content.push({ type: "text", text: raw.text });
        break;
      case "tool_use":
        content.push({
          type: "tool_call",
          id: String(raw.id),
          name: String(raw.name),
          arguments: JSON.stringify(raw.input ?? {}),
          kind: "function",
        });
        break;
      case "thinking":
        content.push({
          type: "reasoning",
          text: typeof raw.thinking === "string" ? raw.thinking : "",
          family: "anthropic",
          ...(typeof raw.signature === "string" && raw.signature ? { signature: raw.signature } : {}),
        });
        break;
      case "redacted_thinking":
        content.push({ type: "reasoning", text: "", family: "anthropic", encrypted: String(raw.data) });
        break;
      default:
        break; // server_tool_use, web_search_tool_result …: executed upstream, nothing for the client to act on
    }
  }
  const res: IRResponse = {
    id: typeof body.id === "string" ? body.id : "msg_unknown",
    model: typeof body.model === "string" ? body.model : "",
    content,
    stopReason: stopReasonFromAnthropic(body.stop_reason),
    usage: usageFromAnthropic(body.usage),
  };
  if (typeof body.stop_sequence === "string") res.stopSequence = body.stop_sequence;
  return res;
}

export function contentToAnthropic(content: IRResponse["content"]): Obj[] {
  const out: Obj[] = [];
  for (const p of content) {
    if (p.type === "text") out.push({ type: "text", text: p.text });
    else if (p.type === "tool_call")
      out.push({ type: "tool_use", id: p.id, name: p.name, input: argsToObject(p.arguments) });
    else {
      const b = thinkingBlock(p);
      if (b) out.push(b);
    }
  }
  return out;
}

/**
 * A reasoning part as the block an Anthropic client keeps and sends back: Claude's own as is; another family's
 * payload wrapped into the signature (or redacted_thinking data when there is no text), see ../reasoning-carry.ts.
 */
export function thinkingBlock(p: ReasoningPart): Obj | undefined {
  if (p.family === "anthropic") {
    if (p.encrypted && !p.signature) return { type: "redacted_thinking", data: p.encrypted };
    return p.text || p.signature ? { type: "thinking", thinking: p.text, signature: p.signature ?? "" } : undefined;
  }
  const wrapped = wrapReasoning(p);
  if (wrapped) {
    return p.text
      ? { type: "thinking", thinking: p.text, signature: wrapped }
      : { type: "redacted_thinking", data: wrapped };
  }
  return p.text ? { type: "thinking", thinking: p.text, signature: "" } : undefined;
}

export function encodeResponse(
  res: IRResponse,
  opts: { model: string; trailer?: DecisionTrailer },
): Record<string, unknown> {
  const body: Obj = {
    id: res.id.startsWith("msg_") ? res.id : `msg_${res.id}`,
    type: "message",
    role: "assistant",
    model: opts.model,
    content: contentToAnthropic(res.content),
    stop_reason: stopReasonToAnthropic(res.stopReason),
    stop_sequence: res.stopSequence ?? null,
    usage: usageToAnthropic(res.usage),
  };
  if (opts.trailer) body.coderouter = opts.trailer;
  return body;
}
