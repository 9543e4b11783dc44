import assert from "node:assert/strict";
import { test } from "node:test";
import { FakeUpstream } from "../helpers/fake-upstream.js";
import { startRouter } from "../helpers/router.js";

test("POST /v1/route returns the decision without calling a model, for an envelope or a bare body", async () => {
  const up = await new FakeUpstream().start();
  const router = await startRouter(up);
  try {
    const body = {
      model: "claude-opus-4-8",
      max_tokens: 100,
      system: "You are a helpful assistant.",
      messages: [{ role: "user", content: "fix the typo in README: teh → the" }],
    };
    for (const payload of [{ api: "anthropic-messages", headers: {}, body }, body]) {
      const res = await fetch(`${router.url}/v1/route`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(payload),
      });
      assert.equal(res.status, 200);
      const out = (await res.json()) as any;
      assert.ok(out.classification.phase);
      assert.ok(out.candidates.length >= 1, "at least one candidate");
      assert.ok(Array.isArray(out.decision.candidates), "every candidate with its score and reason");
    }
    assert.equal(up.received.length, 0, "no model was called");
  } finally {
    await router.close();
    await up.stop();
  }
});
