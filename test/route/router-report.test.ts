import assert from "node:assert/strict";
import { test } from "node:test";
import { type Classification, type Complexity, PHASES, type RequestKind } from "../../src/classify/types.js";
import type { RequestFeatures } from "../../src/route/features.js";
import { createRouter, type RouteContext } from "../../src/route/router.js";
import { MemorySessionStore } from "../../src/route/session.js";

const AT = new Date("2026-11-26T12:00:00Z");
const KINDS: RequestKind[] = ["main", "subagent", "title", "compact", "router", "tool-continuation"];
const COMPLEXITIES: Complexity[] = ["low", "medium", "high"];
const PROVIDERS = ["anthropic", "openai", "google", "deepseek", "moonshot", "xai"];

/** Small deterministic PRNG: the same contexts on every run. */
function rng(seed: number) {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] };
}

test("report: false skips the candidate report only: model, fallbacks, reason and costs are the same", async () => {
  const r = rng(7);
  const routing = { cost_weight: 20 };
  const full = createRouter({ routing, models: [] }, { sessions: new MemorySessionStore() });
  const lean = createRouter({ routing, models: [] }, { sessions: new MemorySessionStore() });
  let stayed = 0;
  for (let i = 0; i < 400; i++) {
    const classification: Classification = {
      phase: r.pick(PHASES),
      confidence: 0.9,
      agent: "claude-code",
      mode: null,
      kind: r.pick(KINDS),
      complexity: r.pick(COMPLEXITIES),
      signals: [],
      layer: "rules",
    };
    const requestFeatures: RequestFeatures = {
      needsTools: r.next() < 0.8,
      needsImages: r.next() < 0.1,
      estInputTokens: Math.floor(r.next() ** 3 * 1_200_000),
      maxOutputTokens: r.next() < 0.5 ? undefined : r.pick([1000, 32_000, 200_000]),
    };
    const ctx: RouteContext = {
      classification,
      requestFeatures,
      sessionId: `s${Math.floor(r.next() * 8)}`,
      availableProviders: r.next() < 0.3 ? undefined : PROVIDERS.filter(() => r.next() < 0.6),
      at: AT,
    };
    const a = await full.route(ctx);
    const b = await lean.route({ ...ctx, report: false });
    assert.deepEqual(b.candidates, []);
    assert.deepEqual({ ...b, candidates: a.candidates }, a, `context ${i}`);
    assert.ok(a.candidates.length > 0);
    if (a.session?.stayed) stayed++;
    const usage = {
      inputTokens: 2000,
      outputTokens: 300,
      cacheReadTokens: Math.floor(r.next() * 150_000),
      cacheWriteTokens: 1000,
      cacheWrite1hTokens: 0,
      reasoningTokens: 0,
    };
    await full.commit(ctx.sessionId as string, a.model, usage);
    await lean.commit(ctx.sessionId as string, b.model, usage);
  }
  assert.ok(stayed > 0, "session affinity was exercised");
});
