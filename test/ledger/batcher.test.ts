import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { Batcher } from "../../src/ledger/batcher.js";

function capturingLogger() {
  const lines: Array<{ level: string; msg: string; obj: object }> = [];
  return {
    lines,
    warn: (obj: object, msg: string) => lines.push({ level: "warn", msg, obj }),
    error: (obj: object, msg: string) => lines.push({ level: "error", msg, obj }),
  };
}

describe("Batcher", () => {
  it("writes a full batch as soon as batchSize items are queued, without waiting for the timer", async () => {
    const writes: number[][] = [];
    const b = new Batcher<number>({ write: async (xs) => void writes.push(xs), batchMs: 60_000, batchSize: 10 });
    for (let i = 0; i < 25; i++) b.push(i);
    await sleep(5);
    assert.deepEqual(
      writes.map((w) => w.length),
      [10, 10, 5],
    );
    assert.deepEqual(
      writes.flat(),
      Array.from({ length: 25 }, (_, i) => i),
    );
    assert.equal(b.size, 0);
    await b.close();
  });

  it("writes a partial batch after batchMs", async () => {
    const writes: number[][] = [];
    const b = new Batcher<number>({ write: async (xs) => void writes.push(xs), batchMs: 20, batchSize: 100 });
    b.push(1);
    b.push(2);
    assert.equal(writes.length, 0, "push never writes synchronously");
    await sleep(60);
    assert.deepEqual(writes, [[1, 2]]);
    await b.close();
  });

  it("keeps rows of a failed write, retries with backoff, writes each row exactly once in order", async () => {
    const written: number[] = [];
    let failures = 3;
    const log = capturingLogger();
    const b = new Batcher<number>({
      write: async (xs) => {
        if (failures-- > 0) throw new Error("database is locked");
        written.push(...xs);
      },
      batchMs: 5,
      batchSize: 4,
      logger: log,
    });
    for (let i = 0; i < 10; i++) b.push(i);
    await sleep(20);
    assert.ok(b.size > 0, "rows are still queued while the store fails");
    for (let i = 10; i < 12; i++) b.push(i);
    // 3 failures: backoff 5·2, 5·4, 5·8 ms (±50%) then success.
    for (let t = 0; t < 100 && b.size > 0; t++) await sleep(10);
    assert.deepEqual(
      written,
      Array.from({ length: 12 }, (_, i) => i),
    );
    assert.equal(b.dropped, 0);
    assert.ok(log.lines.filter((l) => l.msg.includes("write failed")).length >= 3);
    assert.ok(log.lines.some((l) => l.msg.includes("recovered")));
    await b.close();
  });

  it("flush() rejects when the write fails and the rows stay queued", async () => {
    let fail = true;
    const written: number[] = [];
    const b = new Batcher<number>({
      write: async (xs) => {
        if (fail) throw new Error("down");
        written.push(...xs);
      },
      batchMs: 60_000,
    });
    b.push(1);
    await assert.rejects(b.flush(), /down/);
    assert.equal(b.size, 1);
    assert.deepEqual(b.pendingItems(), [1]);
    fail = false;
    await b.flush();
    assert.deepEqual(written, [1]);
    await b.close();
  });

  it("close() writes everything that was queued", async () => {
    const written: number[] = [];
    const b = new Batcher<number>({ write: async (xs) => void written.push(...xs), batchMs: 60_000, batchSize: 7 });
    for (let i = 0; i < 1000; i++) b.push(i);
    await b.close();
    assert.equal(written.length, 1000);
    assert.equal(b.size, 0);
  });

  it("over the queue cap, drops the oldest rows and says so", async () => {
    const log = capturingLogger();
    const b = new Batcher<number>({
      write: async () => {
        throw new Error("down");
      },
      batchMs: 60_000,
      batchSize: 10,
      maxQueue: 50,
      closeTimeoutMs: 20,
      logger: log,
    });
    await b.flush().catch(() => {});
    for (let i = 0; i < 80; i++) b.push(i);
    assert.equal(b.size, 50);
    assert.equal(b.dropped, 30);
    assert.deepEqual(b.pendingItems().slice(0, 2), [30, 31], "the oldest rows went first");
    assert.ok(log.lines.some((l) => l.level === "error" && l.msg.includes("queue full")));
    await b.close();
    assert.ok(
      log.lines.some((l) => l.level === "error" && l.msg.includes("lost")),
      "giving up at shutdown is logged",
    );
  });

  it("record after close is refused loudly", async () => {
    const log = capturingLogger();
    const b = new Batcher<number>({ write: async () => {}, logger: log });
    await b.close();
    b.push(1);
    assert.equal(b.dropped, 1);
    assert.ok(log.lines.some((l) => l.level === "error" && l.msg.includes("after close")));
  });
});
