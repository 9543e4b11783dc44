/**
 * The configuration file (YAML or JSON). Every key is optional; `loadConfig` fills the defaults.
 * Names here are part of the public contract (README, checks): keep them.
 */

import type { Phase } from "../classify/types.js";
import type { ApiKind } from "../ir/types.js";

export interface ProviderConfig {
  /** As the provider's official SDK takes it: https://api.anthropic.com, https://api.openai.com/v1, … */
  base_url: string;
  /** Wire format the provider speaks. */
  format: ApiKind;
  /** Env var holding the key (ANTHROPIC_API_KEY …). */
  api_key_env?: string;
  /** Literal key (discouraged; env is better). */
  api_key?: string;
  /** Forward the client's own key when the server has none (only when no router keys are configured). */
  passthrough_client_key?: boolean;
  /** Extra static headers sent upstream. */
  headers?: Record<string, string>;
}

export interface ModelOverride {
  id: string;
  provider: string;
  /** Upstream model name if different from id. */
  upstream_id?: string;
  context_window?: number;
  max_output?: number;
  /** USD per million tokens. */
  input_price?: number;
  output_price?: number;
  cache_read_price?: number;
  cache_write_price?: number;
  features?: { tools?: boolean; images?: boolean; reasoning?: boolean; prompt_caching?: boolean };
  scores?: Partial<Record<Phase, number>>;
  tier?: "frontier" | "mid" | "small";
  /** Wire format for this model when its provider speaks several (OpenAI: chat or responses). */
  format?: ApiKind;
  /** Other incoming names that mean this model. */
  aliases?: string[];
  /** USD per million 1-hour cache-write tokens (default: 2× input when cache_write_price is set, else input). */
  cache_write_1h_price?: number;
}

export interface RouterKeyConfig {
  key: string;
  name?: string;
  budget_usd_per_day?: number;
  budget_usd_per_month?: number;
  rpm?: number;
  tpm?: number;
}

export interface RoutingConfig {
  /** Phase → preferred model ids, best first. */
  policy?: Partial<Record<Phase, string[]>>;
  /** Only these models may be chosen (empty = all with keys). */
  allow_models?: string[];
  /** Model for Cost-If-Opus. */
  baseline_model?: string;
  /** Incoming model names that are passed through unchanged instead of routed (default: none; `coderouter/auto` always routes). */
  passthrough_models?: string[];
  /** `route` (default) or `passthrough` for model names not listed. */
  default_action?: "route" | "passthrough";
  /** Per-phase minimum capability score (0–100). */
  quality_floor?: Partial<Record<Phase, number>>;
  /** Stay on the session's model unless the expected saving beats the cache re-bill (default true). */
  session_affinity?: boolean;
  llm_fallback?: { model?: string; threshold?: number; timeout_ms?: number; enabled?: boolean };
  /** Ranking: points of capability one 10× cost step is worth (default 20). */
  cost_weight?: number;
  /** Session affinity: how many more requests a switch is assumed to pay back over (default 4). */
  session_horizon_requests?: number;
  /** Output tokens assumed per request when estimating cost before the call, per phase. */
  output_tokens?: Partial<Record<Phase, number>>;
}

export interface Config {
  host: string;
  port: number;
  /** Where the SQLite ledger lives (default ~/.coderouter, or CODEROUTER_DATA). */
  data_dir: string;
  database_url?: string;
  redis_url?: string;
  providers: Record<string, ProviderConfig>;
  models: ModelOverride[];
  routing: RoutingConfig;
  keys: RouterKeyConfig[];
  /** Name reported back to the client: the model it asked for (default) or the routed one. */
  response_model: "requested" | "routed";
  limits: { max_body_bytes: number };
  timeouts: { connect_ms: number; first_byte_ms: number; idle_ms: number; total_ms: number };
  ledger: { retention_days: number; store_content: boolean; batch_ms: number; batch_size: number };
  log_level: string;
  /** Allow binding beyond loopback without router keys. */
  allow_open_bind?: boolean;
}
