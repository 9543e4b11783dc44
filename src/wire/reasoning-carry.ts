/**
 * Carrying one family's reasoning artifact through a client of another family.
 *
 * Claude's thinking signature, OpenAI's `encrypted_content` (+ `rs_…` id) and Gemini's `thoughtSignature` are
 * only valid for the family that made them, and each client format has exactly one opaque field it hands back
 * untouched on the next turn: Anthropic `thinking.signature` / `redacted_thinking.data`, Responses
 * `reasoning.encrypted_content`, Gemini `thoughtSignature`. When a reasoning part of family F is written to a
 * client whose own family is not F, the foreign payload goes into that field as a versioned wrapper:
 *
 *     cr1.<family>.<base64url(JSON {sig?, enc?, id?, text?})>
 *
 * (`text` only for Anthropic thinking, whose signature covers the exact thinking text that a client may not keep).
 * Client decoders recognise the wrapper and restore a ReasoningPart of family F with its original fields, so
 * when the conversation goes back to F the provider gets its own artifact; any other family drops it with a
 * warning, as before. A wrapper is never forwarded to a provider: decoders turn it back into IR, encoders refuse
 * one that slipped through, and an unreadable wrapper is dropped.
 */
import type { ApiKind, IRRequest, ModelFamily, ReasoningPart } from "../ir/types.js";

export const WRAP_PREFIX = "cr1.";

const WRAPPED = /^cr1\.(anthropic|openai|google|other)\.([A-Za-z0-9_-]+)$/;

/** The family whose artifacts a client format carries natively (Chat has no opaque reasoning field). */
export function nativeFamily(api: ApiKind): ModelFamily | undefined {
  switch (api) {
    case "anthropic-messages":
      return "anthropic";
    case "openai-responses":
      return "openai";
    case "gemini":
      return "google";
    default:
      return undefined;
  }
}

export const isWrapped = (v: unknown): v is string => typeof v === "string" && v.startsWith(WRAP_PREFIX);

type Carry = Pick<ReasoningPart, "family" | "text" | "signature" | "encrypted" | "id">;

/** The wrapper for a reasoning part's opaque payload; undefined when it has none (plain text needs no carrying). */
export function wrapReasoning(p: Carry): string | undefined {
  if (!p.signature && !p.encrypted) return undefined;
  const payload: { sig?: string; enc?: string; id?: string; text?: string } = {};
  if (p.signature) payload.sig = p.signature;
  if (p.encrypted) payload.enc = p.encrypted;
  if (p.id) payload.id = p.id;
  if (p.family === "anthropic" && p.signature) payload.text = p.text;
  return `${WRAP_PREFIX}${p.family}.${Buffer.from(JSON.stringify(payload), "utf8").toString("base64url")}`;
}

/** Parses a wrapper; undefined when `v` is not a readable one. `shownText` is what the client showed as text. */
export function unwrapReasoning(v: string, shownText = ""): ReasoningPart | undefined {
  const m = WRAPPED.exec(v);
  if (!m) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(m[2], "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return undefined;
  const { sig, enc, id, text } = payload as Record<string, unknown>;
  const s = typeof sig === "string" && sig ? sig : undefined;
  const e = typeof enc === "string" && enc ? enc : undefined;
  if (!s && !e) return undefined;
  if ([s, e].some(isWrapped)) return undefined;
  return {
    type: "reasoning",
    family: m[1] as ModelFamily,
    text: typeof text === "string" ? text : shownText,
    ...(s && { signature: s }),
    ...(e && { encrypted: e }),
    ...(typeof id === "string" && id && { id }),
  };
}

/**
 * Decoder helper for a client's opaque field: `undefined` when `v` is not a wrapper (the caller keeps its native
 * reading), the restored part when it is, `null` (with a warning) when it is a wrapper that cannot be read.
 */
export function restoreReasoning(
  v: unknown,
  shownText: string,
  warnings: string[],
  at: string,
): ReasoningPart | null | undefined {
  if (!isWrapped(v)) return undefined;
  const part = unwrapReasoning(v, shownText);
  if (part) return part;
  warnings.push(`${at}: unreadable CodeRouter reasoning wrapper; dropped`);
  return null;
}

/**
 * True when the request carries reasoning restored from a wrapper (a family other than the client format's own).
 * Such a body must be re-encoded, never passed through byte-for-byte: its raw bytes hold wrappers.
 */
export function hasCarriedReasoning(ir: IRRequest): boolean {
  const own = nativeFamily(ir.sourceApi);
  if (!own) return false;
  return ir.messages.some((m) =>
    m.content.some((p) => p.type === "reasoning" && p.family !== own && !!(p.signature || p.encrypted)),
  );
}
