/**
 * kill -9 of a real router process under load loses at most the ledger's batch window (ledger.batch_ms);
 * SIGTERM (graceful stop: finish in-flight requests, flush) loses nothing. The parent sends requests continuously
 * through the child router, kills it, then reads the child's SQLite ledger.
 *
 * The window is measured on the child's clock (its record times and its last heartbeat): on a loaded machine the
 * child's event loop can stall, and then neither its flush timer nor anything else runs, so wall time since the
 * kill says nothing about the batching policy. SQLite commits synchronously inside the flush timer, so a row
 * recorded more than batch_ms before the child's last heartbeat is committed.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { Agent } from "undici";
import { createLedger } from "../../src/ledger/index.js";
import { FakeUpstream } from "../helpers/fake-upstream.js";
import { type Sent, send, TEXTS } from "./traffic.js";

const BATCH_MS = 100;
/** Heartbeat interval plus timer granularity. */
const SLACK_MS = 15;
/** Traffic to aim for before the signal; the run stops at 8 s regardless (a loaded machine serves slowly). */
const TARGET_ANSWERED = 24;
/** Below this the run proves nothing: fail. */
const MIN_ANSWERED = 8;
const CONCURRENCY = 6;

interface Run {
  /** Rows the child recorded: id → its record time. */
  recorded: Map<string, number>;
  /** Requests the clients got a complete answer for. */
  answered: Sent[];
  lastTick: number;
  sawClosed: boolean;
}

async function runChild(upstream: string, data: string, signal: "SIGKILL" | "SIGTERM", runMs: number): Promise<Run> {
  const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "server-child.ts")], {
    env: { ...process.env, CR_UPSTREAM: upstream, CR_DATA: data, CR_BATCH_MS: String(BATCH_MS) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const run: Run = { recorded: new Map(), answered: [], lastTick: 0, sawClosed: false };
  let url = "";
  let buf = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    buf += chunk;
    for (let nl = buf.indexOf("\n"); nl >= 0; nl = buf.indexOf("\n")) {
      const [a, b] = buf.slice(0, nl).split(" ");
      buf = buf.slice(nl + 1);
      if (a === "ready") url = b;
      else if (a === "closed") run.sawClosed = true;
      else if (a === "tick") run.lastTick = Number(b);
      else if (a) run.recorded.set(a, Number(b));
    }
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  for (let t = 0; !url && t < 750; t++) await sleep(20);
  assert.ok(url, "child router started");

  const agent = new Agent({ connections: CONCURRENCY });
  // Load: CONCURRENCY clients in a loop (every inbound API, streamed and not) until the signal.
  let stop = false;
  let i = 0;
  const clients = Array.from({ length: CONCURRENCY }, async () => {
    while (!stop) {
      const k = i++;
      const api = (["anthropic-messages", "openai-chat", "openai-responses", "gemini"] as const)[k % 4];
      try {
        const s = await send(url, {
          dispatcher: agent,
          api,
          stream: k % 3 === 0,
          text: TEXTS[k % TEXTS.length],
          sessionId: `crash-${k % 5}`,
        });
        if (s.status === 200 && s.trailer) run.answered.push(s);
      } catch {
        // connection refused / reset once the child is gone
      }
    }
  });
  const started = Date.now();
  while (Date.now() - started < runMs || (run.answered.length < TARGET_ANSWERED && Date.now() - started < 8000))
    await sleep(20);
  if (signal === "SIGKILL") {
    child.kill(signal);
    await exited;
    stop = true;
    await Promise.all(clients);
  } else {
    // Graceful stop: the requests in flight finish and are recorded, then the clients go away (send nothing new and
    // close their keep-alive connections; the server closes only idle connections at the signal, and waits out
    // its grace period for the rest).
    stop = true;
    child.kill(signal);
    await Promise.all(clients);
    await agent.close();
    await exited;
  }
  await agent.destroy();
  return run;
}

async function storedIds(data: string): Promise<Set<string>> {
  const ledger = await createLedger({ data_dir: data }, { prune: false, env: {} });
  const ids = new Set<string>();
  await ledger.exportJsonl(0, (l) => void ids.add(JSON.parse(l).id));
  await ledger.close();
  return ids;
}

describe("router crash safety (real process, under load)", () => {
  const dir = mkdtempSync(join(tmpdir(), "cr-router-crash-"));
  let up: FakeUpstream;
  after(async () => {
    await up?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("kill -9 loses at most the last batch_ms of requests; SIGTERM loses nothing", async (t) => {
    up = await new FakeUpstream().start();
    const [killed, graceful] = await Promise.all([
      runChild(up.baseUrl, join(dir, "kill"), "SIGKILL", 1000),
      runChild(up.baseUrl, join(dir, "term"), "SIGTERM", 800),
    ]);

    // kill -9: every request recorded before the window is stored; what is lost is inside the window.
    const stored = await storedIds(join(dir, "kill"));
    assert.ok(killed.answered.length >= MIN_ANSWERED, `clients got ${killed.answered.length} answers`);
    for (const s of killed.answered) assert.ok(killed.recorded.has(s.id), "every answered request was recorded");
    const cutoff = killed.lastTick - BATCH_MS - SLACK_MS;
    const rows = [...killed.recorded];
    const old = rows.filter(([, ts]) => ts < cutoff);
    const lost = rows.filter(([id]) => !stored.has(id));
    assert.ok(old.length >= MIN_ANSWERED / 2, `${old.length} rows older than the window`);
    assert.deepEqual(
      old.filter(([id]) => !stored.has(id)).map(([id]) => id),
      [],
      "rows recorded more than batch_ms before the kill survive",
    );
    for (const id of stored) assert.ok(killed.recorded.has(id), "the ledger holds only rows the router recorded");
    t.diagnostic(
      `kill -9: ${lost.length} of ${rows.length} recorded rows lost, all within the last ${BATCH_MS} ms (windows measured from the child's last heartbeat, ${killed.lastTick - Math.max(...rows.map(([, ts]) => ts))} ms from its last record)`,
    );

    // SIGTERM: in-flight requests finish, the ledger is flushed, nothing is lost.
    assert.ok(graceful.sawClosed, "graceful stop completed");
    const kept = await storedIds(join(dir, "term"));
    assert.ok(graceful.answered.length >= MIN_ANSWERED, `clients got ${graceful.answered.length} answers`);
    assert.deepEqual(
      graceful.answered.filter((s) => !kept.has(s.id)).map((s) => s.id),
      [],
      "every answered request is in the ledger",
    );
    assert.deepEqual(
      [...graceful.recorded.keys()].filter((id) => !kept.has(id)),
      [],
      "every recorded request is in the ledger",
    );
    t.diagnostic(`SIGTERM: ${kept.size} rows stored, ${graceful.answered.length} answered, 0 lost`);
  });
});
