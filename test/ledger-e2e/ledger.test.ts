/**
 * The ledger end to end, through a real router: N requests (every inbound API, streamed and not) against the fake
 * upstream, then `coderouter stats --json` counts N and its cost total equals the sum of the costs the clients were
 * told (X-CodeRouter-Cost / the body trailer, or the `coderouter` trailer in the final stream event), on SQLite
 * and on PostgreSQL. /v1/requests/:id and /v1/sessions/:id serve the stored decisions, and a
 * `stats --export` file replays through `coderouter simulate`.
 *
 * Rounding: headers carry 6 decimals, trailers 8, the ledger the exact double; the checks allow exactly that.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import pg from "pg";
import type { LedgerRecord, LedgerStats, SessionSummary } from "../../src/ledger/types.js";
import { FakeUpstream } from "../helpers/fake-upstream.js";
import { startRouter } from "../helpers/router.js";
import { runStats } from "../ledger/helpers.js";
import { dropSchema, findPostgres, testSchema, urlWithSchema } from "../ledger/pg.js";
import { exactSum, type Sent, sendMixed } from "./traffic.js";

const N = 24;
const ROOT = join(import.meta.dirname, "..", "..");
const pgFound = await findPostgres();

/** `coderouter simulate` as a user runs it (a separate process, from source). */
function simulate(file: string, home: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "cli.ts"), "simulate", file, "--json"],
      {
        cwd: ROOT,
        env: { ...process.env, HOME: home, CODEROUTER_DATA: home, CODEROUTER_CONFIG: "", CODEROUTER_DATABASE_URL: "" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (err += c));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code: code ?? 1, out, err }));
  });
}

const getJson = async <T>(url: string): Promise<{ status: number; body: T }> => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as T };
};

/** Everything the clients were told, checked against the router's own read API while it runs. */
async function checkServedDecisions(base: string, sent: Sent[]) {
  for (const s of sent) {
    assert.equal(s.status, 200, `${s.api}${s.stream ? " stream" : ""}`);
    assert.match(s.id, /^cr_/);
    assert.ok(s.trailer, `${s.api}${s.stream ? " stream" : ""}: coderouter trailer`);
    assert.equal(s.trailer.request_id, s.id);
    if (!s.stream) assert.ok(s.headerCost !== null, "X-CodeRouter-Cost on a non-streamed response");
  }
  const stored = await Promise.all(sent.map((s) => getJson<LedgerRecord>(`${base}/v1/requests/${s.id}`)));
  stored.forEach(({ status, body: r }, i) => {
    const s = sent[i];
    assert.equal(status, 200);
    assert.equal(r.id, s.id);
    assert.equal(r.api, s.api);
    assert.equal(r.stream, s.stream);
    assert.equal(r.session_id, s.sessionId);
    assert.equal(r.phase, s.trailer?.phase);
    assert.equal(r.model, s.trailer?.model);
    assert.ok(Math.abs(r.cost_usd - (s.trailer?.cost_usd ?? Number.NaN)) <= 5e-9, "trailer cost = stored cost");
    if (s.headerCost !== null) assert.ok(Math.abs(r.cost_usd - s.headerCost) <= 5e-7, "header cost = stored cost");
    assert.ok(r.signals.length > 0, "the signals behind the phase are stored");
  });
  assert.equal((await getJson(`${base}/v1/requests/cr_nope`)).status, 404);

  for (const sid of new Set(sent.map((s) => s.sessionId))) {
    const mine = sent.filter((s) => s.sessionId === sid);
    const { status, body } = await getJson<SessionSummary>(`${base}/v1/sessions/${sid}`);
    assert.equal(status, 200);
    assert.equal(body.requests, mine.length);
    assert.ok(Math.abs(body.cost_usd - exactSum(mine.map((s) => s.trailer?.cost_usd ?? 0))) <= mine.length * 5e-9);
    assert.ok(Math.abs(body.savings_usd - (body.baseline_cost_usd - body.cost_usd)) < 1e-12);
  }
  const live = await getJson<LedgerStats>(`${base}/v1/stats?since=1h`);
  assert.equal(live.body.requests, sent.length);
  const list = await getJson<{ sessions: Array<{ session_id: string; requests: number }> }>(
    `${base}/v1/sessions?since=1h`,
  );
  assert.equal(
    list.body.sessions.reduce((a, s) => a + s.requests, 0),
    sent.length,
  );
}

