/** Starts a real CodeRouter on a free loopback port, with every provider pointed at one fake upstream. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultConfig } from "../../src/config/load.js";
import type { Config } from "../../src/config/types.js";
import { type RunningServer, startServer } from "../../src/server/index.js";
import type { FakeUpstream } from "./fake-upstream.js";

/** One test model per upstream wire format, so a pin (X-CodeRouter-Model) picks the target format. */
export const TEST_MODELS = {
  "anthropic-messages": "t-anthropic",
  "openai-chat": "t-chat",
  "openai-responses": "t-responses",
  gemini: "t-gemini",
} as const;

export const TEST_KEYS = {
  ANTHROPIC_API_KEY: "sk-ant-test-SECRET-anthropic-0001",
  OPENAI_API_KEY: "sk-test-SECRET-openai-0002",
  GEMINI_API_KEY: "AIza-test-SECRET-gemini-0003",
  DEEPSEEK_API_KEY: "sk-test-SECRET-deepseek-0004",
};

export function testConfig(up: FakeUpstream, over: Partial<Config> = {}): Config {
  const base = defaultConfig({});
  const models = [
    {
      id: "t-anthropic",
      provider: "anthropic",
      upstream_id: "claude-sonnet-5",
      format: "anthropic-messages",
      input_price: 3,
      output_price: 15,
      cache_read_price: 0.3,
      cache_write_price: 3.75,
      context_window: 200000,
      max_output: 64000,
      features: { tools: true, images: true, reasoning: true, prompt_caching: true },
      tier: "mid",
    },
    {
      id: "t-chat",
      provider: "deepseek",
      upstream_id: "deepseek-chat",
      format: "openai-chat",
      input_price: 0.28,
      output_price: 0.42,
      cache_read_price: 0.028,
      context_window: 128000,
      max_output: 8192,
      features: { tools: true, images: true, reasoning: false, prompt_caching: true },
      tier: "small",
    },
    {
      id: "t-responses",
      provider: "openai",
      upstream_id: "gpt-5.5",
      format: "openai-responses",
      input_price: 1.25,
      output_price: 10,
      cache_read_price: 0.125,
      context_window: 400000,
      max_output: 128000,
      features: { tools: true, images: true, reasoning: true, prompt_caching: true },
      tier: "mid",
    },
    {
      id: "t-gemini",
      provider: "google",
      upstream_id: "gemini-3-flash-preview",
      format: "gemini",
      input_price: 0.5,
      output_price: 3,
      cache_read_price: 0.05,
      context_window: 1000000,
      max_output: 65536,
      features: { tools: true, images: true, reasoning: true, prompt_caching: true },
      tier: "small",
    },
  ] as Config["models"];
  return {
    ...base,
    port: 0,
    data_dir: mkdtempSync(join(tmpdir(), "coderouter-test-")),
    database_url: undefined,
    redis_url: undefined,
    log_level: "silent",
    providers: {
      anthropic: { base_url: up.baseUrl, format: "anthropic-messages", api_key_env: "ANTHROPIC_API_KEY" },
      openai: { base_url: `${up.baseUrl}/v1`, format: "openai-responses", api_key_env: "OPENAI_API_KEY" },
      google: { base_url: up.baseUrl, format: "gemini", api_key_env: "GEMINI_API_KEY" },
      deepseek: { base_url: `${up.baseUrl}/v1`, format: "openai-chat", api_key_env: "DEEPSEEK_API_KEY" },
    },
    models,
    ledger: { ...base.ledger, batch_ms: 20 },
    timeouts: { connect_ms: 2000, first_byte_ms: 5000, idle_ms: 5000, total_ms: 60000 },
    ...over,
  };
}

export async function startRouter(
  up: FakeUpstream,
  over: Partial<Config> = {},
  env: NodeJS.ProcessEnv = TEST_KEYS,
): Promise<RunningServer> {
  return startServer(testConfig(up, over), { env });
}
