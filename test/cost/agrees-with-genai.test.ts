import assert from "node:assert/strict";
import { test } from "node:test";
import { calcPrice } from "@pydantic/genai-prices";
import fc from "fast-check";
import { priceUsage } from "../../src/cost/index.js";
import { createCatalog } from "../../src/route/catalog.js";

const catalog = createCatalog();

test("the memoised per-request pricing equals genai-prices' own bill for every catalog model", () => {
  const usage = fc.record({
    inputTokens: fc.nat({ max: 400_000 }),
    outputTokens: fc.nat({ max: 64_000 }),
    cacheReadTokens: fc.nat({ max: 900_000 }),
    cacheWriteTokens: fc.nat({ max: 200_000 }),
    cacheWrite1hTokens: fc.constant(0),
    reasoningTokens: fc.constant(0),
  });
  const at = new Date("2026-11-26T12:00:00Z");
  const priced = catalog.models.filter((m) => m.price);
  assert.ok(priced.length >= 10);
  fc.assert(
    fc.property(fc.constantFrom(...priced), usage, (m, u) => {
      const ours = priceUsage(m.id, u, catalog, { at }).usd;
      const theirs = calcPrice(
        {
          input_tokens: u.inputTokens + u.cacheReadTokens + u.cacheWriteTokens,
          output_tokens: u.outputTokens,
          cache_read_tokens: u.cacheReadTokens,
          cache_write_tokens: u.cacheWriteTokens,
        },
        m.price!.model,
        { providerId: m.price!.provider, timestamp: at },
      );
      assert.ok(theirs, `genai-prices knows ${m.id}`);
      assert.ok(
        Math.abs(ours - theirs.total_price) <= 1e-9 * Math.max(1, theirs.total_price),
        `${m.id}: ${ours} vs ${theirs.total_price}`,
      );
    }),
    { numRuns: 400 },
  );
});
