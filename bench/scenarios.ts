/** The grid of measurements and how long each one runs. */
import type { BenchRequest } from "./bodies.js";

export interface Scenario {
  /** "2 KB", "2 KB stream", … */
  name: string;
  request: BenchRequest;
  stream: boolean;
}

export interface Budget {
  rounds: number;
  /** Concurrency-1 sample: up to maxMs (and maxRequests), at least minRequests. */
  c1: { maxMs: number; maxRequests: number; minRequests: number };
  /** Concurrency-32 warm-up per target and scenario, seconds. */
  warmupSeconds: number;
  /** Concurrency-32 sample length, seconds. */
  c32Seconds: number;
  connections: number;
}

export const FULL: Budget = {
  rounds: 3,
  c1: { maxMs: 1000, maxRequests: 5000, minRequests: 20 },
  warmupSeconds: 1,
  c32Seconds: 2,
  connections: 32,
};

export const QUICK: Budget = {
  rounds: 1,
  c1: { maxMs: 400, maxRequests: 3000, minRequests: 10 },
  warmupSeconds: 1,
  c32Seconds: 1,
  connections: 32,
};

export function scenarios(requests: BenchRequest[]): Scenario[] {
  return requests.flatMap((request) => [
    { name: request.label, request, stream: false },
    { name: `${request.label} stream`, request, stream: true },
  ]);
}

/** Concurrency-32 runs: 2 KB (the goal), plus 2 KB streamed and 100 KB in a full run. */
export function loadScenarios(all: Scenario[], quick: boolean): Scenario[] {
  const keep = quick ? ["2 KB"] : ["2 KB", "2 KB stream", "100 KB"];
  return all.filter((s) => keep.includes(s.name));
}

export const bodyOf = (s: Scenario) => (s.stream ? s.request.stream : s.request.json);

/** Sanity check of a target's answer: the client speaks Anthropic, so it must get an Anthropic message back. */
export function looksRight(s: Scenario, text: string): boolean {
  if (s.stream) return text.includes("event: message_start") && text.includes("message_stop");
  try {
    const m = JSON.parse(text);
    return m.type === "message" && Array.isArray(m.content);
  } catch {
    return false;
  }
}
