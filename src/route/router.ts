/**
 * The routing engine: classification + request features + session → one model and its fallbacks. Built once
 * (`createRouter`) from config; `route` is per request and keeps no state except through the SessionStore.
 *
 * Order of work: pin / passthrough → filter every catalog model (keys, allow-list, tools, images, context, max
 * output, tier rules, quality floor, phase policy) → rank (capability + preference − cost) or, for side calls,
 * cheapest first → session affinity (stay when re-billing the cached prefix costs more than switching saves).
 */

import { type Classification, PHASES, type Phase, type RequestKind } from "../classify/types.js";
import type { Config } from "../config/types.js";
import { estimateWithRates, ratesFor } from "../cost/price.js";
import { RouterError } from "../errors/index.js";
import type { ApiKind, IRUsage, ModelFamily } from "../ir/types.js";
import { BUILTIN_PROVIDERS } from "../providers/builtin.js";
import { type Catalog, type CatalogModel, createCatalog } from "./catalog.js";
import type { RequestFeatures } from "./features.js";
import {
  DEFAULT_COST_WEIGHT,
  DEFAULT_FLOORS,
  DEFAULT_OUTPUT_TOKENS,
  DEFAULT_POLICY,
  DEFAULT_SESSION_HORIZON,
  floorFor,
  PREFERENCE_BONUS,
  SIDE_FLOORS,
  SIDE_OUTPUT_TOKENS,
} from "./policy.js";
import {
  MemorySessionStore,
  type SessionState,
  type SessionStore,
  type SwitchEconomics,
  switchEconomics,
} from "./session.js";

export const AUTO_MODEL = "coderouter/auto";

export interface RouteContext {
  classification: Classification;
  requestFeatures: RequestFeatures;
  sessionId?: string;
  /** X-CodeRouter-Model. */
  pinnedModel?: string;
  /** X-CodeRouter-Phase. */
  phaseHint?: string;
  /** Providers usable for this request (have a key). Default: the router's `availableProviders`, else all. */
  availableProviders?: Iterable<string>;
  /** Clock for time-of-day prices (tests). */
  at?: Date;
  /**
   * `false`: leave `Decision.candidates` empty — the per-model report (every catalog model with its estimate, value
   * and reason) is only for /v1/route and the CLI; the proxy path skips building it. Default true.
   */
  report?: boolean;
}

export interface CandidateReport {
  model: string;
  provider: string;
  /** Capability score for the phase (0–100). */
  score: number;
  /** Ranking value: score + preference bonus − cost penalty (higher wins). */
  value: number;
  estCostUsd: number;
  eligible: boolean;
  /** Why it was filtered out, or why it lost to the winner. */
  rejectedBecause?: string;
  /** Position in the phase's preference list (0 = first), if listed. */
  preference?: number;
}

export interface Target {
  model: string;
  provider: string;
  format: ApiKind;
  upstreamModel: string;
}

export interface Decision extends Target {
  action: "route" | "pinned" | "passthrough";
  phase: Phase;
  kind: RequestKind;
  complexity: Classification["complexity"];
  qualityFloor: number;
  reason: string;
  candidates: CandidateReport[];
  /** Next targets to try, in order, when the chosen one fails before the first byte. */
  fallbacks: Target[];
  estCostUsd: number;
  baselineModel: string;
  baselineEstCostUsd: number;
  /** Reasoning signatures / encrypted reasoning in the history come from another family: the server drops them. */
  dropForeignReasoning: boolean;
  family: ModelFamily;
  session?: { id: string; previousModel?: string; stayed?: boolean; economics?: SwitchEconomics };
  /** No candidate had a usable provider key: the server answers with the missing-key error. */
  unavailable?: { provider: string };
}

export interface RouterDeps {
  catalog?: Catalog;
  sessions?: SessionStore;
  /** Providers with keys; undefined means assume all. */
  availableProviders?: Iterable<string>;
  now?: () => Date;
}

export interface Router {
  catalog: Catalog;
  sessions: SessionStore;
  /**
   * Configuration problems found at startup, for the server to log: model names in `routing.policy`,
   * `routing.allow_models`, `routing.baseline_model` or `routing.llm_fallback.model` that match no catalog model
   * (they would otherwise be ignored silently).
   */
  warnings: string[];
  route(ctx: RouteContext): Promise<Decision>;
  /** After a successful call: the session is now on `model` and its cache holds what `usage` says. */
  commit(sessionId: string, model: string, usage: IRUsage): Promise<void>;
}

