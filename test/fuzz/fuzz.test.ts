/**
 * Property-based fuzzing with fast-check: thousands of malformed and mutated real client request bodies (each
 * inbound API) thrown at a running router in front of the fake upstream. Properties: no crash (every request
 * gets an HTTP answer and the server stays up), no 5xx, every error in the caller's API shape, and exactly one
 * ledger row per request (checked in the SQLite ledger after the graceful stop flushed it).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import Database from "better-sqlite3";
import fc from "fast-check";
import type { ApiKind } from "../../src/ir/types.js";
import type { RunningServer } from "../../src/server/index.js";
import { FakeUpstream } from "../helpers/fake-upstream.js";
import { startRouter } from "../helpers/router.js";
import { assertErrorShape } from "../scale/requests.js";
import { loadSeeds } from "./corpus.js";

const TIME_LIMIT_MS = Number(process.env.CODEROUTER_FUZZ_MS ?? 30_000);
/** Requests in flight per property run. */
const BATCH = 8;
/** A mutated 40 KB agent request takes 15–50 ms end to end on a busy 2-core machine: fewer inputs than this is a failure. */
const MIN_INPUTS = Number(process.env.CODEROUTER_FUZZ_MIN ?? 300);
const seeds = loadSeeds();

type Path = Array<string | number>;

/** Every path to a value inside `v` (capped), so a mutation can pick any node. */
function paths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (out.length > 4000) return out;
  out.push(at);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) paths(v[i], [...at, i], out);
  } else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

function parentOf(root: any, p: Path): [any, string | number] | null {
  if (p.length === 0) return null;
  let cur = root;
  for (const k of p.slice(0, -1)) cur = cur?.[k];
  return cur && typeof cur === "object" ? [cur, p[p.length - 1]] : null;
}

