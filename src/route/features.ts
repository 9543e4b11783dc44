/**
 * What a request needs from a model, read cheaply: no tokenizer, one pass over the IR (or the raw body for the
 * CLI). Token estimates are bytes / 3.7 on the raw length, with base64 image bytes replaced by a flat per-image
 * cost, which is close enough to pick a context window and rank by cost.
 */
import type { ApiKind, IRRequest, ModelFamily } from "../ir/types.js";

export interface RequestFeatures {
  needsTools: boolean;
  needsImages: boolean;
  estInputTokens: number;
  maxOutputTokens?: number;
  requestedModel?: string;
  /** Family whose signed/encrypted reasoning is in the history (never hand it to another family). */
  hasReasoningFromFamily?: ModelFamily;
}

/** Bytes per token assumed by every estimate (English + code with JSON framing averages ~3.5–4). */
export const BYTES_PER_TOKEN = 3.7;
/** Tokens one image costs, roughly (Anthropic: w*h/750 for ~1.1 MP images). */
export const TOKENS_PER_IMAGE = 1600;

/** Cheap token estimate of a raw body (string/bytes), a byte count, or any JSON value (IR or parsed body). */
export function estimateTokens(x: string | number | Uint8Array | object): number {
  const bytes =
    typeof x === "number"
      ? x
      : typeof x === "string"
        ? Buffer.byteLength(x)
        : x instanceof Uint8Array
          ? x.byteLength
          : JSON.stringify(x).length;
  return Math.ceil(bytes / BYTES_PER_TOKEN);
}

/** Features of a decoded request; `rawBytes` is the body's size on the wire. */
export function requestFeatures(ir: IRRequest, rawBytes: number): RequestFeatures {
  let images = 0;
  let imageBytes = 0;
  let family: ModelFamily | undefined;
  let usesTools = ir.tools.length > 0;
  for (const m of ir.messages) {
    for (const p of m.content) {
      if (p.type === "image") {
        images++;
        imageBytes += p.data?.length ?? 0;
      } else if (p.type === "tool_result") {
        usesTools = true;
        for (const c of p.content) {
          if (c.type !== "image") continue;
          images++;
          imageBytes += c.data?.length ?? 0;
        }
      } else if (p.type === "tool_call") usesTools = true;
      else if (p.type === "reasoning" && (p.signature || p.encrypted)) family = p.family;
    }
  }
  return {
    needsTools: usesTools,
    needsImages: images > 0,
    estInputTokens: estimateTokens(Math.max(0, rawBytes - imageBytes)) + images * TOKENS_PER_IMAGE,
    maxOutputTokens: ir.maxTokens,
    requestedModel: ir.model,
    hasReasoningFromFamily: family,
  };
}

const IMAGE_KEYS = new Set(["image", "image_url", "input_image", "inlineData", "inline_data"]);

/**
 * The same features straight from a parsed body in any of the four APIs (CLI `route`/`simulate`, where no wire
 * decoder is needed). Walks the JSON once.
 */
export function featuresFromBody(_api: ApiKind, body: any, rawBytes?: number): RequestFeatures {
  const raw = rawBytes ?? JSON.stringify(body ?? {}).length;
  let images = 0;
  let imageBytes = 0;
  let toolHistory = false;
  let family: ModelFamily | undefined;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    if (!v || typeof v !== "object") return;
    const o = v as Record<string, any>;
    const t = o.type;
    if (IMAGE_KEYS.has(t) || o.inlineData?.mimeType?.startsWith?.("image/") || o.inline_data) {
      images++;
      const d = o.source?.data ?? o.inlineData?.data ?? o.image_url?.url ?? o.image_url ?? "";
      if (typeof d === "string") imageBytes += d.length;
    }
    if (
      t === "tool_use" ||
      t === "tool_result" ||
      t === "function_call" ||
      t === "function_call_output" ||
      t === "custom_tool_call" ||
      o.functionCall ||
      o.functionResponse ||
      o.tool_calls ||
      o.role === "tool"
    )
      toolHistory = true;
    if (t === "thinking" && o.signature) family = "anthropic";
    else if (t === "redacted_thinking") family = "anthropic";
    else if (t === "reasoning" && o.encrypted_content) family = "openai";
    else if (o.thoughtSignature) family = "google";
    for (const k in o) if (typeof o[k] === "object") walk(o[k]);
  };
  walk(body?.messages ?? body?.input ?? body?.contents);
  const tools = body?.tools;
  const hasTools =
    (Array.isArray(tools) && tools.length > 0) ||
    (Array.isArray(body?.input) && body.input.some((i: any) => i?.type === "additional_tools"));
  const maxOut =
    body?.max_tokens ??
    body?.max_output_tokens ??
    body?.max_completion_tokens ??
    body?.generationConfig?.maxOutputTokens;
  return {
    needsTools: hasTools || toolHistory,
    needsImages: images > 0,
    estInputTokens: estimateTokens(Math.max(0, raw - imageBytes)) + images * TOKENS_PER_IMAGE,
    maxOutputTokens: typeof maxOut === "number" ? maxOut : undefined,
    requestedModel: typeof body?.model === "string" ? body.model : undefined,
    hasReasoningFromFamily: family,
  };
}
