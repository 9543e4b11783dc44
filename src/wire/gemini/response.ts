/** Non-streamed GenerateContentResponse ⇄ IR response. */
import { RouterError } from "../../errors/index.js";
import type { DecisionTrailer, IRResponse } from "../../ir/types.js";
import { isObj, newId, type Obj, optStr } from "../internal/guards.js";
import { errorFromBody } from "./errors.js";
import { finishFromIR, finishToIR } from "./finish.js";
import { CallIds, partsFromIR, partsToIR } from "./parts.js";
import { usageFromIR, usageToIR } from "./usage.js";

export function decodeResponse(body: unknown): IRResponse {
  if (!isObj(body)) throw new RouterError("bad_gateway", "Gemini upstream returned a non-object body");
  if (isObj(body.error)) throw errorFromBody(502, body);
  const candidate = Array.isArray(body.candidates) && isObj(body.candidates[0]) ? body.candidates[0] : undefined;
  const parts = candidate && isObj(candidate.content) ? candidate.content.parts : [];
  const content = partsToIR(parts, new CallIds(), "candidates[0].content.parts", []).filter(
    (p): p is IRResponse["content"][number] => p.type === "text" || p.type === "tool_call" || p.type === "reasoning",
  );
  const blocked = !candidate && isObj(body.promptFeedback) && body.promptFeedback.blockReason !== undefined;
  return {
    id: optStr(body.responseId) ?? newId("gen_"),
    model: optStr(body.modelVersion) ?? "",
    content,
    stopReason: blocked
      ? "content_filter"
      : finishToIR(
          candidate?.finishReason,
          content.some((c) => c.type === "tool_call"),
        ),
    usage: usageToIR(body.usageMetadata),
  };
}

export function encodeResponse(res: IRResponse, opts: { model: string; trailer?: DecisionTrailer }): Obj {
  const parts = partsFromIR(res.content, "model", new Map(), [], false);
  return {
    candidates: [
      {
        content: { role: "model", parts: parts.length > 0 ? parts : [{ text: "" }] },
        finishReason: finishFromIR(res.stopReason),
        index: 0,
      },
    ],
    usageMetadata: usageFromIR(res.usage),
    modelVersion: opts.model,
    responseId: res.id,
    ...(opts.trailer && { coderouter: opts.trailer }),
  };
}
