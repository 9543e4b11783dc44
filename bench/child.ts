/**
 * Child processes of the benchmark: every server (upstream, floor, router, peers) runs in its own process so
 * /proc accounting sees only its own CPU and memory. Our own helpers are transpiled once to plain .mjs so they
 * run without the tsx loader (which would inflate their RSS).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { basename, join } from "node:path";
import ts from "typescript";

export const BENCH_DIR = import.meta.dirname;
export const ROOT = join(BENCH_DIR, "..");
export const WORK_DIR = join(BENCH_DIR, ".peers");

/** Transpile a self-contained bench/*.ts file (node builtins and installed packages only) to .mjs. */
export function compileStandalone(tsFile: string): string {
  const out = join(WORK_DIR, "build", basename(tsFile).replace(/\.ts$/, ".mjs"));
  mkdirSync(join(WORK_DIR, "build"), { recursive: true });
  const { outputText } = ts.transpileModule(readFileSync(tsFile, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  writeFileSync(out, outputText);
  return out;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const live = new Set<ChildProcess>();

/** Stop every child still running (on SIGINT/SIGTERM of the benchmark). */
export function killAll(): void {
  for (const c of live) c.kill("SIGKILL");
}

export interface Proc {
  name: string;
  pid: number;
  child: ChildProcess;
  /** Last few KB of stdout+stderr, for error reports. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  name: string;
  cmd?: string;
  args: string[];
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Ready when this URL answers (any status). */
  readyUrl: string;
  timeoutMs?: number;
}

export async function startProcess(o: StartOptions): Promise<Proc> {
  const child = spawn(o.cmd ?? process.execPath, o.args, {
    cwd: o.cwd ?? ROOT,
    env: { ...process.env, ...o.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  child.once("exit", () => live.delete(child));
  let tail = "";
  const keep = (b: Buffer) => {
    tail = (tail + b.toString("utf8")).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let exited: string | undefined;
  child.once("exit", (code, sig) => {
    exited = `exited with ${sig ?? code}`;
  });
  const proc: Proc = {
    name: o.name,
    pid: child.pid ?? -1,
    child,
    output: () => tail,
    stop: () => stopChild(child),
  };
  const deadline = Date.now() + (o.timeoutMs ?? 20_000);
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${o.name} ${exited}: ${tail.trim().slice(-600)}`);
    if (await answers(o.readyUrl)) return proc;
    await new Promise((r) => setTimeout(r, 100));
  }
  await proc.stop();
  throw new Error(
    `${o.name} did not answer ${o.readyUrl} within ${o.timeoutMs ?? 20_000} ms: ${tail.trim().slice(-600)}`,
  );
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => child.kill("SIGKILL"), 3000);
    child.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
