/**
 * Built-in providers: data, not code. Each entry is how a provider is reached — base URL as its official SDK takes
 * it, the wire format it speaks, where its key lives and how the key is sent. Config `providers.<id>` overrides any
 * field; a provider that speaks OpenAI Chat is an entry here, never a folder.
 */
import type { ApiKind } from "../ir/types.js";

export interface AuthScheme {
  /** Header that carries the key. */
  header: string;
  /** `bearer` sends `Bearer <key>`, `raw` sends the key as is. */
  scheme: "bearer" | "raw";
}

export interface BuiltinProvider {
  id: string;
  base_url: string;
  /** Default wire format; a catalog model may override it (OpenAI serves Chat and Responses). */
  format: ApiKind;
  /** Env vars that may hold the key, first found wins. Empty for keyless local servers. */
  api_key_env: string[];
  auth: AuthScheme;
  /** Works without a key (local OpenAI-compatible servers). */
  keyless?: boolean;
  /** Static headers every request to this provider carries. */
  headers?: Record<string, string>;
}

const BEARER: AuthScheme = { header: "authorization", scheme: "bearer" };

export const BUILTIN_PROVIDERS: Readonly<Record<string, BuiltinProvider>> = {
  anthropic: {
    id: "anthropic",
    base_url: "https://api.anthropic.com",
    format: "anthropic-messages",
    api_key_env: ["ANTHROPIC_API_KEY"],
    auth: { header: "x-api-key", scheme: "raw" },
    headers: { "anthropic-version": "2023-06-01" },
  },
  openai: {
    id: "openai",
    base_url: "https://api.openai.com/v1",
    format: "openai-chat",
    api_key_env: ["OPENAI_API_KEY"],
    auth: BEARER,
  },
  google: {
    id: "google",
    base_url: "https://generativelanguage.googleapis.com",
    format: "gemini",
    api_key_env: ["GEMINI_API_KEY", "GOOGLE_API_KEY"],
    auth: { header: "x-goog-api-key", scheme: "raw" },
  },
  deepseek: {
    id: "deepseek",
    base_url: "https://api.deepseek.com/v1",
    format: "openai-chat",
    api_key_env: ["DEEPSEEK_API_KEY"],
    auth: BEARER,
  },
  moonshot: {
    id: "moonshot",
    base_url: "https://api.moonshot.ai/v1",
    format: "openai-chat",
    api_key_env: ["MOONSHOT_API_KEY"],
    auth: BEARER,
  },
  xai: {
    id: "xai",
    base_url: "https://api.x.ai/v1",
    format: "openai-chat",
    api_key_env: ["XAI_API_KEY"],
    auth: BEARER,
  },
  openrouter: {
    id: "openrouter",
    base_url: "https://openrouter.ai/api/v1",
    format: "openai-chat",
    api_key_env: ["OPENROUTER_API_KEY"],
    auth: BEARER,
  },
  /** Any OpenAI-compatible server (Ollama, vLLM, LM Studio); point base_url elsewhere in config. */
  "openai-compatible": {
    id: "openai-compatible",
    base_url: "http://127.0.0.1:11434/v1",
    format: "openai-chat",
    api_key_env: ["OPENAI_COMPATIBLE_API_KEY"],
    auth: BEARER,
    keyless: true,
  },
  ollama: {
    id: "ollama",
    base_url: "http://127.0.0.1:11434/v1",
    format: "openai-chat",
    api_key_env: ["OLLAMA_API_KEY"],
    auth: BEARER,
    keyless: true,
  },
};

/** Auth scheme for a provider id; unknown (config-only) providers are OpenAI-compatible, so Bearer. */
export function authSchemeFor(providerId: string): AuthScheme {
  return BUILTIN_PROVIDERS[providerId]?.auth ?? BEARER;
}

/** Headers that authenticate `key` with `providerId` (lower-case names). Empty when there is no key. */
export function authHeaders(providerId: string, key: string | undefined): Record<string, string> {
  if (!key) return {};
  const { header, scheme } = authSchemeFor(providerId);
  return { [header]: scheme === "bearer" ? `Bearer ${key}` : key };
}