const SIDE_KINDS = new Set<RequestKind>(["subagent", "title", "router", "compact"]);

const PROVIDER_PREFIX: Array<[RegExp, string]> = [
  [/^claude/i, "anthropic"],
  [/^(gpt|o\d|chatgpt|codex)/i, "openai"],
  [/^(gemini|gemma)/i, "google"],
  [/^deepseek/i, "deepseek"],
  [/^(kimi|moonshot)/i, "moonshot"],
  [/^grok/i, "xai"],
];

export function guessProvider(name: string): string {
  const slash = name.indexOf("/");
  if (slash > 0 && BUILTIN_PROVIDERS[name.slice(0, slash)]) return name.slice(0, slash);
  return PROVIDER_PREFIX.find(([re]) => re.test(name))?.[1] ?? "openrouter";
}

function targetOf(m: CatalogModel): Target {
  return { model: m.id, provider: m.provider, format: m.format, upstreamModel: m.upstreamId };
}

const round = (x: number, d = 6) => Math.round(x * 10 ** d) / 10 ** d;

export function createRouter(config: Pick<Config, "routing" | "models">, deps: RouterDeps = {}): Router {
  const routing = config.routing ?? {};
  const catalog = deps.catalog ?? createCatalog(config.models ?? [], { baseline: routing.baseline_model });
  const sessions = deps.sessions ?? new MemorySessionStore();
  const now = deps.now ?? (() => new Date());
  const defaultAvailable = deps.availableProviders ? new Set(deps.availableProviders) : undefined;
  const warnings = unknownModelWarnings(routing, catalog);
  const allow = routing.allow_models?.length
    ? new Set(routing.allow_models.map((n) => catalog.resolve(n)?.id ?? n))
    : undefined;
  const passthrough = new Set((routing.passthrough_models ?? []).map((n) => n.toLowerCase()));
  const costWeight = routing.cost_weight ?? DEFAULT_COST_WEIGHT;
  const horizon = routing.session_horizon_requests ?? DEFAULT_SESSION_HORIZON;
  const affinity = routing.session_affinity !== false;
  // Resolve policy names once.
  const policy = {} as Record<Phase, string[]>;
  for (const p of PHASES)
    policy[p] = (routing.policy?.[p] ?? DEFAULT_POLICY[p]).map((n) => catalog.resolve(n)?.id ?? n);

  function outputAssumption(phase: Phase, kind: RequestKind): number {
    return SIDE_OUTPUT_TOKENS[kind] ?? routing.output_tokens?.[phase] ?? DEFAULT_OUTPUT_TOKENS[phase];
  }

  /** Usage this request is expected to produce on `m`: steady state, the session's cached prefix read from cache. */
  function estUsage(m: CatalogModel, f: RequestFeatures, out: number, state: SessionState | undefined): IRUsage {
    const prompt = f.estInputTokens;
    const prev = state?.lastUsage;
    const prefix = prev ? prev.inputTokens + prev.cacheReadTokens + prev.cacheWriteTokens + prev.cacheWrite1hTokens : 0;
    const cached = m.features.promptCaching ? Math.min(prefix, prompt) : 0;
    const output = Math.min(out, f.maxOutputTokens ?? out, m.maxOutput);
    return {
      inputTokens: prompt - cached,
      cacheReadTokens: cached,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      outputTokens: output,
      reasoningTokens: 0,
    };
  }

  function direct(
    name: string,
    action: "pinned" | "passthrough",
    base: Omit<Decision, keyof Target | "action" | "reason" | "family" | "dropForeignReasoning">,
    f: RequestFeatures,
  ): Decision {
    const m = catalog.resolve(name);
    const slash = name.indexOf("/");
    if (!m && action === "pinned" && !(slash > 0 && BUILTIN_PROVIDERS[name.slice(0, slash)]))
      throw new RouterError(
        "not_found",
        `Unknown model '${name}' in X-CodeRouter-Model: \`coderouter models\` lists the catalog; pin any other model as <provider>/<model>`,
        { code: "CR_UNKNOWN_MODEL" },
      );
    const t: Target = m
      ? targetOf(m)
      : {
          model: name,
          provider: guessProvider(name),
          format: BUILTIN_PROVIDERS[guessProvider(name)]?.format ?? "openai-chat",
          upstreamModel:
            name.includes("/") && BUILTIN_PROVIDERS[name.split("/")[0]] ? name.slice(name.indexOf("/") + 1) : name,
        };
    const family =
      m?.family ??
      (t.provider === "anthropic"
        ? "anthropic"
        : t.provider === "openai"
          ? "openai"
          : t.provider === "google"
            ? "google"
            : "other");
    // Spelled out (same keys, same order as spreading base and t): spreads into a literal are slow in V8.
    return {
      phase: base.phase,
      kind: base.kind,
      complexity: base.complexity,
      qualityFloor: base.qualityFloor,
      candidates: base.candidates,
      fallbacks: base.fallbacks,
      estCostUsd: base.estCostUsd,
      baselineModel: base.baselineModel,
      baselineEstCostUsd: base.baselineEstCostUsd,
      session: base.session,
      model: t.model,
      provider: t.provider,
      format: t.format,
      upstreamModel: t.upstreamModel,
      action,
      family,
      dropForeignReasoning: !!f.hasReasoningFromFamily && f.hasReasoningFromFamily !== family,
      reason:
        action === "pinned"
          ? `pinned by X-CodeRouter-Model: ${name}`
          : `passthrough: '${name}' is not routed (routing.passthrough_models / default_action)`,
    };
  }

  async function route(ctx: RouteContext): Promise<Decision> {
    const at = ctx.at ?? now();
    const c = ctx.classification;
    const f = ctx.requestFeatures;
    const phase: Phase = (PHASES as readonly string[]).includes(ctx.phaseHint ?? "")
      ? (ctx.phaseHint as Phase)
      : c.phase;
    const kind = c.kind;
    const side = SIDE_KINDS.has(kind);
    const floor = side
      ? (SIDE_FLOORS[kind] ?? 60)
      : floorFor(routing.quality_floor?.[phase] ?? DEFAULT_FLOORS[phase], c.complexity);
    const frontierRequired = !side && c.complexity === "high" && (phase === "plan" || phase === "debug");
    const noFrontier = phase === "small_edit" || side;
    const available = ctx.availableProviders ? new Set(ctx.availableProviders) : defaultAvailable;
    const state = affinity && ctx.sessionId ? await sessions.get(ctx.sessionId) : undefined;
    const out = outputAssumption(phase, kind);
    const baseline = catalog.get(catalog.baselineId);
    const baselineEst = baseline
      ? estimateWithRates(estUsage(baseline, f, out, undefined), ratesFor(baseline, f.estInputTokens, at))
      : 0;
    const base = {
      phase,
      kind,
      complexity: c.complexity,
      qualityFloor: floor,
      candidates: [] as CandidateReport[],
      fallbacks: [] as Target[],
      estCostUsd: 0,
      baselineModel: catalog.baselineId,
      baselineEstCostUsd: round(baselineEst),
      session: ctx.sessionId ? { id: ctx.sessionId, previousModel: state?.model } : undefined,
    };

    if (ctx.pinnedModel) return direct(ctx.pinnedModel, "pinned", base, f);
    const requested = f.requestedModel;
    if (
      requested &&
      requested !== AUTO_MODEL &&
      (passthrough.has(requested.toLowerCase()) || routing.default_action === "passthrough")
    )
      return direct(requested, "passthrough", base, f);

    const list = policy[phase];
    // Filters and ranking first; cost estimates only for the rows that compete, and the per-candidate report
    // (every model with its estimate, value and reason) only when someone reads `candidates` (/v1/route, CLI).
    type Row = {
      m: CatalogModel;
      score: number;
      preference: number | undefined;
      hard?: string;
      soft?: string;
      usage?: IRUsage;
      est?: number;
      value?: number;
    };
    const rows: Row[] = catalog.models.map((m) => {
      const pref = list.indexOf(m.id);
      let hard: string | undefined;
      const limit = m.inputLimit ?? m.contextWindow;
      if (available && !available.has(m.provider)) hard = `no key for provider ${m.provider}`;
      else if (allow && !allow.has(m.id)) hard = "not in routing.allow_models";
      else if (f.needsTools && !m.features.tools) hard = "request uses tools; model has none";
      else if (f.needsImages && !m.features.images) hard = "request has images; model takes text only";
      else if (f.estInputTokens > limit) hard = `~${f.estInputTokens} input tokens exceed its ${limit}-token window`;
      else if (f.maxOutputTokens && f.maxOutputTokens > m.maxOutput)
        hard = `max_tokens ${f.maxOutputTokens} > its max output ${m.maxOutput}`;
      const score = side ? Math.min(...Object.values(m.scores)) : m.scores[phase];
      let soft: string | undefined;
      if (frontierRequired && m.tier !== "frontier")
        soft = `high-complexity ${phase} needs a frontier model (tier ${m.tier})`;
      else if (noFrontier && m.tier === "frontier") soft = `frontier model not needed for ${side ? kind : phase}`;
      else if (score < floor) soft = `score ${score} below the ${side ? kind : phase} quality floor ${floor}`;
      return { m, score, preference: pref >= 0 ? pref : undefined, hard, soft };
    });
    /** Estimated cost on the row's model (rounded), computed once per row and only when needed. */
    const estOf = (r: Row): number => {
      if (r.est === undefined) {
        r.usage = estUsage(r.m, f, out, state);
        r.est = round(estimateWithRates(r.usage, ratesFor(r.m, f.estInputTokens, at)));
      }
      return r.est;
    };

    const usable = (r: Row, relaxPolicy: boolean) =>
      !r.hard && !r.soft && (side || relaxPolicy || r.preference !== undefined);
    let pool = rows.filter((r) => usable(r, false));
    let note = "";
    if (pool.length === 0) {
      pool = rows.filter((r) => usable(r, true));
      if (pool.length) note = `; no ${phase} policy model usable, widened to the catalog`;
    }
    const tierOk = (r: Row) =>
      !(frontierRequired && r.m.tier !== "frontier") && !(noFrontier && r.m.tier === "frontier" && !side);
    // High-complexity plan/debug never drops below its floor; other phases may, with a note.
    const floorOk = (r: Row) => !frontierRequired || r.score >= floor;
    if (pool.length === 0 && !frontierRequired) {
      pool = rows.filter((r) => !r.hard && tierOk(r));
      if (pool.length) note = "; nothing met the quality floor, best available used";
    }
    let unavailable: Decision["unavailable"];
    if (pool.length === 0) {
      const keyless = (r: Row) => !r.hard || r.hard.startsWith("no key");
      pool = rows.filter((r) => keyless(r) && !r.soft);
      if (pool.length === 0) pool = rows.filter((r) => keyless(r) && tierOk(r) && floorOk(r));
      if (pool.length === 0) pool = rows;
      unavailable = { provider: "" };
    }

    let minCost = Number.POSITIVE_INFINITY;
    for (const r of pool) minCost = Math.min(minCost, estOf(r));
    minCost = Math.max(1e-9, minCost);
    const rankValue = (r: Row): number => {
      if (r.value === undefined) {
        const bonus = !side && r.preference !== undefined ? (PREFERENCE_BONUS[r.preference] ?? 0) : 0;
        r.value = round(r.score + bonus - costWeight * Math.log10(Math.max(estOf(r), 1e-9) / minCost), 2);
      }
      return r.value;
    };
    for (const r of pool) rankValue(r);
    const ranked = [...pool].sort(
      side
        ? (a, b) => (a.est as number) - (b.est as number) || b.score - a.score
        : (a, b) => (b.value as number) - (a.value as number),
    );
    let chosen = ranked[0];
    let reason = side
      ? `${kind} call: cheapest capable model (floor ${floor})`
      : `${phase} (${c.complexity}): best capability per dollar among ${pool.length} eligible (floor ${floor}${frontierRequired ? ", frontier only" : ""})`;
    reason += note;

    // Session affinity: stay on the session's model when re-billing its cached prefix costs more than switching saves.
    let economics: SwitchEconomics | undefined;
    let stayed: boolean | undefined;
    if (state && chosen && state.model !== chosen.m.id) {
      const stay = rows.find((r) => r.m.id === state.model);
      if (stay && !stay.hard && !stay.soft) {
        const newRates = ratesFor(chosen.m, f.estInputTokens, at);
        const oldRates = ratesFor(stay.m, f.estInputTokens, at);
        economics = switchEconomics({
          lastUsage: state.lastUsage,
          prompt: f.estInputTokens,
          output: (chosen.usage as IRUsage).outputTokens,
          oldRates,
          newRates,
          horizon,
        });
        if (!economics.switch) {
          reason = `session stays on ${stay.m.id}: switching to ${chosen.m.id} re-bills ${economics.prefixTokens} cached tokens ($${economics.switchCostUsd.toFixed(4)}) > expected saving $${economics.expectedSavingUsd.toFixed(4)} over ${horizon} requests`;
          if (ranked.includes(stay)) ranked.splice(ranked.indexOf(stay), 1);
          ranked.unshift(stay);
          chosen = stay;
          stayed = true;
        } else {
          reason += `; switching from ${stay.m.id} pays back (saves $${economics.expectedSavingUsd.toFixed(4)} > re-bill $${economics.switchCostUsd.toFixed(4)})`;
          stayed = false;
        }
      }
    } else if (state && chosen && state.model === chosen.m.id) stayed = true;

    if (unavailable) {
      if (available?.has(chosen.m.provider)) unavailable = undefined;
      else unavailable.provider = chosen.m.provider;
    }
    const fallbacks = ranked
      .filter((r) => r !== chosen && pool.includes(r))
      .slice(0, 3)
      .map((r) => targetOf(r.m));
    const win = chosen;
    const runnerUp = ranked[1];
    const reports = (): CandidateReport[] => {
      const out = rows.map((r) => {
        const eligible = r === win || pool.includes(r);
        const rep: CandidateReport = {
          model: r.m.id,
          provider: r.m.provider,
          score: r.score,
          value: rankValue(r),
          estCostUsd: estOf(r),
          eligible,
          preference: r.preference,
        };
        if (r !== win)
          rep.rejectedBecause =
            r.hard ??
            r.soft ??
            (!eligible
              ? `not in the ${phase} policy (${list.join(", ")})`
              : side
                ? `costs $${rep.estCostUsd} vs $${estOf(win)}`
                : stayed && r.m.id !== win.m.id && economics && r === runnerUp
                  ? "switch would re-bill the session's cached prefix"
                  : `value ${rep.value} < ${rankValue(win)} (score ${rep.score}, est $${rep.estCostUsd})`);
        return rep;
      });
      return out.sort((a, b) => Number(b.eligible) - Number(a.eligible) || b.value - a.value);
    };
    const family = chosen.m.family;
    // Spelled out in the order `{ ...base, ...target, … }` gave (spreads into a literal are slow in V8).
    return {
      phase,
      kind,
      complexity: c.complexity,
      qualityFloor: floor,
      candidates: ctx.report === false ? [] : reports(),
      fallbacks,
      estCostUsd: estOf(chosen),
      baselineModel: base.baselineModel,
      baselineEstCostUsd: base.baselineEstCostUsd,
      session: ctx.sessionId ? { id: ctx.sessionId, previousModel: state?.model, stayed, economics } : undefined,
      model: chosen.m.id,
      provider: chosen.m.provider,
      format: chosen.m.format,
      upstreamModel: chosen.m.upstreamId,
      action: "route",
      family,
      reason: unavailable
        ? `no provider key for any eligible model; best would be ${chosen.m.id} (${chosen.m.provider})`
        : reason,
      dropForeignReasoning: !!f.hasReasoningFromFamily && (f.hasReasoningFromFamily !== family || family === "other"),
      unavailable,
    };
  }

  async function commit(sessionId: string, model: string, usage: IRUsage): Promise<void> {
    const prev = await sessions.get(sessionId);
    await sessions.set(sessionId, {
      model,
      lastUsage: usage,
      updatedAt: now().getTime(),
      requests: (prev?.requests ?? 0) + 1,
    });
  }

  return { catalog, sessions, warnings, route, commit };
}

