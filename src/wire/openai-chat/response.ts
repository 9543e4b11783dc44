/** Non-streamed OpenAI Chat Completions responses: upstream body → IR and IR → client body. */
import { RouterError } from "../../errors/index.js";
import type { DecisionTrailer, IRResponse } from "../../ir/types.js";
import { isObj, type Obj } from "../internal/check.js";
import { finishReasonFromOpenAI, finishReasonToOpenAI } from "./finish-reason.js";
import { usageFromOpenAI, usageToOpenAI } from "./usage.js";

const bad = (msg: string) =>
  new RouterError("bad_gateway", `upstream OpenAI Chat response: ${msg}`, { code: "CR_UPSTREAM_SHAPE" });

export function decodeResponse(body: unknown): IRResponse {
  if (!isObj(body)) throw bad("not a JSON object");
  if (isObj(body.error)) throw bad(`error body: ${String(body.error.message)}`);
  const choice = Array.isArray(body.choices) && isObj(body.choices[0]) ? body.choices[0] : undefined;
  if (!choice) throw bad("no choices");
  const m = isObj(choice.message) ? choice.message : {};
  const content: IRResponse["content"] = [];
  const reasoning =
    typeof m.reasoning_content === "string" ? m.reasoning_content : typeof m.reasoning === "string" ? m.reasoning : "";
  if (reasoning) content.push({ type: "reasoning", text: reasoning, family: "other" });
  if (typeof m.content === "string" && m.content) content.push({ type: "text", text: m.content });
  const refusal = typeof m.refusal === "string" && m.refusal ? m.refusal : undefined;
  if (refusal) content.push({ type: "text", text: refusal });
  if (Array.isArray(m.tool_calls)) {
    m.tool_calls.forEach((tc, i) => {
      if (!isObj(tc)) return;
      const id = typeof tc.id === "string" ? tc.id : `call_${i}`;
      if (tc.type === "custom" && isObj(tc.custom)) {
        content.push({
          type: "tool_call",
          id,
          name: String(tc.custom.name),
          arguments: String(tc.custom.input ?? ""),
          kind: "custom",
        });
      } else if (isObj(tc.function)) {
        const a = tc.function.arguments;
        content.push({
          type: "tool_call",
          id,
          name: String(tc.function.name),
          arguments: typeof a === "string" ? a : JSON.stringify(a ?? {}),
          kind: "function",
        });
      }
    });
  }
  const hasCalls = content.some((p) => p.type === "tool_call");
  let stopReason = finishReasonFromOpenAI(choice.finish_reason);
  if (refusal) stopReason = "refusal";
  else if (stopReason === "end_turn" && hasCalls) stopReason = "tool_use"; // some compatible servers say "stop" with tool calls
  return {
    id: typeof body.id === "string" ? body.id : "chatcmpl-unknown",
    model: typeof body.model === "string" ? body.model : "",
    content,
    stopReason,
    usage: usageFromOpenAI(body.usage),
  };
}

export function encodeResponse(
  res: IRResponse,
  opts: { model: string; trailer?: DecisionTrailer },
): Record<string, unknown> {
  const text = res.content
    .filter((p) => p.type === "text")
    .map((p) => (p as { text: string }).text)
    .join("");
  const reasoning = res.content
    .filter((p) => p.type === "reasoning")
    .map((p) => (p as { text: string }).text)
    .join("");
  const calls: Obj[] = [];
  for (const p of res.content) {
    if (p.type !== "tool_call") continue;
    calls.push(
      p.kind === "custom"
        ? { id: p.id, type: "custom", custom: { name: p.name, input: p.arguments } }
        : {
            id: p.id,
            type: "function",
            function: { name: p.name, arguments: p.arguments === "" ? "{}" : p.arguments },
          },
    );
  }
  const refusal = res.stopReason === "refusal";
  const message: Obj = {
    role: "assistant",
    content: refusal ? null : text || null,
    refusal: refusal ? text || "refused" : null,
  };
  if (reasoning) message.reasoning_content = reasoning;
  if (calls.length > 0) message.tool_calls = calls;
  const body: Obj = {
    id: res.id.startsWith("chatcmpl-") ? res.id : `chatcmpl-${res.id}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: opts.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReasonToOpenAI(res.stopReason) }],
    usage: usageToOpenAI(res.usage),
  };
  if (opts.trailer) body.coderouter = opts.trailer;
  return body;
}
