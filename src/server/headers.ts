import type { DecisionTrailer } from "../ir/types.js";
import type { Attempt } from "./proxy.js";
import type { Candidate, RoutePlan } from "./types.js";

/** Header-safe: drop anything outside visible ASCII (header values must not carry CR/LF or non-Latin text). */
const safe = (s: string) => s.replace(/[^\x20-\x7e]/g, "?").slice(0, 200);

export function decisionHeaders(
  plan: RoutePlan,
  chosen: Candidate | undefined,
  attempts: Attempt[],
): Record<string, string> {
  const c = plan.classification;
  const h: Record<string, string> = {
    "x-coderouter-phase": c.phase,
    "x-coderouter-phase-confidence": c.confidence.toFixed(2),
    "x-coderouter-agent": safe(c.agent),
    "x-coderouter-kind": c.kind,
  };
  if (chosen) {
    h["x-coderouter-model"] = safe(chosen.model);
    h["x-coderouter-provider"] = safe(chosen.provider);
  }
  if (attempts.length > 0) {
    h["x-coderouter-attempts"] = safe(attempts.map((a) => `${a.model}:${a.status}`).join(", "));
  }
  return h;
}

export function costHeaders(t: DecisionTrailer | undefined): Record<string, string> {
  if (!t) return {};
  return {
    "x-coderouter-cost": t.cost_usd.toFixed(6),
    "x-coderouter-cost-if-opus": t.cost_if_opus_usd.toFixed(6),
    "x-coderouter-savings": t.savings_usd.toFixed(6),
    "x-coderouter-savings-pct": t.savings_pct.toFixed(1),
  };
}
