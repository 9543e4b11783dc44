/**
 * Cost truth: what a call cost, from the provider's reported usage, priced by @pydantic/genai-prices (input, output,
 * cache read, 5-minute and 1-hour cache writes, long-context tiers, time-of-day prices), or by a config override
 * for models it does not know. Pure functions; the only state is a small memo of resolved price tables.
 */
import { calcPrice, type ModelPrice } from "@pydantic/genai-prices";
import { emptyUsage, type IRUsage } from "../ir/types.js";
import type { Catalog, CatalogModel } from "../route/catalog.js";

/** USD per million tokens at one prompt size (tiers already applied). */
export interface Rates {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
}

export interface PriceBreakdown {
  /** USD for each part of the bill. */
  input: number;
  cacheRead: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  output: number;
  rates: Rates;
  /** Total prompt tokens (uncached + cache read + cache writes): what long-context tiers key on. */
  promptTokens: number;
  /** A long-context tier applied. */
  longContext: boolean;
  source: "genai-prices" | "config" | "unknown";
  /** The genai-prices model id that matched. */
  priceModel?: string;
}

export interface PriceResult {
  usd: number;
  breakdown: PriceBreakdown;
}

export interface PriceOptions {
  /** When the call happened (time-of-day and dated prices). Default now. */
  at?: Date;
}

type Tiered = { base: number; tiers: Array<{ start: number; price: number }> };

const M = 1_000_000;

export function promptTokens(u: IRUsage): number {
  return u.inputTokens + u.cacheReadTokens + u.cacheWriteTokens + u.cacheWrite1hTokens;
}

function toGenaiUsage(u: IRUsage): Record<string, number> {
  const out: Record<string, number> = {
    input_tokens: promptTokens(u),
    output_tokens: u.outputTokens,
    cache_read_tokens: u.cacheReadTokens,
    cache_write_tokens: u.cacheWriteTokens + u.cacheWrite1hTokens,
  };
  if (u.cacheWrite1hTokens > 0) out.cache_write_1h_tokens = u.cacheWrite1hTokens;
  return out;
}

/** Value of one price field at `prompt` tokens: genai-prices applies a tier when the count is greater than start. */
function tierValue(v: number | Tiered | undefined, prompt: number): { price: number | undefined; tiered: boolean } {
  if (v === undefined || typeof v === "number") return { price: v, tiered: false };
  let price = v.base;
  let tiered = false;
  for (const t of v.tiers) {
    if (prompt > t.start) {
      price = t.price;
      tiered = true;
    }
  }
  return { price, tiered };
}

function ratesFromModelPrice(mp: ModelPrice, prompt: number): { rates: Rates; longContext: boolean } {
  const get = (k: string) => tierValue(mp[k] as number | Tiered | undefined, prompt);
  const input = get("input_mtok");
  const output = get("output_mtok");
  const read = get("cache_read_mtok");
  const write = get("cache_write_mtok");
  const write1h = get("cache_write_1h_mtok");
  const inp = input.price ?? 0;
  const w5 = write.price ?? inp;
  return {
    rates: {
      input: inp,
      output: output.price ?? 0,
      cacheRead: read.price ?? inp,
      cacheWrite5m: w5,
      cacheWrite1h: write1h.price ?? w5,
    },
    longContext: input.tiered || output.tiered || read.tiered,
  };
}

function manualRates(m: CatalogModel): Rates {
  const p = m.manualPrices as NonNullable<CatalogModel["manualPrices"]>;
  const w5 = p.cacheWrite ?? p.input;
  return {
    input: p.input,
    output: p.output,
    cacheRead: p.cacheRead ?? p.input,
    cacheWrite5m: w5,
    cacheWrite1h: p.cacheWrite1h ?? (p.cacheWrite !== undefined ? p.input * 2 : p.input),
  };
}

function breakdownFrom(
  u: IRUsage,
  rates: Rates,
  extra: Omit<PriceBreakdown, "input" | "cacheRead" | "cacheWrite5m" | "cacheWrite1h" | "output" | "rates">,
): PriceResult {
  const b: PriceBreakdown = {
    input: (u.inputTokens * rates.input) / M,
    cacheRead: (u.cacheReadTokens * rates.cacheRead) / M,
    cacheWrite5m: (u.cacheWriteTokens * rates.cacheWrite5m) / M,
    cacheWrite1h: (u.cacheWrite1hTokens * rates.cacheWrite1h) / M,
    output: (u.outputTokens * rates.output) / M,
    rates,
    ...extra,
  };
  return { usd: b.input + b.cacheRead + b.cacheWrite5m + b.cacheWrite1h + b.output, breakdown: b };
}