type Mutation =
  | { kind: "delete"; pick: number }
  | { kind: "replace"; pick: number; value: unknown }
  | { kind: "retype"; pick: number }
  | { kind: "push"; pick: number; value: unknown }
  | { kind: "model"; name: string }
  | { kind: "truncate"; at: number }
  | { kind: "bytes"; bytes: Uint8Array }
  | { kind: "contentType"; ct: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("replace" as const),
      pick: fc.nat(),
      value: fc.jsonValue({ maxDepth: 2 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("retype" as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("push" as const), pick: fc.nat(), value: fc.jsonValue({ maxDepth: 3 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("model" as const), name: fc.string({ maxLength: 40 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("truncate" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("bytes" as const), bytes: fc.uint8Array({ maxLength: 300 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("contentType" as const),
      ct: fc.constantFrom(
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/json; charset=utf-8",
        "application/vnd.api+json",
      ),
    }),
  },
);

const RETYPE = (v: unknown): unknown =>
  typeof v === "string"
    ? 12345
    : typeof v === "number"
      ? String(v)
      : Array.isArray(v)
        ? { 0: v[0] }
        : v && typeof v === "object"
          ? [v]
          : v === null
            ? {}
            : "true";

/** Applies the mutations to a clone of the seed body: the request body bytes and its content-type. */
function mutate(body: Record<string, unknown>, muts: Mutation[]): { raw: Buffer; ct: string } {
  const root: any = structuredClone(body);
  let ct = "application/json";
  let raw: Buffer | undefined;
  for (const m of muts) {
    if (m.kind === "contentType") ct = m.ct;
    else if (m.kind === "model") root.model = m.name;
    else if (m.kind === "truncate") {
      const s = JSON.stringify(root);
      raw = Buffer.from(s.slice(0, Math.floor(s.length * m.at)));
    } else if (m.kind === "bytes") raw = Buffer.from(m.bytes);
    else {
      const all = paths(root);
      const p = all[m.pick % all.length];
      const ref = parentOf(root, p);
      if (!ref) continue;
      const [obj, key] = ref;
      if (m.kind === "delete") Array.isArray(obj) ? obj.splice(Number(key), 1) : delete obj[key];
      else if (m.kind === "replace") obj[key] = m.value;
      else if (m.kind === "retype") obj[key] = RETYPE(obj[key]);
      else if (m.kind === "push") {
        const target = obj[key];
        if (Array.isArray(target)) target.push(m.value);
        else obj[key] = [target, m.value];
      }
    }
  }
  return { raw: raw ?? Buffer.from(JSON.stringify(root)), ct };
}

describe("fuzz: mutated real client requests", () => {
  let up: FakeUpstream;
  let srv: RunningServer;
  before(async () => {
    up = await new FakeUpstream().start();
    srv = await startRouter(up, { limits: { max_body_bytes: 2 * 1024 * 1024 } });
  });
  after(async () => {
    await srv.close(2000);
    await up.stop();
  });

  test("no crash, no 5xx, errors in the caller's shape, one ledger row per request", async () => {
    assert.ok(seeds.length > 50, `seeds: ${seeds.length}`);
    const ids: string[] = [];
    const statuses = new Map<number, number>();
    let crashes = 0;
    const byApi = new Map<ApiKind, number>();

    const one = async (i: number, muts: Mutation[]) => {
      const seed = seeds[i];
      const { raw, ct } = mutate(seed.body, muts);
      let res: Response;
      try {
        res = await fetch(srv.url + seed.path, { method: "POST", headers: { "content-type": ct }, body: raw });
      } catch (e) {
        crashes++;
        throw new Error(`no answer (crash?): ${(e as Error).message}`);
      }
      const text = await res.text();
      const id = res.headers.get("x-coderouter-request-id");
      if (id) ids.push(id);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      byApi.set(seed.api, (byApi.get(seed.api) ?? 0) + 1);
      assert.ok(id, "every proxied request has a request id");
      assert.ok(res.status < 500, `${res.status} for ${JSON.stringify(muts).slice(0, 300)}: ${text.slice(0, 300)}`);
      if (res.status >= 400) assertErrorShape(seed.api, res.status, text);
    };
    // each run sends a small batch at once, so requests overlap as they do behind a real agent fleet
    const input = fc.tuple(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }));
    const inFlight = new Set<Promise<unknown>>();
    const prop = fc.asyncProperty(fc.array(input, { minLength: 1, maxLength: BATCH }), async (batch) => {
      const p = Promise.all(batch.map(([i, muts]) => one(i, muts)));
      inFlight.add(p);
      p.finally(() => inFlight.delete(p)).catch(() => {});
      await p;
    });
    const out = await fc.check(prop, {
      numRuns: Number(process.env.CODEROUTER_FUZZ_RUNS ?? 500),
      interruptAfterTimeLimit: TIME_LIMIT_MS,
      markInterruptAsFailure: false,
      seed: Number(process.env.CODEROUTER_FUZZ_SEED ?? Date.now() % 2 ** 31),
    });
    // the time limit can interrupt a batch mid-way: let it finish before counting
    await Promise.allSettled([...inFlight]);
    assert.ok(!out.failed, fc.defaultReportMessage(out) ?? "property failed");
    const tried = ids.length;
    assert.ok(tried >= MIN_INPUTS, `only ${tried} inputs in ${TIME_LIMIT_MS} ms`);

    // still up
    assert.equal((await fetch(`${srv.url}/healthz`)).status, 200);
    // graceful stop flushes the ledger; then count rows
    await srv.close(2000);
    const db = new Database(join(srv.deps.config.data_dir, "ledger.db"), { readonly: true });
    const rows = db.prepare("SELECT id FROM requests").all() as Array<{ id: string }>;
    db.close();
    const rowIds = new Set(rows.map((r) => r.id));
    assert.equal(rowIds.size, rows.length, "no duplicate rows");
    const lost = ids.filter((id) => !rowIds.has(id)).length;
    assert.equal(lost, 0, "no lost rows");
    assert.equal(rows.length, tried, "exactly one row per request");
    const summary = {
      inputs: tried,
      crashes,
      lost_rows: lost,
      statuses: Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])),
      per_api: Object.fromEntries(byApi),
      seed: out.seed,
    };
    console.log(`fuzz: ${JSON.stringify(summary)}`);
  });
});
