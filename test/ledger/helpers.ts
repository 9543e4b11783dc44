import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import { run as stats } from "../../src/cli/stats.js";
import type { LedgerRecord } from "../../src/ledger/types.js";

const PHASES = ["plan", "implement", "debug", "test", "refactor", "document", "small_edit"];
const MODELS = ["claude-opus-4-1", "claude-sonnet-4-5", "gpt-5-mini", "gemini-2.5-flash"];
const AGENTS = ["claude-code", "codex", "gemini-cli"];

/** Deterministic pseudo-random record number i (prices give costs with many significant digits). */
export function makeRecord(i: number, over: Partial<LedgerRecord> = {}): LedgerRecord {
  const input = 1000 + ((i * 7919) % 50_000);
  const output = 10 + ((i * 104_729) % 4000);
  const cacheRead = (i * 31) % 20_000;
  const price = [3, 15, 0.25, 0.0375, 1.25][i % 5];
  const cost = (input * price + output * price * 5 + cacheRead * price * 0.1) / 1e6;
  const baseline = (input * 15 + output * 75 + cacheRead * 1.5) / 1e6;
  return {
    id: `req_${i.toString().padStart(6, "0")}`,
    ts: Date.now() - 60_000 + i,
    session_id: `sess_${i % 7}`,
    agent: AGENTS[i % AGENTS.length],
    kind: "main",
    phase: PHASES[i % PHASES.length],
    confidence: 0.5 + (i % 50) / 100,
    signals: [`signal ${i % 3}`, "tool:bash"],
    api: "anthropic-messages",
    requested_model: "claude-opus-4-1",
    model: MODELS[i % MODELS.length],
    provider: "anthropic",
    attempts: [{ model: MODELS[i % MODELS.length], provider: "anthropic", status: 200, ms: 120 + (i % 40) }],
    input_tokens: input,
    output_tokens: output,
    cache_read_tokens: cacheRead,
    cache_write_tokens: i % 11,
    cache_write_1h_tokens: i % 3,
    reasoning_tokens: i % 13,
    cost_usd: cost,
    baseline_cost_usd: baseline,
    overhead_ms: (i % 100) / 10 + 0.5,
    ttfb_ms: 300 + (i % 200),
    total_ms: 900 + (i % 500),
    status: 200,
    error: null,
    stream: i % 2 === 0,
    key_id: i % 4 === 0 ? "k_abc123" : null,
    layer: "rules",
    mode: null,
    content: null,
    ...over,
  };
}

/** Neumaier-compensated sum: the reference the ledger totals are compared with. */
export function exactSum(xs: number[]): number {
  let sum = 0;
  let c = 0;
  for (const x of xs) {
    const t = sum + x;
    c += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + c;
}

export const randomSuffix = () => randomBytes(5).toString("hex");

/** `coderouter stats ARGS` in process, with its output captured. */
export async function runStats(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c) => (out += c));
  stderr.on("data", (c) => (err += c));
  const code = await stats(args, { stdout, stderr });
  return { code, out, err };
}
