/**
 * Built-ins + config + environment → how each provider is reached right now. Done once at startup; keys never
 * leave this object except through `authHeaders`.
 */
import type { Config, ProviderConfig } from "../config/types.js";
import type { ApiKind } from "../ir/types.js";
import { BUILTIN_PROVIDERS } from "./builtin.js";

export interface ProviderRuntime {
  id: string;
  baseUrl: string;
  format: ApiKind;
  /** Server-side key, if any. Never log it. */
  key?: string;
  /** Env var that holds (or would hold) the key, for the "missing key" message. */
  keyEnv?: string;
  keyless: boolean;
  passthroughClientKey: boolean;
  headers: Record<string, string>;
}

function one(
  id: string,
  cfg: Partial<ProviderConfig> | undefined,
  env: NodeJS.ProcessEnv,
): ProviderRuntime | undefined {
  const builtin = BUILTIN_PROVIDERS[id];
  const baseUrl = cfg?.base_url ?? builtin?.base_url;
  if (!baseUrl) return undefined;
  const envNames = cfg?.api_key_env ? [cfg.api_key_env] : (builtin?.api_key_env ?? []);
  const found = envNames.find((n) => env[n]);
  return {
    id,
    baseUrl: baseUrl.replace(/\/+$/, ""),
    format: cfg?.format ?? builtin?.format ?? "openai-chat",
    key: cfg?.api_key || (found ? env[found] : undefined),
    keyEnv: found ?? envNames[0],
    keyless: builtin?.keyless ?? false,
    passthroughClientKey: cfg?.passthrough_client_key ?? false,
    headers: { ...(builtin?.headers ?? {}), ...(cfg?.headers ?? {}) },
  };
}

/** Every built-in provider plus the ones the config adds, with keys looked up in `env`. */
export function resolveProviders(
  config: Pick<Config, "providers">,
  env: NodeJS.ProcessEnv = process.env,
): Map<string, ProviderRuntime> {
  const out = new Map<string, ProviderRuntime>();
  const ids = new Set([...Object.keys(BUILTIN_PROVIDERS), ...Object.keys(config.providers ?? {})]);
  for (const id of ids) {
    const p = one(id, config.providers?.[id], env);
    if (p) out.set(id, p);
  }
  return out;
}

/**
 * Providers a request can use: a server key, a keyless local server explicitly configured, or (when allowed)
 * the client's own key. `clientKey` tells whether the caller presented one.
 */
export function usableProviders(
  providers: Map<string, ProviderRuntime>,
  config: Pick<Config, "providers">,
  clientKey = false,
): Set<string> {
  const out = new Set<string>();
  for (const p of providers.values()) {
    if (p.key) out.add(p.id);
    else if (p.keyless && config.providers?.[p.id]) out.add(p.id);
    else if (p.passthroughClientKey && clientKey) out.add(p.id);
  }
  return out;
}
