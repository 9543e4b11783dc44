export {
  costIfBaseline,
  estimateWithRates,
  type PriceBreakdown,
  type PriceOptions,
  type PriceResult,
  priceUsage,
  promptTokens,
  type Rates,
  ratesFor,
} from "./price.js";
