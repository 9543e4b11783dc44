/** createRouter reports configured model names that match no catalog model (bug: they were ignored silently). */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Classification } from "../../src/classify/types.js";
import { createRouter } from "../../src/route/router.js";

const CLS: Classification = {
  phase: "implement",
  confidence: 0.9,
  agent: "claude-code",
  mode: null,
  kind: "main",
  complexity: "medium",
  signals: [],
  layer: "rules",
};

test("unknown ids in routing.policy / allow_models / baseline_model / llm_fallback.model become router.warnings", () => {
  const router = createRouter({
    models: [{ id: "my-local", provider: "ollama", input_price: 0, output_price: 0 }],
    routing: {
      policy: { implement: ["no-such-model", "claude-sonnet-5"], plan: ["gpt-5.5", "typo-opus"] },
      allow_models: ["claude-sonnet-5", "gpt-5.5", "my-local", "ghost-model"],
      baseline_model: "opus-9000",
      llm_fallback: { model: "tiny-missing" },
    },
  });
  assert.deepEqual(router.warnings, [
    "routing.policy.plan[1]: unknown model 'typo-opus' (not in the catalog or config models:); ignored",
    "routing.policy.implement[0]: unknown model 'no-such-model' (not in the catalog or config models:); ignored",
    "routing.allow_models[3]: unknown model 'ghost-model' (not in the catalog or config models:); ignored",
    "routing.baseline_model: unknown model 'opus-9000' (not in the catalog or config models:); ignored",
    "routing.llm_fallback.model: unknown model 'tiny-missing' (not in the catalog or config models:); ignored",
  ]);
});

test("aliases, dated ids, provider prefixes and config-added models resolve: no warnings", () => {
  const router = createRouter({
    models: [{ id: "my-local", provider: "ollama", input_price: 0, output_price: 0 }],
    routing: {
      policy: { implement: ["anthropic/claude-sonnet-5", "my-local"] },
      allow_models: ["claude-sonnet-5", "my-local", "gpt-5.5"],
      baseline_model: "claude-opus-4-8",
    },
  });
  assert.deepEqual(router.warnings, []);
  assert.deepEqual(createRouter({ routing: {}, models: [] }).warnings, []);
});

test("an unknown phase key and an allow-list with no known model are reported", () => {
  const router = createRouter({
    models: [],
    routing: { policy: { implemnt: ["claude-sonnet-5"] } as never, allow_models: ["nope-1", "nope-2"] },
  });
  assert.ok(router.warnings.some((w) => w.startsWith("routing.policy.implemnt: unknown phase")));
  assert.ok(router.warnings.some((w) => /allow_models: none of the listed models/.test(w)));
});

test("the README scenario: policy forcing 'no-such-model' warns, and routing still picks a real model", async () => {
  const policy = Object.fromEntries(
    ["plan", "implement", "debug", "test", "refactor", "document", "small_edit"].map((p) => [p, ["no-such-model"]]),
  );
  const router = createRouter({ models: [], routing: { policy } });
  assert.equal(router.warnings.length, 7);
  assert.ok(router.warnings.every((w) => w.includes("'no-such-model'")));
  const d = await router.route({
    classification: CLS,
    requestFeatures: { needsTools: true, needsImages: false, estInputTokens: 1000 },
  });
  assert.ok(router.catalog.get(d.model), "a catalog model is still chosen");
});
