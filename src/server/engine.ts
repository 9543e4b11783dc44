/**
 * The Engine seam: classification (with the optional LLM fallback), routing, pricing and session commits,
 * built once at startup from the config.
 */
import { classify, classifyWithFallback, DEFAULT_FALLBACK_THRESHOLD } from "../classify/index.js";
import type { LlmFallback } from "../classify/types.js";
import type { Config } from "../config/types.js";
import { costIfBaseline, priceUsage } from "../cost/index.js";
import { createForwarder, type Forwarder } from "../forward/index.js";
import type { IRRequest } from "../ir/types.js";
import { type ProviderRuntime, usableProviders } from "../providers/resolve.js";
import { requestFeatures } from "../route/features.js";
import { type CallModel, createLlmFallback } from "../route/llm-fallback.js";
import { createRouter, type Router } from "../route/router.js";
import { type SessionStore, sessionIdFor } from "../route/session.js";
import { WIRES } from "../wire/index.js";
import type { Logger } from "./deps.js";
import type { Engine, PlanInput, RoutePlan } from "./types.js";
import { upstreamHeaders, upstreamUrl } from "./upstream.js";

export interface EngineDeps {
  providers: Map<string, ProviderRuntime>;
  env: NodeJS.ProcessEnv;
  forwarderTimeouts: Config["timeouts"];
  log: Logger;
  sessions?: SessionStore;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function createEngine(
  config: Config,
  deps: EngineDeps,
): Promise<Engine & { router: Router; close(): Promise<void> }> {
  const serverProviders = usableProviders(deps.providers, config, false);
  const withClientKey = usableProviders(deps.providers, config, true);
  const router = createRouter(config, { sessions: deps.sessions });
  const catalog = router.catalog;
  const fb = config.routing.llm_fallback;
  let llm: LlmFallback | undefined;
  let llmForwarder: Forwarder | undefined;
  if (fb?.enabled && fb.model) {
    llmForwarder = createForwarder({ ...deps.forwarderTimeouts, first_byte_ms: fb.timeout_ms ?? 300 });
    llm = createLlmFallback({
      callModel: callModelVia(router, deps.providers, llmForwarder),
      model: fb.model,
      timeoutMs: fb.timeout_ms ?? 300,
    });
  }
  const threshold = fb?.threshold ?? DEFAULT_FALLBACK_THRESHOLD;
  const timeoutMs = fb?.timeout_ms ?? 300;

  return {
    router,
    async plan(input: PlanInput): Promise<RoutePlan> {
      const classification = llm ? await classifyWithFallback(input, llm, threshold, timeoutMs) : classify(input);
      const h = input.headers;
      const sessionId = sessionIdFor(input.api, h, input.body);
      const hasClientKey = !!(one(h["x-api-key"]) || one(h.authorization) || one(h["x-goog-api-key"]));
      const decision = await router.route({
        classification,
        requestFeatures: requestFeatures(input.ir, input.rawBytes),
        sessionId,
        pinnedModel: one(h["x-coderouter-model"]),
        phaseHint: one(h["x-coderouter-phase"]),
        availableProviders: hasClientKey && config.keys.length === 0 ? withClientKey : serverProviders,
        report: input.explain === true,
      });
      if (decision.dropForeignReasoning) dropForeignReasoning(input.ir, decision.family);
      const candidates = [decision, ...decision.fallbacks].map((t) => ({
        model: t.model,
        provider: t.provider,
        upstreamModel: t.upstreamModel,
        format: t.format,
      }));
      return { classification, sessionId, candidates, reason: decision.reason, detail: decision };
    },
    price(model, usage) {
      return { cost: priceUsage(model, usage, catalog).usd, baseline: costIfBaseline(usage, catalog).usd };
    },
    commit(sessionId, model, usage) {
      router.commit(sessionId, model, usage).catch((err) => deps.log.warn({ err }, "session commit failed"));
    },
    listModels() {
      return catalog.models.map((m) => ({ id: m.id, provider: m.provider }));
    },
    async close() {
      await llmForwarder?.close();
    },
  };
}

/** Reasoning signatures / encrypted reasoning are only valid for the family that made them. */
function dropForeignReasoning(ir: IRRequest, family: string): void {
  for (const m of ir.messages) {
    if (m.role !== "assistant") continue;
    if (m.content.some((p) => p.type === "reasoning" && p.family !== family)) {
      m.content = m.content.filter((p) => p.type !== "reasoning" || p.family === family);
    }
  }
}

/** Layer-4 LLM calls go through the same provider layer as everything else (non-streamed, tiny). */
function callModelVia(router: Router, providers: Map<string, ProviderRuntime>, forwarder: Forwarder): CallModel {
  return async ({ model, system, prompt, maxTokens, signal }) => {
    const m = router.catalog.resolve(model);
    if (!m) throw new Error(`llm_fallback.model '${model}' is not in the catalog`);
    const p = providers.get(m.provider);
    if (!p || (!p.key && !p.keyless)) throw new Error(`no key for provider ${m.provider}`);
    const wire = WIRES[m.format];
    const ir: IRRequest = {
      model: m.upstreamId,
      system: [{ type: "text", text: system }],
      messages: [{ role: "user", content: [{ type: "text", text: prompt }] }],
      tools: [],
      maxTokens,
      temperature: 0,
      stream: false,
      sourceApi: m.format,
    };
    const { body } = wire.encodeRequest(ir, m.upstreamId);
    const res = await forwarder.send(
      upstreamUrl(p, m.format, m.upstreamId, false),
      upstreamHeaders(p, m.format, p.key, m.format, {}, false),
      JSON.stringify(body),
      signal,
    );
    if (res.status >= 400) {
      await res.body.dump();
      throw new Error(`fallback model answered ${res.status}`);
    }
    const out = wire.decodeResponse(await res.body.json());
    return out.content.map((c) => (c.type === "text" ? c.text : "")).join("");
  };
}
