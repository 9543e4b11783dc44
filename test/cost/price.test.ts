import assert from "node:assert/strict";
import { test } from "node:test";
import { costIfBaseline, priceUsage } from "../../src/cost/price.js";
import type { IRUsage } from "../../src/ir/types.js";
import { createCatalog } from "../../src/route/catalog.js";

const catalog = createCatalog();
const AT = new Date("2026-11-26T12:00:00Z");
const u = (p: Partial<IRUsage>): IRUsage => ({
  inputTokens: 0,
  outputTokens: 0,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  cacheWrite1hTokens: 0,
  reasoningTokens: 0,
  ...p,
});
const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);

// Published per-million prices (platform.claude.com / developers.openai.com pricing pages, as of 2026-11-26):
// Opus 5.5: $4 in, $20 out, $0.20 cache read, $5 5-min write, $8 1-hour write.
// Sonnet 5: $2 in, $10 out, $0.20 cache read, $2.50 5-min write, $4 1-hour write.
// GPT-5.5: $5 in, $0.50 cached, $30 out; prompts over 272K: $10 / $1 / $45.

test("Claude Code turn, cache-heavy, on Opus 5.5 matches the hand-computed bill", () => {
  // usage shape from a Claude Code main turn: 3 uncached, 120K read from cache, 4.5K written (5 min), 850 out
  const usage = u({ inputTokens: 3, cacheReadTokens: 120_000, cacheWriteTokens: 4_500, outputTokens: 850 });
  const r = priceUsage("claude-opus-5-5", usage, catalog, { at: AT });
  const hand = (3 * 4 + 120_000 * 0.2 + 4_500 * 5 + 850 * 20) / 1e6; // 0.063512
  close(r.usd, hand);
  close(r.usd, 0.063512);
  close(r.breakdown.cacheRead, 0.024);
  close(r.breakdown.cacheWrite5m, 0.0225);
  close(r.breakdown.output, 0.017);
  close(
    r.breakdown.input +
      r.breakdown.cacheRead +
      r.breakdown.cacheWrite5m +
      r.breakdown.cacheWrite1h +
      r.breakdown.output,
    r.usd,
  );
  assert.equal(r.breakdown.source, "genai-prices");
});

test("1-hour cache writes on Sonnet 5 are billed at the 1h rate", () => {
  const usage = u({ inputTokens: 3, cacheReadTokens: 120_000, cacheWrite1hTokens: 4_500, outputTokens: 850 });
  const r = priceUsage("claude-sonnet-5", usage, catalog, { at: AT });
  close(r.usd, (3 * 2 + 120_000 * 0.2 + 4_500 * 4 + 850 * 10) / 1e6); // 0.050506
  close(r.breakdown.cacheWrite1h, 0.018);
});

test("Codex turn on GPT-5.5 (automatic caching, reasoning inside output)", () => {
  // Responses usage: input_tokens 48,000 of which cached 44,800; output 1,200 incl. 800 reasoning
  const usage = u({ inputTokens: 3_200, cacheReadTokens: 44_800, outputTokens: 1_200, reasoningTokens: 800 });
  const r = priceUsage("gpt-5.5", usage, catalog, { at: AT });
  close(r.usd, (3_200 * 5 + 44_800 * 0.5 + 1_200 * 30) / 1e6); // 0.0744
  assert.equal(r.breakdown.longContext, false);
  // Cost-If-Opus: the same usage, same cache hits, on the newest Opus (5.5)
  const b = costIfBaseline(usage, catalog, { at: AT });
  close(b.usd, (3_200 * 4 + 44_800 * 0.2 + 1_200 * 20) / 1e6); // 0.04576
  assert.equal(catalog.baselineId, "claude-opus-5-5");
});

test("long-context tier: a 300K-token GPT-5.5 prompt is billed at the >272K rates", () => {
  const usage = u({ inputTokens: 20_000, cacheReadTokens: 280_000, outputTokens: 2_000 });
  const r = priceUsage("gpt-5.5", usage, catalog, { at: AT });
  close(r.usd, (20_000 * 10 + 280_000 * 1 + 2_000 * 45) / 1e6); // 0.57
  assert.equal(r.breakdown.longContext, true);
});

test("dated and aliased names resolve; config overrides price models genai-prices lacks", () => {
  const usage = u({ inputTokens: 1_000_000, outputTokens: 1_000_000 });
  close(priceUsage("claude-haiku-4-5-20251001", usage, catalog, { at: AT }).usd, 1 + 5);
  const c2 = createCatalog([
    { id: "local-coder", provider: "ollama", input_price: 0.5, output_price: 1.5, cache_read_price: 0.05 },
  ]);
  const r = priceUsage(
    "local-coder",
    u({ inputTokens: 1_000_000, cacheReadTokens: 1_000_000, outputTokens: 1_000_000 }),
    c2,
  );
  close(r.usd, 0.5 + 0.05 + 1.5);
  assert.equal(r.breakdown.source, "config");
  assert.equal(priceUsage("no-such-model-xyz", usage, catalog).breakdown.source, "unknown");
});
