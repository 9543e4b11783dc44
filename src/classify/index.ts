// PLACEHOLDER until the classifier lands: the classifier work replaces this file entirely.
import type { Classification, ClassifyInput } from "./types.js";

export type { Classification, ClassifyInput } from "./types.js";

export function classify(_input: ClassifyInput): Classification {
  return { phase: "implement", confidence: 0.3, agent: "unknown", mode: null, kind: "main", complexity: "medium", signals: ["placeholder"], layer: "rules" };
}
