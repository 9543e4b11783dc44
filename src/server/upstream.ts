/** Upstream URL and headers for a candidate, per wire format. */
import type { ApiKind } from "../ir/types.js";
import type { ResolvedProvider } from "./types.js";

const trimSlash = (s: string) => (s.endsWith("/") ? s.slice(0, -1) : s);

export function upstreamUrl(p: ResolvedProvider, format: ApiKind, model: string, stream: boolean): string {
  const base = trimSlash(p.baseUrl);
  switch (format) {
    case "anthropic-messages":
      return `${base}/v1/messages`;
    case "openai-chat":
      return `${base}/chat/completions`;
    case "openai-responses":
      return `${base}/responses`;
    case "gemini":
      return `${base}/v1beta/models/${encodeURIComponent(model)}:${stream ? "streamGenerateContent?alt=sse" : "generateContent"}`;
  }
}

/** Headers a client may send that the same-format upstream should still see (betas, versions). */
const FORWARDED: Record<ApiKind, string[]> = {
  "anthropic-messages": ["anthropic-beta", "anthropic-version"],
  "openai-chat": ["openai-organization", "openai-project"],
  "openai-responses": ["openai-organization", "openai-project", "openai-beta"],
  gemini: [],
};

export function upstreamHeaders(
  p: ResolvedProvider,
  format: ApiKind,
  key: string | undefined,
  inboundApi: ApiKind,
  inbound: Record<string, string | string[] | undefined>,
  stream: boolean,
): Record<string, string> {
  const h: Record<string, string> = {
    "content-type": "application/json",
    accept: stream ? "text/event-stream" : "application/json",
  };
  if (format === inboundApi) {
    for (const name of FORWARDED[format]) {
      const v = inbound[name];
      if (typeof v === "string") h[name] = v;
    }
  }
  if (key) {
    if (format === "anthropic-messages") h["x-api-key"] = key;
    else if (format === "gemini") h["x-goog-api-key"] = key;
    else h.authorization = `Bearer ${key}`;
  }
  if (format === "anthropic-messages" && !h["anthropic-version"]) h["anthropic-version"] = "2023-06-01";
  Object.assign(h, p.headers);
  return h;
}

/** The key a client presented, the way its API carries it. */
export function clientKey(
  api: ApiKind,
  headers: Record<string, string | string[] | undefined>,
  url?: URL,
): string | undefined {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const auth = one(headers.authorization);
  const bearer = auth?.toLowerCase().startsWith("bearer ") ? auth.slice(7).trim() : undefined;
  const xApiKey = one(headers["x-api-key"]);
  const goog = one(headers["x-goog-api-key"]) ?? url?.searchParams.get("key") ?? undefined;
  if (api === "anthropic-messages") return xApiKey ?? bearer;
  if (api === "gemini") return goog ?? bearer;
  return bearer ?? xApiKey;
}
