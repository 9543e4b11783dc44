/**
 * Concurrency-1 latency: one keep-alive undici Client, requests sent back to back, each timed with
 * performance.now() to the first and the last body byte.
 */
import { performance } from "node:perf_hooks";
import { Client } from "undici";

export interface Target {
  origin: string;
  path: string;
  headers: Record<string, string>;
}

export interface LatencySample {
  n: number;
  /** Time to last byte, ms. */
  p50: number;
  p99: number;
  /** Time to first body byte, ms. */
  ttfbP50: number;
  ttfbP99: number;
}

export interface LoopOptions {
  /** Stop after this many requests … */
  maxRequests: number;
  /** … or this many milliseconds, whichever comes first (at least `minRequests`). */
  maxMs: number;
  minRequests: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** One request; throws with the status and a body excerpt unless the answer is a 200 that `check` accepts. */
export async function probe(t: Target, body: Buffer, check: (text: string) => boolean): Promise<void> {
  const client = new Client(t.origin);
  try {
    const res = await client.request({ method: "POST", path: t.path, headers: t.headers, body });
    const text = await res.body.text();
    if (res.statusCode !== 200 || !check(text))
      throw new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300).replace(/\s+/g, " ")}`);
  } finally {
    await client.close();
  }
}

export async function measureLatency(t: Target, body: Buffer, o: LoopOptions): Promise<LatencySample> {
  const client = new Client(t.origin, { keepAliveTimeout: 60_000, pipelining: 1 });
  const total: number[] = [];
  const first: number[] = [];
  const started = performance.now();
  try {
    while (total.length < o.maxRequests && (total.length < o.minRequests || performance.now() - started < o.maxMs)) {
      const t0 = performance.now();
      const res = await client.request({ method: "POST", path: t.path, headers: t.headers, body });
      let t1 = -1;
      for await (const _chunk of res.body) if (t1 < 0) t1 = performance.now();
      const t2 = performance.now();
      if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode} after ${total.length} requests`);
      total.push(t2 - t0);
      first.push((t1 < 0 ? t2 : t1) - t0);
    }
  } finally {
    await client.close();
  }
  total.sort((a, b) => a - b);
  first.sort((a, b) => a - b);
  return {
    n: total.length,
    p50: percentile(total, 50),
    p99: percentile(total, 99),
    ttfbP50: percentile(first, 50),
    ttfbP99: percentile(first, 99),
  };
}
