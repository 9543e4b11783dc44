import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import {
  type Classification,
  type Complexity,
  PHASES,
  type Phase,
  type RequestKind,
} from "../../src/classify/types.js";
import { createCatalog } from "../../src/route/catalog.js";
import { estimateTokens, featuresFromBody, type RequestFeatures } from "../../src/route/features.js";
import { DEFAULT_FLOORS } from "../../src/route/policy.js";
import { createRouter } from "../../src/route/router.js";
import { simulate } from "../../src/route/simulate.js";

const AT = new Date("2026-11-26T12:00:00Z");
const catalog = createCatalog();
const cls = (phase: Phase, complexity: Complexity = "medium", kind: RequestKind = "main"): Classification => ({
  phase,
  confidence: 0.9,
  agent: "claude-code",
  mode: null,
  kind,
  complexity,
  signals: [],
  layer: "rules",
});
const feats = (p: Partial<RequestFeatures> = {}): RequestFeatures => ({
  needsTools: true,
  needsImages: false,
  estInputTokens: 30_000,
  maxOutputTokens: 32_000,
  ...p,
});
const PROVIDERS = ["anthropic", "openai", "google", "deepseek", "moonshot", "xai"];
/** Every non-empty subset of providers: keys differ per user. */
const subsets = PROVIDERS.reduce<string[][]>((acc, p) => acc.concat(acc.map((s) => [...s, p])), [[]]).filter(
  (s) => s.length,
);

test("a high-complexity plan is never routed below the plan quality floor, whatever keys exist", async () => {
  const router = createRouter({ routing: {}, models: [] });
  const floor = DEFAULT_FLOORS.plan + 8;
  for (const providers of subsets) {
    const d = await router.route({
      classification: cls("plan", "high"),
      requestFeatures: feats(),
      availableProviders: providers,
      at: AT,
    });
    const m = catalog.get(d.model)!;
    assert.ok(m.scores.plan >= floor, `${providers}: ${d.model} plan score ${m.scores.plan} < ${floor}`);
    assert.equal(m.tier, "frontier");
    if (!d.unavailable) assert.ok(providers.includes(d.provider));
    for (const c of d.candidates.filter((c) => c.model !== d.model))
      assert.ok(c.rejectedBecause, `${c.model} lost without a reason`);
  }
  const all = await router.route({ classification: cls("plan", "high"), requestFeatures: feats(), at: AT });
  assert.equal(all.model, "claude-opus-5-5");
  assert.equal(all.unavailable, undefined);
});

test("small_edit never goes to a frontier model", async () => {
  const router = createRouter({ routing: {}, models: [] });
  for (const providers of subsets)
    for (const cx of ["low", "medium", "high"] as const) {
      const d = await router.route({
        classification: cls("small_edit", cx),
        requestFeatures: feats({ estInputTokens: 8_000 }),
        availableProviders: providers,
        at: AT,
      });
      assert.notEqual(catalog.get(d.model)!.tier, "frontier", `${providers} ${cx}: ${d.model}`);
    }
});

test("requests with images or long contexts only go to models that can take them", async () => {
  const router = createRouter({ routing: {}, models: [] });
  const few = subsets.filter((s) => s.length <= 2 || s.length === PROVIDERS.length);
  for (const phase of PHASES)
    for (const providers of few) {
      const img = await router.route({
        classification: cls(phase),
        requestFeatures: feats({ needsImages: true }),
        availableProviders: providers,
        at: AT,
      });
      assert.ok(catalog.get(img.model)!.features.images, `${phase} ${providers}: ${img.model} cannot take images`);
      const long = await router.route({
        classification: cls(phase),
        requestFeatures: feats({ estInputTokens: 300_000 }),
        availableProviders: providers,
        at: AT,
      });
      const lm = catalog.get(long.model)!;
      assert.ok(
        (lm.inputLimit ?? lm.contextWindow) >= 300_000,
        `${phase} ${providers}: ${long.model} window ${lm.contextWindow}`,
      );
      for (const f of img.fallbacks)
        assert.ok(catalog.get(f.model)!.features.images, `fallback ${f.model} cannot take images`);
      for (const f of long.fallbacks)
        assert.ok(catalog.get(f.model)!.contextWindow >= 300_000, `fallback ${f.model} window too small`);
    }
  const d = await router.route({ classification: cls("test"), requestFeatures: feats({ needsImages: true }), at: AT });
  assert.match(d.candidates.find((c) => c.model === "deepseek-v4-flash")!.rejectedBecause!, /images/);
  const l = await router.route({
    classification: cls("test"),
    requestFeatures: feats({ estInputTokens: 300_000 }),
    at: AT,
  });
  assert.match(l.candidates.find((c) => c.model === "kimi-k2.7-code")!.rejectedBecause!, /window/);
});

