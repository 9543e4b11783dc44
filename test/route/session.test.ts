import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { classify } from "../../src/classify/index.js";
import type { Phase } from "../../src/classify/types.js";
import { priceUsage } from "../../src/cost/price.js";
import type { IRUsage } from "../../src/ir/types.js";
import { featuresFromBody } from "../../src/route/features.js";
import { createRouter } from "../../src/route/router.js";
import { MemorySessionStore, sessionIdFor } from "../../src/route/session.js";

const AT = new Date("2026-11-26T12:00:00Z");
const fixture = (p: string) => JSON.parse(readFileSync(new URL(`../fixtures/clients/${p}`, import.meta.url), "utf8"));

test("session ids: Claude Code header/metadata, Codex, opencode, prompt_cache_key, else a stable hash", () => {
  const cc = fixture("claude/06-write-func-main.json").request;
  assert.equal(sessionIdFor("anthropic-messages", cc.headers, cc.body), cc.headers["x-claude-code-session-id"]);
  assert.equal(sessionIdFor("anthropic-messages", {}, cc.body), JSON.parse(cc.body.metadata.user_id).session_id);
  const cx = fixture("codex/04-write-func-main.json").request;
  const lower = Object.fromEntries(Object.entries(cx.headers).map(([k, v]) => [k.toLowerCase(), v as string]));
  assert.equal(sessionIdFor("openai-responses", lower, cx.body), lower["session-id"] ?? lower["thread-id"]);
  assert.equal(sessionIdFor("openai-responses", {}, cx.body), cx.body.prompt_cache_key);
  assert.equal(sessionIdFor("openai-chat", { "x-session-id": "ses_1" }, {}), "ses_1");
  const body = {
    messages: [
      { role: "system", content: "sys" },
      { role: "user", content: "hello" },
    ],
  };
  const longer = {
    messages: [...body.messages, { role: "assistant", content: "hi" }, { role: "user", content: "more" }],
  };
  assert.equal(
    sessionIdFor("openai-chat", {}, body),
    sessionIdFor("openai-chat", {}, longer),
    "stable as history grows",
  );
  assert.notEqual(
    sessionIdFor("openai-chat", {}, body),
    sessionIdFor("openai-chat", {}, { messages: [{ role: "user", content: "other" }] }),
  );
});

test("MemorySessionStore is an LRU", async () => {
  const s = new MemorySessionStore({ max: 2 });
  await s.set("a", { model: "m1", updatedAt: Date.now() });
  await s.set("b", { model: "m2", updatedAt: Date.now() });
  await s.get("a");
  await s.set("c", { model: "m3", updatedAt: Date.now() });
  assert.equal(await s.get("b"), undefined);
  assert.equal((await s.get("a"))?.model, "m1");
  assert.equal(s.size, 2);
});

// Published per-million prices used for the hand-computed bill (Claude Opus 5.5): $4 in, $20 out, $0.20 cache read,
// $5 5-minute cache write. Sonnet 5: $2 in, $0.20 cache read.
const OPUS = { input: 4, output: 20, read: 0.2, write: 5 };

