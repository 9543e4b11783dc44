/**
 * The model catalog: built once at startup from data/catalog.json plus config `models:` overrides. Prices are
 * not stored here; src/cost asks @pydantic/genai-prices (or the override's own prices).
 */
import { existsSync, readFileSync } from "node:fs";
import { PHASES, type Phase } from "../classify/types.js";
import type { ModelOverride } from "../config/types.js";
import type { ApiKind, ModelFamily } from "../ir/types.js";
import { BUILTIN_PROVIDERS } from "../providers/builtin.js";

export type Tier = "frontier" | "mid" | "small";

export interface ModelFeatures {
  tools: boolean;
  images: boolean;
  reasoning: boolean;
  promptCaching: boolean;
}

/** USD per million tokens, for models genai-prices does not know. */
export interface ManualPrices {
  input: number;
  output: number;
  cacheRead?: number;
  cacheWrite?: number;
  cacheWrite1h?: number;
}

export interface CatalogModel {
  id: string;
  provider: string;
  upstreamId: string;
  format: ApiKind;
  family: ModelFamily;
  aliases: string[];
  /** Where genai-prices finds the price (absent for config-only models with manual prices). */
  price?: { provider: string; model: string };
  manualPrices?: ManualPrices;
  contextWindow: number;
  /** Max prompt tokens when lower than the context window (OpenAI: 922K of 1.05M). */
  inputLimit?: number;
  maxOutput: number;
  tier: Tier;
  features: ModelFeatures;
  scores: Record<Phase, number>;
  /** Where the scores come from (data file evidence, or "config"). */
  evidence: Array<{ benchmark: string; value: number | null; source: string; read: string }>;
  note?: string;
}

export interface Catalog {
  models: CatalogModel[];
  get(id: string): CatalogModel | undefined;
  /** Catalog model for an incoming model name: id, alias, upstream id, or a dated variant (`-20251001`). */
  resolve(name: string): CatalogModel | undefined;
  /** Baseline for Cost-If-Opus: configured, else the newest Opus in the catalog. */
  baselineId: string;
}

interface RawModel {
  id: string;
  provider: string;
  upstream_id?: string;
  format?: ApiKind;
  family?: ModelFamily;
  aliases?: string[];
  price?: { provider: string; model: string };
  context_window: number;
  input_limit?: number;
  max_output: number;
  tier: Tier;
  features: { tools: boolean; images: boolean; reasoning: boolean; prompt_caching: boolean };
  base: number;
  scores?: Partial<Record<Phase, number>>;
  evidence?: CatalogModel["evidence"];
  base_reasoning?: string;
}

export interface CatalogData {
  models: RawModel[];
}

/** data/catalog.json, found from src/route (tsx) or dist/src/route (compiled). */
export function loadCatalogData(): CatalogData {
  for (const rel of ["../../data/catalog.json", "../../../data/catalog.json"]) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(url)) return JSON.parse(readFileSync(url, "utf8")) as CatalogData;
  }
  throw new Error("data/catalog.json not found");
}

/** The per-phase rule written in the data file's `phase_rule`. */
export function phaseScores(
  base: number,
  tier: Tier,
  overrides: Partial<Record<Phase, number>> = {},
): Record<Phase, number> {
  const frontier = tier === "frontier";
  const s: Record<Phase, number> = {
    plan: base + (frontier ? 2 : -4),
    implement: base,
    debug: base + (frontier ? 1 : -2),
    test: base + 1,
    refactor: base,
    document: Math.min(99, base + 6),
    small_edit: Math.min(99, base + 8),
  };
  for (const p of PHASES) if (typeof overrides[p] === "number") s[p] = overrides[p] as number;
  return s;
}

function fromRaw(r: RawModel): CatalogModel {
  return {
    id: r.id,
    provider: r.provider,
    upstreamId: r.upstream_id ?? r.id,
    format: r.format ?? BUILTIN_PROVIDERS[r.provider]?.format ?? "openai-chat",
    family: r.family ?? familyOf(r.provider),
    aliases: r.aliases ?? [],
    price: r.price,
    contextWindow: r.context_window,
    inputLimit: r.input_limit,
    maxOutput: r.max_output,
    tier: r.tier,
    features: {
      tools: r.features.tools,
      images: r.features.images,
      reasoning: r.features.reasoning,
      promptCaching: r.features.prompt_caching,
    },
    scores: phaseScores(r.base, r.tier, r.scores),
    evidence: r.evidence ?? [],
    note: r.base_reasoning,
  };
}

