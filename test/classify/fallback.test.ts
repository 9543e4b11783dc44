import assert from "node:assert/strict";
import { test } from "node:test";
import { classify, classifyWithFallback } from "../../src/classify/index.js";
import type { ClassifyInput, LlmFallback } from "../../src/classify/types.js";

const vague: ClassifyInput = {
  api: "openai-chat",
  headers: {},
  body: { model: "m", messages: [{ role: "user", content: "hmm, what about the other one" }] },
};
const planMode: ClassifyInput = {
  api: "anthropic-messages",
  headers: { "user-agent": "claude-cli/2.1.197 (external, cli)" },
  body: {
    model: "m",
    system: "x-anthropic-billing-header: cc_version=2.1.197;",
    messages: [
      { role: "user", content: "add a docstring" },
      { role: "system", content: "Plan mode is active. The user indicated that they do not want you to execute yet" },
    ],
  },
};

test("low confidence asks the fallback and takes its answer", async () => {
  let calls = 0;
  const fb: LlmFallback = async (_i, local) => {
    calls++;
    assert.ok(local.confidence < 1);
    return { phase: "refactor", confidence: 0.9 };
  };
  const r = await classifyWithFallback(vague, fb, 1.01);
  assert.equal(calls, 1);
  assert.equal(r.phase, "refactor");
  assert.equal(r.layer, "llm");
  assert.equal(r.confidence, 0.9);
});

test("confident local result does not call the fallback", async () => {
  let calls = 0;
  const r = await classifyWithFallback(
    vague,
    async () => {
      calls++;
      return { phase: "test" };
    },
    0,
  );
  assert.equal(calls, 0);
  assert.deepEqual(r.phase, classify(vague).phase);
});

test("mode markers are never overridden", async () => {
  const r = await classifyWithFallback(planMode, async () => ({ phase: "document" }), 1.01);
  assert.equal(r.phase, "plan");
  assert.equal(r.layer, "fingerprint");
});

test("fails open on timeout", async () => {
  const local = classify(vague);
  const never: LlmFallback = () => new Promise(() => {});
  const t0 = Date.now();
  const r = await classifyWithFallback(vague, never, 1.01, 50);
  assert.ok(Date.now() - t0 < 1000);
  assert.equal(r.phase, local.phase);
  assert.equal(r.layer, local.layer);
  assert.ok(r.signals.some((s) => s.includes("no answer")));
});

test("fails open on error and on a bad answer", async () => {
  const local = classify(vague);
  const r1 = await classifyWithFallback(
    vague,
    async () => {
      throw new Error("upstream 500");
    },
    1.01,
  );
  assert.equal(r1.phase, local.phase);
  assert.ok(r1.signals.some((s) => s.includes("failed")));
  const r2 = await classifyWithFallback(vague, async () => ({ phase: "nonsense" as never }), 1.01);
  assert.equal(r2.phase, local.phase);
});
