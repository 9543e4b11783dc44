import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { attemptReason, createMetrics, defaultMetrics, metricsText, observe } from "../../src/metrics/index.js";
import { makeRecord } from "../ledger/helpers.js";

/** Value of one series line in the exposition (exact label set, in prom-client's label order). */
function value(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("metrics", () => {
  it("observe(record) feeds every series", async () => {
    const m = createMetrics();
    const plain = makeRecord(0, {
      phase: "plan",
      model: "claude-sonnet-4-5",
      agent: "claude-code",
      overhead_ms: 2,
      ttfb_ms: 400,
      cost_usd: 0.25,
      baseline_cost_usd: 1,
    });
    const fellBack = makeRecord(1, {
      phase: "debug",
      model: "claude-sonnet-4-5",
      agent: "codex",
      cost_usd: 0.5,
      baseline_cost_usd: 2,
      layer: "fingerprint",
      overhead_ms: 30,
      attempts: [
        { model: "gpt-5", provider: "openai", status: 429, error: "rate limited", ms: 30 },
        { model: "gemini-2.5-pro", provider: "gemini", status: 0, error: "ECONNREFUSED connect", ms: 2 },
        { model: "claude-sonnet-4-5", provider: "anthropic", status: 200, ms: 900 },
      ],
    });
    m.observe(plain);
    m.observe(plain);
    m.observe(fellBack);
    const text = await m.metricsText();
    assert.equal(
      value(text, 'coderouter_requests_total{phase="plan",model="claude-sonnet-4-5",agent="claude-code",status="200"}'),
      2,
    );
    assert.equal(
      value(text, 'coderouter_requests_total{phase="debug",model="claude-sonnet-4-5",agent="codex",status="200"}'),
      1,
    );
    assert.equal(value(text, "coderouter_router_overhead_seconds_count"), 3);
    assert.equal(value(text, 'coderouter_router_overhead_seconds_bucket{le="0.0025"}'), 2, "2 ms lands under 2.5 ms");
    assert.equal(value(text, "coderouter_ttfb_seconds_count"), 3);
    assert.equal(value(text, 'coderouter_cost_usd_total{model="claude-sonnet-4-5"}'), 1);
    assert.equal(value(text, 'coderouter_baseline_cost_usd_total{model="claude-sonnet-4-5"}'), 4);
    assert.equal(value(text, 'coderouter_fallbacks_total{from="gpt-5",to="gemini-2.5-pro",reason="429"}'), 1);
    assert.equal(
      value(text, 'coderouter_fallbacks_total{from="gemini-2.5-pro",to="claude-sonnet-4-5",reason="econnrefused"}'),
      1,
    );
    assert.equal(value(text, 'coderouter_classifier_layer_total{layer="rules"}'), 2);
    assert.equal(value(text, 'coderouter_classifier_layer_total{layer="fingerprint"}'), 1);
    assert.equal(value(text, 'coderouter_upstream_errors_total{provider="openai",status="429"}'), 1);
    assert.equal(value(text, 'coderouter_upstream_errors_total{provider="gemini",status="0"}'), 1);
    assert.ok(!text.includes('provider="anthropic",status="200"'), "a successful attempt is not an upstream error");
    assert.match(m.contentType, /text\/plain/);
  });

  it("caps label values so random model names cannot explode the series count", async () => {
    const m = createMetrics({ maxLabelValues: 8 });
    for (let i = 0; i < 500; i++)
      m.observe(makeRecord(i, { model: `model-${i}-${"x".repeat(100)}`, agent: `agent-${i}` }));
    const text = await m.metricsText();
    const models = new Set([...text.matchAll(/coderouter_cost_usd_total\{model="([^"]*)"\}/g)].map((x) => x[1]));
    assert.ok(models.size <= 9, `${models.size} model label values`);
    assert.ok(models.has("other"));
    assert.ok([...models].every((v) => v.length <= 64));
    const agents = new Set([...text.matchAll(/agent="([^"]*)"/g)].map((x) => x[1]));
    assert.ok(agents.size <= 9);
    assert.equal(value(text, "coderouter_router_overhead_seconds_count"), 500, "nothing is lost, only folded");
  });

  it("never throws on odd records; its own registry, not the global one", async () => {
    const m = createMetrics();
    m.observe({} as never);
    m.observe(
      makeRecord(1, { cost_usd: -5, baseline_cost_usd: Number.NaN, ttfb_ms: null, attempts: undefined as never }),
    );
    const { register } = await import("prom-client");
    assert.equal((await register.metrics()).includes("coderouter_requests_total"), false);
    observe(makeRecord(3));
    assert.match(await metricsText(), /coderouter_requests_total\{/);
    assert.equal(defaultMetrics(), defaultMetrics());
  });

  it("attemptReason is low-cardinality", () => {
    assert.equal(attemptReason({ model: "a", provider: "p", status: 503, ms: 1 }), "503");
    assert.equal(
      attemptReason({ model: "a", provider: "p", status: 0, error: "ETIMEDOUT: first byte", ms: 1 }),
      "etimedout",
    );
    assert.equal(attemptReason({ model: "a", provider: "p", status: 0, ms: 1 }), "error");
  });
});