export function familyOf(provider: string): ModelFamily {
  if (provider === "anthropic") return "anthropic";
  if (provider === "openai") return "openai";
  if (provider === "google") return "google";
  return "other";
}

const GENAI_PROVIDER: Record<string, string> = { moonshot: "moonshotai", xai: "x-ai" };

/** Applies one config `models:` entry: edits a catalog model in place or adds a new one. */
function applyOverride(models: Map<string, CatalogModel>, o: ModelOverride): void {
  const prev = models.get(o.id);
  const tier = o.tier ?? prev?.tier ?? "mid";
  const manual: ManualPrices | undefined =
    o.input_price !== undefined && o.output_price !== undefined
      ? {
          input: o.input_price,
          output: o.output_price,
          cacheRead: o.cache_read_price,
          cacheWrite: o.cache_write_price,
          cacheWrite1h: o.cache_write_1h_price,
        }
      : prev?.manualPrices;
  const baseScores = prev?.scores ?? phaseScores(70, tier);
  const m: CatalogModel = {
    id: o.id,
    provider: o.provider ?? prev?.provider,
    upstreamId: o.upstream_id ?? prev?.upstreamId ?? o.id,
    format: o.format ?? prev?.format ?? BUILTIN_PROVIDERS[o.provider]?.format ?? "openai-chat",
    family: prev?.family ?? familyOf(o.provider),
    aliases: [...(prev?.aliases ?? []), ...(o.aliases ?? [])],
    price: manual
      ? undefined
      : (prev?.price ?? { provider: GENAI_PROVIDER[o.provider] ?? o.provider, model: o.upstream_id ?? o.id }),
    manualPrices: manual,
    contextWindow: o.context_window ?? prev?.contextWindow ?? 128_000,
    inputLimit: prev?.inputLimit,
    maxOutput: o.max_output ?? prev?.maxOutput ?? 16_384,
    tier,
    features: {
      tools: o.features?.tools ?? prev?.features.tools ?? true,
      images: o.features?.images ?? prev?.features.images ?? false,
      reasoning: o.features?.reasoning ?? prev?.features.reasoning ?? false,
      promptCaching: o.features?.prompt_caching ?? prev?.features.promptCaching ?? false,
    },
    scores: { ...baseScores, ...(o.scores ?? {}) } as Record<Phase, number>,
    evidence: prev?.evidence ?? [{ benchmark: "config override", value: null, source: "config", read: "" }],
    note: prev ? prev.note : "added by config; scores default to 70 (estimate) unless given",
  };
  models.set(o.id, m);
}

/** `claude-opus-5-5` > `claude-opus-4-8`: compares the digit groups of two ids. */
function versionCompare(a: string, b: string): number {
  const va = (a.match(/\d+/g) ?? []).map(Number);
  const vb = (b.match(/\d+/g) ?? []).map(Number);
  for (let i = 0; i < Math.max(va.length, vb.length); i++) {
    const d = (va[i] ?? 0) - (vb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function newestOpus(models: CatalogModel[]): string | undefined {
  return models
    .filter((m) => /opus/.test(m.id))
    .map((m) => m.id)
    .sort(versionCompare)
    .pop();
}

export function createCatalog(
  overrides: ModelOverride[] = [],
  opts: { baseline?: string; data?: CatalogData } = {},
): Catalog {
  const data = opts.data ?? loadCatalogData();
  const byId = new Map<string, CatalogModel>();
  for (const r of data.models) byId.set(r.id, fromRaw(r));
  for (const o of overrides) applyOverride(byId, o);
  const models = [...byId.values()];
  const names = new Map<string, CatalogModel>();
  for (const m of models) {
    for (const n of [m.upstreamId, ...m.aliases]) if (!names.has(n.toLowerCase())) names.set(n.toLowerCase(), m);
  }
  for (const m of models) names.set(m.id.toLowerCase(), m);
  const resolve = (name: string): CatalogModel | undefined => {
    const n = name.toLowerCase().replace(/^(anthropic|openai|google|models)\//, "");
    return names.get(n) ?? names.get(n.replace(/-\d{8}$|-\d{4}-\d{2}-\d{2}$|-latest$/, ""));
  };
  const baselineId =
    (opts.baseline && resolve(opts.baseline)?.id) || opts.baseline || newestOpus(models) || models[0]?.id;
  return { models, get: (id) => byId.get(id), resolve, baselineId };
}
