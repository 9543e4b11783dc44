/**
 * kill -9 under load loses at most the batch window (ledger.batch_ms, plus the write in progress);
 * SIGTERM (graceful stop) loses nothing. The child records rows continuously; the parent kills it, reopens the
 * ledger and checks which rows survived.
 *
 * The window is measured on the child's own clock, from the last row it reported: on a loaded machine the child's
 * event loop can stall, and then neither its timers nor its recording run, so wall time since the kill says
 * nothing about the batching policy. SQLite commits synchronously inside the flush timer, so every row recorded
 * more than batch_ms before the child's last tick is committed; Postgres commits one round trip later (slack).
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { createLedger } from "../../src/ledger/index.js";
import { dropSchema, findPostgres, testSchema } from "./pg.js";

const BATCH_MS = 100;
/** Timer granularity (SQLite) and the commit round trip (Postgres). */
const SLACK_MS = { sqlite: 10, postgres: 150 };
const MIN_ROWS = 500;

interface Run {
  rows: Array<{ id: string; ts: number }>;
  killedAt: number;
  sawClosed: boolean;
}

async function runChild(env: Record<string, string>, signal: "SIGKILL" | "SIGTERM", runMs: number): Promise<Run> {
  const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "crash-child.ts")], {
    env: { ...process.env, ...env, CR_BATCH_MS: String(BATCH_MS) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const rows: Array<{ id: string; ts: number }> = [];
  let buf = "";
  let ready = false;
  let sawClosed = false;
  let killedAt = 0;
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    buf += chunk;
    let nl = buf.indexOf("\n");
    while (nl >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (line === "ready") ready = true;
      else if (line === "closed") sawClosed = true;
      else if (line) {
        const [id, ts] = line.split(" ");
        rows.push({ id, ts: Number(ts) });
      }
      nl = buf.indexOf("\n");
    }
  });
  let hasExited = false;
  const exited = new Promise<void>((resolve) =>
    child.on("exit", () => {
      hasExited = true;
      resolve();
    }),
  );
  try {
    // Startup (tsx compiling) can take many seconds on a loaded machine.
    const deadline = Date.now() + 60_000;
    while (!ready && !hasExited && Date.now() < deadline) await sleep(20);
    assert.ok(ready, "child started");
    // Run at least runMs and until enough rows were recorded (a loaded machine runs the child slowly).
    const started = Date.now();
    while (Date.now() - started < runMs || (rows.length < MIN_ROWS && Date.now() - started < 20_000)) await sleep(20);
    killedAt = Date.now();
    child.kill(signal);
    await Promise.race([exited, sleep(30_000)]);
    assert.ok(hasExited, `child exited after ${signal}`);
  } finally {
    if (!hasExited) child.kill("SIGKILL");
  }
  return { rows, killedAt, sawClosed };
}

async function storedIds(
  config: { data_dir?: string; database_url?: string },
  pgSchema?: string,
): Promise<Set<string>> {
  const ledger = await createLedger(config, { prune: false, pgSchema, env: {} });
  const ids = new Set<string>();
  await ledger.exportJsonl(0, (l) => void ids.add(JSON.parse(l).id));
  await ledger.close();
  return ids;
}

function check(run: Run, stored: Set<string>, slack: number) {
  const lastTick = Math.max(...run.rows.map((r) => r.ts));
  const old = run.rows.filter((r) => r.ts < lastTick - BATCH_MS - slack);
  const missingOld = old.filter((r) => !stored.has(r.id));
  const lost = run.rows.filter((r) => !stored.has(r.id));
  assert.ok(run.rows.length >= MIN_ROWS, `child recorded ${run.rows.length} rows`);
  assert.ok(old.length > 0);
  assert.equal(
    missingOld.length,
    0,
    `rows older than the batch window must survive kill -9 (missing ${missingOld.length})`,
  );
  return { recorded: run.rows.length, lost: lost.length, lastTickToKillMs: run.killedAt - lastTick };
}

const pgFound = await findPostgres();

describe("crash safety", () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  after(async () => {
    for (const c of cleanups) await c();
  });

  it("SQLite: kill -9 loses at most the last batch window; SIGTERM loses nothing", async (t) => {
    const dir = mkdtempSync(join(tmpdir(), "cr-crash-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const [killed, graceful] = await Promise.all([
      runChild({ CR_DATA: join(dir, "a") }, "SIGKILL", 700),
      runChild({ CR_DATA: join(dir, "b") }, "SIGTERM", 500),
    ]);
    const r = check(killed, await storedIds({ data_dir: join(dir, "a") }), SLACK_MS.sqlite);
    t.diagnostic(
      `kill -9: ${r.lost} of ${r.recorded} rows lost, all from the last ${BATCH_MS} ms (child's last tick ${r.lastTickToKillMs} ms before the kill)`,
    );

    assert.ok(graceful.sawClosed);
    const stored = await storedIds({ data_dir: join(dir, "b") });
    assert.equal(graceful.rows.filter((x) => !stored.has(x.id)).length, 0, "graceful stop loses nothing");
    assert.equal(stored.size, graceful.rows.length);
  });

  it("PostgreSQL: kill -9 loses at most the last batch window; SIGTERM loses nothing", {
    skip: pgFound.url ? false : pgFound.reason,
  }, async (t) => {
    const url = pgFound.url as string;
    const [a, b] = [testSchema(), testSchema()];
    cleanups.push(
      () => dropSchema(url, a),
      () => dropSchema(url, b),
    );
    const [killed, graceful] = await Promise.all([
      runChild({ CR_DB_URL: url, CR_SCHEMA: a }, "SIGKILL", 700),
      runChild({ CR_DB_URL: url, CR_SCHEMA: b }, "SIGTERM", 500),
    ]);
    const r = check(killed, await storedIds({ database_url: url }, a), SLACK_MS.postgres);
    t.diagnostic(
      `kill -9: ${r.lost} of ${r.recorded} rows lost, all from the last ${BATCH_MS + SLACK_MS.postgres} ms (child's last tick ${r.lastTickToKillMs} ms before the kill)`,
    );
    assert.ok(graceful.sawClosed);
    const stored = await storedIds({ database_url: url }, b);
    assert.equal(graceful.rows.filter((x) => !stored.has(x.id)).length, 0, "graceful stop loses nothing");
    assert.equal(stored.size, graceful.rows.length);
  });
});
