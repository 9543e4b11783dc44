/**
 * One inbound request (envelope {api, headers, body}) → classification, features, session and routing decision,
 * without calling a model. Shared by `coderouter route`, `coderouter simulate` and POST /v1/route.
 */
import { classify } from "../classify/index.js";
import type { Classification, ClassifyInput } from "../classify/types.js";
import type { ApiKind } from "../ir/types.js";
import { featuresFromBody, type RequestFeatures } from "./features.js";
import type { Decision, Router } from "./router.js";
import { sessionIdFor } from "./session.js";

export interface Envelope {
  api: ApiKind;
  headers: Record<string, string | undefined>;
  body: any;
  path?: string;
}

/** Guesses the API of a bare body from its shape. */
export function guessApi(body: any): ApiKind {
  if (Array.isArray(body?.contents)) return "gemini";
  if (body?.input !== undefined || body?.instructions !== undefined) return "openai-responses";
  if (
    body?.system !== undefined ||
    body?.anthropic_version ||
    (typeof body?.max_tokens === "number" && !body?.messages?.some?.((m: any) => m?.role === "system"))
  )
    return "anthropic-messages";
  return "openai-chat";
}

/** Accepts an eval/fixture envelope ({api, headers, body} or {request:{headers, body}}) or a bare body. */
export function toEnvelope(x: any): Envelope {
  const req = x?.request && typeof x.request === "object" ? x.request : x;
  const body = req?.body !== undefined && (req?.headers !== undefined || x?.api) ? req.body : x;
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries((req?.headers ?? {}) as Record<string, unknown>))
    headers[k.toLowerCase()] = typeof v === "string" ? v : undefined;
  const api: ApiKind = x?.api ?? guessApi(body);
  return { api, headers, body, path: req?.path ?? x?.path };
}

export interface DryRun {
  classification: Classification;
  features: RequestFeatures;
  sessionId: string;
  decision: Decision;
}

export async function dryRun(
  router: Router,
  env: Envelope,
  opts: { availableProviders?: Iterable<string>; at?: Date; rawBytes?: number } = {},
): Promise<DryRun> {
  const input: ClassifyInput = { api: env.api, headers: env.headers, body: env.body, path: env.path };
  const classification = await classify(input);
  const features = featuresFromBody(env.api, env.body, opts.rawBytes);
  const sessionId = sessionIdFor(env.api, env.headers, env.body);
  const decision = await router.route({
    classification,
    requestFeatures: features,
    sessionId,
    pinnedModel: env.headers["x-coderouter-model"],
    phaseHint: env.headers["x-coderouter-phase"],
    availableProviders: opts.availableProviders,
    at: opts.at,
  });
  return { classification, features, sessionId, decision };
}