/** One warning per configured model name that resolves to no catalog model (id, alias or upstream id). */
export function unknownModelWarnings(routing: NonNullable<Config["routing"]>, catalog: Catalog): string[] {
  const out: string[] = [];
  const check = (name: unknown, where: string) => {
    if (typeof name !== "string" || catalog.resolve(name)) return;
    out.push(`${where}: unknown model '${name}' (not in the catalog or config models:); ignored`);
  };
  for (const p of PHASES) {
    (routing.policy?.[p] ?? []).forEach((n, i) => {
      check(n, `routing.policy.${p}[${i}]`);
    });
  }
  const known = new Set<string>(PHASES);
  for (const p of Object.keys(routing.policy ?? {}))
    if (!known.has(p)) out.push(`routing.policy.${p}: unknown phase (expected one of ${PHASES.join(", ")}); ignored`);
  (routing.allow_models ?? []).forEach((n, i) => {
    check(n, `routing.allow_models[${i}]`);
  });
  if (routing.allow_models?.length && routing.allow_models.every((n) => !catalog.resolve(n)))
    out.push("routing.allow_models: none of the listed models is in the catalog, so the allow-list cannot be met");
  if (routing.baseline_model !== undefined) check(routing.baseline_model, "routing.baseline_model");
  if (routing.llm_fallback?.model !== undefined) check(routing.llm_fallback.model, "routing.llm_fallback.model");
  return out;
}