async function checkCli(dbArgs: string[], sent: Sent[], dir: string) {
  const json = await runStats([...dbArgs, "--json", "--since", "1h"]);
  assert.equal(json.code, 0, json.err);
  const s = JSON.parse(json.out) as LedgerStats;
  assert.equal(s.requests, N, "stats counts every request");
  const told = exactSum(sent.map((x) => x.trailer?.cost_usd ?? Number.NaN));
  assert.ok(Math.abs(s.cost - told) <= N * 5e-9, `stats cost ${s.cost} = clients' total ${told}`);
  const plain = sent.filter((x) => !x.stream);
  const byId = new Map<string, number>();
  const file = join(dir, "export.jsonl");
  const exp = await runStats([...dbArgs, "--export", file]);
  assert.equal(exp.code, 0, exp.err);
  const lines = readFileSync(file, "utf8")
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l));
  assert.equal(lines.length, N);
  for (const l of lines) byId.set(l.id, l.cost_usd);
  assert.ok(Math.abs(exactSum([...byId.values()]) - s.cost) <= 1e-9, "export total = stats total");
  const headerTotal = exactSum(plain.map((x) => x.headerCost ?? Number.NaN));
  const storedPlain = exactSum(plain.map((x) => byId.get(x.id) ?? Number.NaN));
  assert.ok(Math.abs(headerTotal - storedPlain) <= plain.length * 5e-7, "X-CodeRouter-Cost headers add up");
  assert.equal(
    Object.values(s.per_phase).reduce((a, g) => a + g.requests, 0),
    N,
  );
  assert.ok(s.baseline_cost >= s.cost && s.savings > 0);

  const sim = await simulate(file, dir);
  assert.equal(sim.code, 0, sim.err);
  const report = JSON.parse(sim.out);
  assert.equal(report.requests, N, "simulate replays every exported request");
  assert.ok(report.cost > 0 && report.baseline_cost >= report.cost);
  const phases = Object.keys(report.per_phase);
  for (const p of phases) assert.ok(p in s.per_phase, `simulated phase ${p} is one the router saw`);
}

describe("ledger through the router", () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  after(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it(`SQLite: ${N} mixed requests → stats, read API, export, simulate`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "cr-ledger-e2e-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const up = await new FakeUpstream().start();
    cleanups.push(() => up.stop());
    const router = await startRouter(up, { data_dir: join(dir, "data") });
    let closed = false;
    cleanups.push(() => (closed ? undefined : router.close()));
    const sent = await sendMixed(router.url, N, "sqlite");
    await checkServedDecisions(router.url, sent);
    await router.close();
    closed = true;
    await checkCli(["--data", join(dir, "data")], sent, dir);
  });

  it(`PostgreSQL: ${N} mixed requests → stats, read API, export, simulate`, {
    skip: pgFound.url ? false : pgFound.reason,
  }, async () => {
    const url = pgFound.url as string;
    const schema = testSchema();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.end();
    cleanups.push(() => dropSchema(url, schema));
    const dbUrl = urlWithSchema(url, schema);
    const dir = mkdtempSync(join(tmpdir(), "cr-ledger-e2e-pg-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const up = await new FakeUpstream().start();
    cleanups.push(() => up.stop());
    const router = await startRouter(up, { database_url: dbUrl });
    let closed = false;
    cleanups.push(() => (closed ? undefined : router.close()));
    assert.equal(router.deps.config.database_url, dbUrl);
    const sent = await sendMixed(router.url, N, "pg");
    await checkServedDecisions(router.url, sent);
    await router.close();
    closed = true;
    await checkCli(["--database-url", dbUrl], sent, dir);
  });
});
