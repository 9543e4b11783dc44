import type { Classification, ClassifyInput } from "../classify/types.js";
import type { ApiKind, IRRequest, IRUsage } from "../ir/types.js";

/** One model the request may be sent to, in order of preference. */
export interface Candidate {
  /** Catalog id (what the ledger and headers show). */
  model: string;
  provider: string;
  /** Model name sent upstream. */
  upstreamModel: string;
  /** Wire format the provider speaks for this model. */
  format: ApiKind;
}

export interface RoutePlan {
  classification: Classification;
  sessionId: string;
  candidates: Candidate[];
  /** One-line reason for the first candidate. */
  reason: string;
  /** The full decision object for /v1/route and `coderouter route` (`candidates` only with `explain`). */
  detail: unknown;
}

export interface PlanInput extends ClassifyInput {
  ir: IRRequest;
  rawBytes: number;
  /** Build the per-model candidate report in `detail` (/v1/route); the proxy path leaves it out. */
  explain?: boolean;
}

export interface Pricing {
  cost: number;
  baseline: number;
}

/** Classification + routing + pricing, behind one seam so the server stays thin. */
export interface Engine {
  plan(input: PlanInput): Promise<RoutePlan>;
  price(model: string, usage: IRUsage): Pricing;
  /** After a successful call: remember the session's model and usage (prompt-cache awareness). */
  commit(sessionId: string, model: string, usage: IRUsage): void;
  /** Catalog for GET /v1/models. */
  listModels(): Array<{ id: string; provider: string }>;
}

export type { ProviderRuntime as ResolvedProvider } from "../providers/resolve.js";