test("side calls take the cheapest capable model; policy and allow-list are honoured", async () => {
  const router = createRouter({ routing: {}, models: [] });
  const t = await router.route({
    classification: cls("implement", "medium", "title"),
    requestFeatures: feats({ needsTools: false, estInputTokens: 500 }),
    at: AT,
  });
  const eligible = t.candidates.filter((c) => c.eligible);
  assert.equal(t.estCostUsd, Math.min(...eligible.map((c) => c.estCostUsd)));
  const r2 = createRouter({
    routing: { policy: { implement: ["claude-sonnet-5"] }, allow_models: ["claude-sonnet-5", "claude-haiku-4-5"] },
    models: [],
  });
  const d = await r2.route({ classification: cls("implement"), requestFeatures: feats(), at: AT });
  assert.equal(d.model, "claude-sonnet-5");
  assert.match(d.candidates.find((c) => c.model === "deepseek-v4-flash")!.rejectedBecause!, /allow_models/);
});

test("coderouter/auto routes; passthrough names and pins do not", async () => {
  const r = createRouter({ routing: { passthrough_models: ["gpt-4o"] }, models: [] });
  const auto = await r.route({
    classification: cls("implement"),
    requestFeatures: feats({ requestedModel: "coderouter/auto" }),
    at: AT,
  });
  assert.equal(auto.action, "route");
  const pt = await r.route({
    classification: cls("implement"),
    requestFeatures: feats({ requestedModel: "gpt-4o" }),
    at: AT,
  });
  assert.deepEqual([pt.action, pt.model, pt.provider, pt.upstreamModel], ["passthrough", "gpt-4o", "openai", "gpt-4o"]);
  const pin = await r.route({
    classification: cls("implement"),
    requestFeatures: feats(),
    pinnedModel: "claude-haiku-4-5-20251001",
    at: AT,
  });
  assert.deepEqual([pin.action, pin.model, pin.format], ["pinned", "claude-haiku-4-5", "anthropic-messages"]);
  const all = createRouter({ routing: { default_action: "passthrough" }, models: [] });
  assert.equal(
    (
      await all.route({
        classification: cls("plan"),
        requestFeatures: feats({ requestedModel: "claude-opus-4-8" }),
        at: AT,
      })
    ).action,
    "passthrough",
  );
  assert.equal(
    (
      await all.route({
        classification: cls("plan"),
        requestFeatures: feats({ requestedModel: "coderouter/auto" }),
        at: AT,
      })
    ).action,
    "route",
  );
  const hint = await r.route({
    classification: cls("implement"),
    requestFeatures: feats(),
    phaseHint: "small_edit",
    at: AT,
  });
  assert.equal(hint.phase, "small_edit");
});

test("thinking signatures never cross families", async () => {
  const r = createRouter({ routing: {}, models: [] });
  const d = await r.route({
    classification: cls("implement"),
    requestFeatures: feats({ hasReasoningFromFamily: "anthropic" }),
    at: AT,
  });
  assert.notEqual(d.family, "anthropic");
  assert.equal(d.dropForeignReasoning, true);
  const same = await r.route({
    classification: cls("plan", "high"),
    requestFeatures: feats({ hasReasoningFromFamily: "anthropic" }),
    availableProviders: ["anthropic"],
    at: AT,
  });
  assert.equal(same.dropForeignReasoning, false);
});

test("features from real client bodies: tools, max tokens, size estimate", () => {
  const f = JSON.parse(
    readFileSync(new URL("../fixtures/clients/claude/19-tool-bash-main-toolresult.json", import.meta.url), "utf8"),
  );
  const raw = JSON.stringify(f.request.body);
  const x = featuresFromBody("anthropic-messages", f.request.body, raw.length);
  assert.equal(x.needsTools, true);
  assert.equal(x.needsImages, false);
  assert.equal(x.maxOutputTokens, f.request.body.max_tokens);
  assert.equal(x.estInputTokens, estimateTokens(raw.length));
  const img = featuresFromBody("openai-chat", {
    model: "m",
    messages: [
      {
        role: "user",
        content: [{ type: "image_url", image_url: { url: `data:image/png;base64,${"A".repeat(40_000)}` } }],
      },
    ],
  });
  assert.equal(img.needsImages, true);
  assert.ok(img.estInputTokens < 5_000, "image bytes are not counted as text");
});

test("simulate on dev.jsonl reports savings vs all-Opus", async () => {
  const lines = readFileSync(new URL("../fixtures/eval/dev.jsonl", import.meta.url), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
  const report = await simulate(createRouter({ routing: {}, models: [] }), lines, { at: AT });
  assert.equal(report.requests, 300);
  assert.equal(report.baseline_model, "claude-opus-5-5");
  assert.ok(report.baseline_cost > 0);
  assert.ok(report.savings > 0 && report.savings_pct > 0.3, `savings ${report.savings_pct}`);
  const shares = Object.values(report.per_phase).reduce((s, p) => s + (p?.share ?? 0), 0);
  assert.ok(Math.abs(shares - 1) < 1e-9);
  // plan keeps its quality: no plan request went to a model below the plan floor for its complexity
  for (const m of Object.keys(report.per_phase.plan?.models ?? {}))
    assert.ok(catalog.get(m)!.scores.plan >= DEFAULT_FLOORS.plan - 8);
  // restricted keys: anthropic only still saves vs all-Opus (Sonnet/Haiku where allowed)
  const anth = await simulate(createRouter({ routing: {}, models: [] }), lines, {
    at: AT,
    availableProviders: ["anthropic"],
  });
  assert.ok(Object.keys(anth.models).every((m) => m.startsWith("claude-")));
  assert.ok(anth.cost <= anth.baseline_cost);
});
