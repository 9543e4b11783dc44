import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import type { Config } from "./types.js";

export type { Config } from "./types.js";

export const DEFAULT_PORT = 8787;

export function defaultConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: "127.0.0.1",
    port: DEFAULT_PORT,
    data_dir: env.CODEROUTER_DATA || join(homedir(), ".coderouter"),
    database_url: env.CODEROUTER_DATABASE_URL || undefined,
    redis_url: env.CODEROUTER_REDIS_URL || undefined,
    providers: {},
    models: [],
    routing: {},
    keys: [],
    response_model: "requested",
    limits: { max_body_bytes: 32 * 1024 * 1024 },
    timeouts: { connect_ms: 10_000, first_byte_ms: 120_000, idle_ms: 300_000, total_ms: 30 * 60_000 },
    ledger: { retention_days: 30, store_content: false, batch_ms: 200, batch_size: 256 },
    log_level: env.CODEROUTER_LOG_LEVEL || "info",
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Deep merge of plain objects; arrays and scalars from `over` replace. */
function merge<T>(base: T, over: unknown): T {
  if (!isObject(base) || !isObject(over)) return (over === undefined ? base : over) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    out[k] = isObject(out[k]) && isObject(v) ? merge(out[k], v) : v;
  }
  return out as T;
}

/** Expands `${ENV}` references inside string values (keys stay out of the file). */
function expandEnv(v: unknown, env: NodeJS.ProcessEnv): unknown {
  if (typeof v === "string") return v.replace(/\$\{([A-Z0-9_]+)\}/g, (_, name) => env[name] ?? "");
  if (Array.isArray(v)) return v.map((x) => expandEnv(x, env));
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, expandEnv(x, env)]));
  return v;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

function validate(c: Config): Config {
  if (!Number.isInteger(c.port) || c.port < 0 || c.port > 65535)
    throw new ConfigError(`port must be 0–65535, got ${c.port}`);
  if (!Array.isArray(c.keys)) throw new ConfigError("keys must be a list of {key, budget_usd_per_day, …}");
  for (const [i, k] of c.keys.entries()) {
    if (!isObject(k) || typeof k.key !== "string" || k.key.length < 8)
      throw new ConfigError(`keys[${i}].key must be a string of at least 8 characters`);
  }
  if (!Array.isArray(c.models)) throw new ConfigError("models must be a list");
  if (!isObject(c.providers)) throw new ConfigError("providers must be a map of id → {base_url, …}");
  for (const [id, p] of Object.entries(c.providers)) {
    if (!isObject(p)) throw new ConfigError(`providers.${id} must be a map`);
    if (p.base_url !== undefined && typeof p.base_url !== "string")
      throw new ConfigError(`providers.${id}.base_url must be a URL string`);
  }
  if (c.response_model !== "requested" && c.response_model !== "routed")
    throw new ConfigError(`response_model must be "requested" or "routed"`);
  return c;
}

/**
 * Loads the config: defaults ← file (YAML or JSON; `--config`, CODEROUTER_CONFIG, or ~/.coderouter/config.yaml if present)
 * ← environment (CODEROUTER_DATABASE_URL, CODEROUTER_REDIS_URL, CODEROUTER_DATA, CODEROUTER_PORT).
 */
export function loadConfig(path?: string, env: NodeJS.ProcessEnv = process.env): Config {
  let cfg = defaultConfig(env);
  const file = path ?? env.CODEROUTER_CONFIG ?? implicitConfigFile(cfg.data_dir);
  if (file) {
    const abs = resolve(file);
    if (!existsSync(abs)) throw new ConfigError(`config file not found: ${abs}`);
    const text = readFileSync(abs, "utf8");
    let raw: unknown;
    try {
      raw = abs.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
    } catch (e) {
      throw new ConfigError(`cannot parse ${abs}: ${(e as Error).message}`);
    }
    if (raw != null && !isObject(raw)) throw new ConfigError(`${abs}: the top level must be a map`);
    cfg = merge(cfg, expandEnv(raw ?? {}, env));
  }
  if (env.CODEROUTER_DATABASE_URL) cfg.database_url = env.CODEROUTER_DATABASE_URL;
  if (env.CODEROUTER_REDIS_URL) cfg.redis_url = env.CODEROUTER_REDIS_URL;
  if (env.CODEROUTER_PORT) cfg.port = Number(env.CODEROUTER_PORT);
  return validate(cfg);
}

function implicitConfigFile(dataDir: string): string | undefined {
  for (const name of ["config.yaml", "config.yml", "config.json"]) {
    const p = join(dataDir, name);
    if (existsSync(p)) return p;
  }
  return undefined;
}