function genai(u: IRUsage, modelName: string, providerId: string | undefined, at: Date) {
  try {
    return calcPrice(toGenaiUsage(u), modelName, { providerId, timestamp: at });
  } catch {
    return null;
  }
}

/** Prices `usage` on `modelId` (a catalog id, alias or any name genai-prices knows). */
export function priceUsage(modelId: string, usage: IRUsage, catalog: Catalog, opts: PriceOptions = {}): PriceResult {
  const at = opts.at ?? new Date();
  const prompt = promptTokens(usage);
  const m = catalog.resolve(modelId);
  if (m?.manualPrices)
    return breakdownFrom(usage, manualRates(m), { promptTokens: prompt, longContext: false, source: "config" });
  if (m?.price) {
    // Hot path: the model's price entry is looked up in genai-prices once a minute (memoised), then it is arithmetic.
    const mp = modelPriceFor(m.price.model, m.price.provider, at);
    if (mp) {
      const { rates, longContext } = ratesFromModelPrice(mp.price, prompt);
      return breakdownFrom(usage, rates, {
        promptTokens: prompt,
        longContext,
        source: "genai-prices",
        priceModel: mp.id,
      });
    }
  }
  const r = genai(usage, modelId, undefined, at);
  if (!r) {
    const zero: Rates = { input: 0, output: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0 };
    return breakdownFrom(usage, zero, { promptTokens: prompt, longContext: false, source: "unknown" });
  }
  const { rates, longContext } = ratesFromModelPrice(r.model_price, prompt);
  const res = breakdownFrom(usage, rates, {
    promptTokens: prompt,
    longContext,
    source: "genai-prices",
    priceModel: r.model.id,
  });
  // genai-prices' own total is the bill; the breakdown is ours and must agree with it.
  return { usd: r.total_price, breakdown: res.breakdown };
}

const PROBE: IRUsage = { ...emptyUsage(), inputTokens: 1, outputTokens: 1 };
type PriceEntry = { id: string; price: ModelPrice } | null;
/** provider → model → the entry for one minute. Keyed by the catalog's own strings: no key is built per call. */
const priceMemo = new Map<string, Map<string, { minute: number; hit: PriceEntry }>>();

/** genai-prices' price entry for a model at `at` (time-of-day and dated prices), memoised per minute. */
function modelPriceFor(model: string, provider: string, at: Date): PriceEntry {
  const minute = Math.floor(at.getTime() / 60_000);
  let byModel = priceMemo.get(provider);
  if (!byModel) {
    byModel = new Map();
    priceMemo.set(provider, byModel);
  }
  const slot = byModel.get(model);
  if (slot?.minute === minute) return slot.hit;
  const r = genai(PROBE, model, provider, at);
  const hit = r ? { id: r.model.id, price: r.model_price } : null;
  if (byModel.size > 4096) byModel.clear();
  byModel.set(model, { minute, hit });
  return hit;
}

/** Same usage (same cache hits) priced on the baseline model: the Cost-If-Opus figure. */
export function costIfBaseline(
  usage: IRUsage,
  catalog: Catalog,
  opts: PriceOptions & { baseline?: string } = {},
): PriceResult {
  return priceUsage(opts.baseline ?? catalog.baselineId, usage, catalog, opts);
}

/** Per-million rates of a catalog model at a prompt size, for estimates. */
export function ratesFor(model: CatalogModel, prompt: number, at: Date = new Date()): Rates {
  if (model.manualPrices) return manualRates(model);
  const mp = model.price ? modelPriceFor(model.price.model, model.price.provider, at) : null;
  if (!mp) return { input: 0, output: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0 };
  return ratesFromModelPrice(mp.price, prompt).rates;
}

/** Cost of `usage` from rates (no genai-prices call): used for estimates in the routing hot path. */
export function estimateWithRates(usage: IRUsage, rates: Rates): number {
  return (
    (usage.inputTokens * rates.input +
      usage.cacheReadTokens * rates.cacheRead +
      usage.cacheWriteTokens * rates.cacheWrite5m +
      usage.cacheWrite1hTokens * rates.cacheWrite1h +
      usage.outputTokens * rates.output) /
    M
  );
}