test("a cache-heavy Claude Code session stays on one model when switching would cost more; the bill matches", async () => {
  // Replay the real Claude Code main turns as one session whose history grows: the plan turn starts from a history
  // where the agent already read a large file; each later turn appends a tool call, its result and the next
  // fixture's user prompt.
  const turns: Array<[string, Phase]> = [
    ["claude/02-plan-retry-main.json", "plan"],
    ["claude/06-write-func-main.json", "implement"],
    ["claude/08-debug-traceback-main.json", "debug"],
    ["claude/10-write-tests-main.json", "test"],
    ["claude/12-refactor-main.json", "refactor"],
  ];
  const first = fixture(turns[0][0]).request;
  const headers = Object.fromEntries(Object.entries(first.headers).map(([k, v]) => [k.toLowerCase(), v as string]));
  const fileRead = `${"def parse_date(s):\n    return datetime.fromisoformat(s)  # utils.py\n".repeat(6000)}`; // ~330 KB
  const router = createRouter({ routing: {}, models: [] }, { sessions: new MemorySessionStore() });
  const messages: any[] = [];
  let prevPrompt = 0;
  let hand = 0;
  let billed = 0;
  const models: string[] = [];
  const alternatives: string[] = [];
  let weighed = 0;
  for (const [i, [file, phase]] of turns.entries()) {
    const fx = fixture(file).request.body;
    const userTurn = fx.messages[fx.messages.length - 1];
    if (i === 0)
      messages.push(
        { role: "user", content: "Read utils.py" },
        {
          role: "assistant",
          content: [{ type: "tool_use", id: "toolu_0", name: "Read", input: { file_path: "utils.py" } }],
        },
        { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_0", content: fileRead }] },
        { role: "assistant", content: [{ type: "text", text: "Read it." }] },
      );
    else
      messages.push(
        {
          role: "assistant",
          content: [{ type: "tool_use", id: `toolu_${i}`, name: "Bash", input: { command: "pytest -q" } }],
        },
        { role: "user", content: [{ type: "tool_result", tool_use_id: `toolu_${i}`, content: "4 passed in 0.12s" }] },
        { role: "assistant", content: [{ type: "text", text: "Done." }] },
      );
    messages.push(userTurn);
    const body = { ...first.body, messages: [...messages] };
    const raw = JSON.stringify(body);
    const c = await classify({ api: "anthropic-messages", headers, body });
    const sid = sessionIdFor("anthropic-messages", headers, body);
    assert.equal(sid, headers["x-claude-code-session-id"]);
    const features = featuresFromBody("anthropic-messages", body, raw.length);
    // The phase comes from the X-CodeRouter-Phase hint so the replay does not depend on the classifier's tuning.
    const d = await router.route({
      classification: c,
      requestFeatures: features,
      sessionId: sid,
      phaseHint: phase,
      availableProviders: ["anthropic"],
      at: AT,
    });
    models.push(d.model);
    if (i > 0) alternatives.push(d.candidates.filter((x) => x.eligible && x.model !== d.model)[0]?.model ?? "");
    if (i > 0) {
      const e = d.session?.economics;
      if (e) weighed++;
      // (when the fresh ranking already picks Opus, e.g. a high-complexity debug turn, there is nothing to weigh)
      if (e) {
        // switch cost = cached prefix × (Sonnet's uncached input $2 − Opus's cache read $0.20), by hand
        assert.equal(e.prefixTokens, prevPrompt - 3); // cache read + cache write of the previous turn
        assert.ok(
          Math.abs(e.switchCostUsd - ((prevPrompt - 3) * (2 - OPUS.read)) / 1e6) < 1e-9,
          `switch cost ${e.switchCostUsd}`,
        );
        assert.ok(
          e.switchCostUsd > e.expectedSavingUsd,
          `turn ${i}: switching pays back (${e.expectedSavingUsd} > ${e.switchCostUsd})`,
        );
      }
      assert.equal(d.session?.stayed, true, `turn ${i} (${phase}) left ${models[0]}: ${d.reason}`);
    }
    // Realistic Claude Code usage: everything up to the previous turn is read from cache, the new tail is written.
    const prompt = features.estInputTokens;
    const usage: IRUsage = {
      inputTokens: 3,
      cacheReadTokens: prevPrompt,
      cacheWriteTokens: prompt - prevPrompt - 3,
      cacheWrite1hTokens: 0,
      outputTokens: 400 + 100 * i,
      reasoningTokens: 0,
    };
    billed += priceUsage(d.model, usage, router.catalog, { at: AT }).usd;
    hand +=
      (3 * OPUS.input +
        prevPrompt * OPUS.read +
        (prompt - prevPrompt - 3) * OPUS.write +
        (400 + 100 * i) * OPUS.output) /
      1e6;
    await router.commit(sid, d.model, usage);
    prevPrompt = prompt;
  }
  assert.deepEqual(new Set(models), new Set(["claude-opus-5-5"]), `models: ${models}`);
  assert.ok(weighed >= 2, `switches weighed: ${weighed}`);
  assert.ok(alternatives.includes("claude-sonnet-5"), "without the session, Sonnet would have won");
  assert.ok(prevPrompt > 100_000, "the session's cached prefix is large");
  assert.ok(Math.abs(billed - hand) < 1e-9, `billed ${billed} vs hand ${hand}`);
});

test("a short session with a small cached prefix does switch when the saving pays back", async () => {
  const router = createRouter({ routing: {}, models: [] });
  const c = {
    phase: "plan" as Phase,
    confidence: 0.9,
    agent: "x",
    mode: null,
    kind: "main" as const,
    complexity: "medium" as const,
    signals: [],
    layer: "rules" as const,
  };
  const f = { needsTools: true, needsImages: false, estInputTokens: 6_000 };
  const d1 = await router.route({
    classification: c,
    requestFeatures: f,
    sessionId: "s",
    availableProviders: ["anthropic"],
    at: AT,
  });
  await router.commit("s", d1.model, {
    inputTokens: 3,
    cacheReadTokens: 0,
    cacheWriteTokens: 5_997,
    cacheWrite1hTokens: 0,
    outputTokens: 2000,
    reasoningTokens: 0,
  });
  const d2 = await router.route({
    classification: { ...c, phase: "implement" },
    requestFeatures: { ...f, estInputTokens: 8_000 },
    sessionId: "s",
    availableProviders: ["anthropic"],
    at: AT,
  });
  assert.equal(d1.model, "claude-opus-5-5");
  assert.equal(d2.model, "claude-sonnet-5");
  assert.equal(d2.session?.stayed, false);
  assert.ok(d2.session!.economics!.expectedSavingUsd > d2.session!.economics!.switchCostUsd);
});
