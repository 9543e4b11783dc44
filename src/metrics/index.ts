/**
 * Prometheus metrics (prom-client) in their own Registry, fed from ledger records: one `observe(record)` per
 * request, off the response path. Label values are capped per label (first N distinct values, then "other") so a
 * client sending random model names cannot blow up the series count.
 */
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import type { LedgerAttempt, LedgerRecord } from "../ledger/types.js";

export interface MetricsOptions {
  /** Distinct values kept per label before folding into "other" (default 64). */
  maxLabelValues?: number;
  /** Also export Node process metrics (default false). */
  processMetrics?: boolean;
  /** Metric name prefix (default "coderouter_"). */
  prefix?: string;
}

const OTHER = "other";
const MAX_LABEL_LEN = 64;

/** Keeps the first `max` distinct values of each label; later newcomers become "other". */
class LabelCap {
  private readonly seen = new Map<string, Set<string>>();
  constructor(private readonly max: number) {}

  value(label: string, raw: unknown): string {
    let v = raw === null || raw === undefined || raw === "" ? "none" : String(raw);
    if (v.length > MAX_LABEL_LEN) v = v.slice(0, MAX_LABEL_LEN);
    let set = this.seen.get(label);
    if (!set) {
      set = new Set();
      this.seen.set(label, set);
    }
    if (set.has(v)) return v;
    if (set.size >= this.max) return OTHER;
    set.add(v);
    return v;
  }
}

/** Low-cardinality reason for a failed attempt: its HTTP status, else the first word of the error. */
export function attemptReason(a: LedgerAttempt): string {
  if (a.status > 0) return String(a.status);
  const word = (a.error ?? "").trim().split(/[\s:,(]/)[0];
  return word ? word.slice(0, 32).toLowerCase() : "error";
}

export class Metrics {
  readonly registry = new Registry();
  private readonly cap: LabelCap;
  private readonly requests: Counter<"phase" | "model" | "agent" | "status">;
  private readonly overhead: Histogram;
  private readonly ttfb: Histogram;
  private readonly cost: Counter<"model">;
  private readonly baseline: Counter<"model">;
  private readonly fallbacks: Counter<"from" | "to" | "reason">;
  private readonly layers: Counter<"layer">;
  private readonly upstreamErrors: Counter<"provider" | "status">;

  constructor(opts: MetricsOptions = {}) {
    const p = opts.prefix ?? "coderouter_";
    const registers = [this.registry];
    this.cap = new LabelCap(opts.maxLabelValues ?? 64);
    this.requests = new Counter({
      name: `${p}requests_total`,
      help: "Requests answered, by phase, routed model, agent and HTTP status",
      labelNames: ["phase", "model", "agent", "status"],
      registers,
    });
    this.overhead = new Histogram({
      name: `${p}router_overhead_seconds`,
      help: "Time spent inside the router (classify, route, translate), excluding upstream time",
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
      registers,
    });
    this.ttfb = new Histogram({
      name: `${p}ttfb_seconds`,
      help: "Time to first byte sent to the client",
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64],
      registers,
    });
    this.cost = new Counter({
      name: `${p}cost_usd_total`,
      help: "USD spent, by routed model",
      labelNames: ["model"],
      registers,
    });
    this.baseline = new Counter({
      name: `${p}baseline_cost_usd_total`,
      help: "USD the same requests would have cost on the baseline model, by routed model",
      labelNames: ["model"],
      registers,
    });
    this.fallbacks = new Counter({
      name: `${p}fallbacks_total`,
      help: "Falls back from one candidate model to the next",
      labelNames: ["from", "to", "reason"],
      registers,
    });
    this.layers = new Counter({
      name: `${p}classifier_layer_total`,
      help: "Classifier layer that decided the phase",
      labelNames: ["layer"],
      registers,
    });
    this.upstreamErrors = new Counter({
      name: `${p}upstream_errors_total`,
      help: "Failed upstream attempts, by provider and status (0 = no response)",
      labelNames: ["provider", "status"],
      registers,
    });
    if (opts.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: p });
  }

  /** Feeds every series from one ledger record. Never throws. */
  observe(r: LedgerRecord): void {
    try {
      const c = this.cap;
      const model = c.value("model", r.model);
      this.requests.inc({
        phase: c.value("phase", r.phase),
        model,
        agent: c.value("agent", r.agent),
        status: c.value("status", r.status),
      });
      if (r.overhead_ms >= 0) this.overhead.observe(r.overhead_ms / 1000);
      if (r.ttfb_ms !== null && r.ttfb_ms >= 0) this.ttfb.observe(r.ttfb_ms / 1000);
      if (r.cost_usd > 0) this.cost.inc({ model }, r.cost_usd);
      if (r.baseline_cost_usd > 0) this.baseline.inc({ model }, r.baseline_cost_usd);
      if (r.layer) this.layers.inc({ layer: c.value("layer", r.layer) });
      const attempts = r.attempts ?? [];
      for (let i = 0; i < attempts.length; i++) {
        const a = attempts[i];
        const failed = a.status === 0 || a.status >= 400 || a.error !== undefined;
        if (failed)
          this.upstreamErrors.inc({ provider: c.value("provider", a.provider), status: c.value("status", a.status) });
        const next = attempts[i + 1];
        if (next)
          this.fallbacks.inc({
            from: c.value("model", a.model),
            to: c.value("model", next.model),
            reason: c.value("reason", attemptReason(a)),
          });
      }
    } catch {
      // metrics must never break a request
    }
  }

  /** The Prometheus text exposition. */
  metricsText(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

export function createMetrics(opts?: MetricsOptions): Metrics {
  return new Metrics(opts);
}

let shared: Metrics | null = null;

/** The process-wide instance the server uses (created on first use). */
export function defaultMetrics(): Metrics {
  shared ??= new Metrics({ processMetrics: true });
  return shared;
}

export function observe(r: LedgerRecord): void {
  defaultMetrics().observe(r);
}

export function metricsText(): Promise<string> {
  return defaultMetrics().metricsText();
}
