/**
 * Concurrency-32 throughput with autocannon (or Debian's wrk when it is on PATH: req/s only), plus the
 * target process's CPU time per request over the same window.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import autocannon from "autocannon";
import type { Target } from "./latency.js";
import { cpuMs } from "./proc.js";

export interface LoadSample {
  rps: number;
  requests: number;
  errors: number;
  /** CPU ms per request of the measured process (undefined for the direct baseline). */
  cpuMsPerReq?: number;
}

const run = promisify(execFile);

let wrkPath: string | null | undefined;
async function findWrk(): Promise<string | null> {
  if (wrkPath !== undefined) return wrkPath;
  try {
    wrkPath = (await run("sh", ["-c", "command -v wrk"])).stdout.trim() || null;
  } catch {
    wrkPath = null;
  }
  return wrkPath;
}

export async function loadGenerator(): Promise<string> {
  return (await findWrk()) ? "wrk" : "autocannon 9";
}

async function withWrk(wrk: string, t: Target, body: Buffer, connections: number, seconds: number) {
  const dir = mkdtempSync(join(tmpdir(), "bench-wrk-"));
  writeFileSync(join(dir, "body.json"), body);
  const lua = [
    'wrk.method = "POST"',
    `local f = io.open("${join(dir, "body.json")}", "rb"); wrk.body = f:read("*a"); f:close()`,
    ...Object.entries(t.headers).map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`),
  ].join("\n");
  writeFileSync(join(dir, "post.lua"), lua);
  const threads = Math.min(2, connections);
  const { stdout } = await run(wrk, [
    `-t${threads}`,
    `-c${connections}`,
    `-d${seconds}s`,
    "-s",
    join(dir, "post.lua"),
    `${t.origin}${t.path}`,
  ]);
  const requests = Number(/(\d+) requests in/.exec(stdout)?.[1] ?? 0);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? 0);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0);
  const sockErr = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  const errors = non2xx + (sockErr ? sockErr.slice(1).reduce((a, b) => a + Number(b), 0) : 0);
  return { rps, requests, errors };
}

export async function measureLoad(
  t: Target,
  body: Buffer,
  connections: number,
  seconds: number,
  pid?: number,
): Promise<LoadSample> {
  const wrk = await findWrk();
  const cpu0 = pid ? cpuMs(pid) : undefined;
  let r: { rps: number; requests: number; errors: number };
  if (wrk) r = await withWrk(wrk, t, body, connections, seconds);
  else {
    const res = await autocannon({
      url: `${t.origin}${t.path}`,
      method: "POST",
      headers: t.headers,
      body,
      connections,
      duration: seconds,
      timeout: 10,
    });
    const ok = res["2xx"];
    r = { rps: ok / res.duration, requests: ok, errors: res.errors + res.timeouts + res.non2xx };
  }
  const cpu1 = pid ? cpuMs(pid) : undefined;
  const cpuMsPerReq =
    cpu0 !== undefined && cpu1 !== undefined && r.requests > 0 ? (cpu1 - cpu0) / r.requests : undefined;
  return { ...r, cpuMsPerReq };
}
