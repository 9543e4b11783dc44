/** Accepts what people have at hand — a bare body, an `{api,path,headers,body}` envelope, or a capture fixture. */
import type { ApiKind } from "../ir/types.js";
import type { ClassifyInput } from "./types.js";

/** Guesses the API from the path, then from the body's shape. */
export function inferApi(path: string | undefined, body: any): ApiKind {
  if (path) {
    if (path.includes("/messages")) return "anthropic-messages";
    if (path.includes("/chat/completions")) return "openai-chat";
    if (path.includes("/responses")) return "openai-responses";
    if (path.includes(":generateContent") || path.includes(":streamGenerateContent")) return "gemini";
  }
  if (body && typeof body === "object") {
    if (Array.isArray(body.contents)) return "gemini";
    if (body.input !== undefined) return "openai-responses";
    if (body.system !== undefined || body.anthropic_version) return "anthropic-messages";
  }
  return "openai-chat";
}

function lowerHeaders(h: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (h && typeof h === "object")
    for (const [k, v] of Object.entries(h)) if (v != null) out[k.toLowerCase()] = String(v);
  return out;
}

/** Returns null for requests with no body to classify (e.g. Claude Code's `HEAD /` probe). */
export function toClassifyInput(doc: any): ClassifyInput | null {
  if (!doc || typeof doc !== "object") return null;
  if (doc.request && typeof doc.request === "object") {
    const r = doc.request;
    if (!r.body || typeof r.body !== "object") return null;
    return {
      api: (doc.api as ApiKind) ?? inferApi(r.path, r.body),
      path: r.path,
      headers: lowerHeaders(r.headers),
      body: r.body,
    };
  }
  if (doc.body && typeof doc.body === "object" && (doc.headers || doc.api || doc.path)) {
    return {
      api: (doc.api as ApiKind) ?? inferApi(doc.path, doc.body),
      path: doc.path,
      headers: lowerHeaders(doc.headers),
      body: doc.body,
    };
  }
  return { api: inferApi(undefined, doc), headers: {}, body: doc };
}
