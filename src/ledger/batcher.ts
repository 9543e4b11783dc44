/**
 * Batched writer: push() is synchronous and O(1); rows are written every `batchMs` or as soon as `batchSize`
 * are queued, on an unref'd timer so it never holds the process open or runs on the response path.
 *
 * Durability: a row is durable once its batch commits, i.e. at most `batchMs` (+ one write) after push().
 * A kill -9 loses at most that window; close() (graceful stop) writes everything that was queued.
 *
 * Failures: a failed batch goes back to the front of the queue and is retried with exponential backoff
 * (batchMs·2^n, capped); nothing is dropped silently. Only when the queue exceeds `maxQueue` are the oldest rows
 * dropped, with an error log giving the count.
 */

export interface BatcherLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface BatcherOptions<T> {
  write: (items: T[]) => Promise<void>;
  /** Flush interval (default 200 ms): the kill -9 loss window. */
  batchMs?: number;
  /** Flush as soon as this many items are queued (default 256); also the size of one write. */
  batchSize?: number;
  /** Queue cap while the store is failing (default 100 000). */
  maxQueue?: number;
  /** Backoff cap (default 30 s). */
  maxBackoffMs?: number;
  /** How long close() keeps retrying a failing store before giving up (default 10 s). */
  closeTimeoutMs?: number;
  logger?: BatcherLogger;
}

const noopLogger: BatcherLogger = { warn() {}, error() {} };

export class Batcher<T> {
  private queue: T[] = [];
  private inflight: T[] = [];
  private timer: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private failures = 0;
  private closed = false;
  /** Rows dropped because the queue overflowed or arrived after close (always logged). */
  dropped = 0;
  /** Rows written successfully. */
  written = 0;

  private readonly write: (items: T[]) => Promise<void>;
  private readonly batchMs: number;
  private readonly batchSize: number;
  private readonly maxQueue: number;
  private readonly maxBackoffMs: number;
  private readonly closeTimeoutMs: number;
  private readonly log: BatcherLogger;

  constructor(opts: BatcherOptions<T>) {
    this.write = opts.write;
    this.batchMs = Math.max(1, opts.batchMs ?? 200);
    this.batchSize = Math.max(1, opts.batchSize ?? 256);
    this.maxQueue = Math.max(this.batchSize, opts.maxQueue ?? 100_000);
    this.maxBackoffMs = opts.maxBackoffMs ?? 30_000;
    this.closeTimeoutMs = opts.closeTimeoutMs ?? 10_000;
    this.log = opts.logger ?? noopLogger;
  }

  /** Items queued or being written. */
  get size(): number {
    return this.queue.length + this.inflight.length;
  }

  /** Snapshot of items not yet committed (queued and in flight). */
  pendingItems(): T[] {
    return this.inflight.length ? [...this.inflight, ...this.queue] : this.queue.slice();
  }

  push(item: T): void {
    if (this.closed) {
      this.dropped++;
      this.log.error({ dropped: 1 }, "ledger: record() after close; row not stored");
      return;
    }
    if (this.queue.length >= this.maxQueue) {
      const n = this.queue.length - this.maxQueue + 1;
      this.queue.splice(0, n);
      this.dropped += n;
      if (this.dropped === n || this.dropped % 1000 < n)
        this.log.error(
          { dropped: this.dropped, maxQueue: this.maxQueue },
          "ledger: queue full while the store fails; oldest rows dropped",
        );
    }
    this.queue.push(item);
    if (this.retryTimer) return; // backing off: the retry will write it
    if (this.queue.length >= this.batchSize) {
      if (!this.immediate) {
        this.immediate = setImmediate(() => {
          this.immediate = null;
          this.flush().catch(() => {});
        });
        this.immediate.unref();
      }
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush().catch(() => {});
      }, this.batchMs);
      this.timer.unref();
    }
  }

  /** Writes everything queued (including rows pushed while writing). Rejects if a write fails (rows stay queued). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (!this.running) {
      this.running = this.drain().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.batchSize);
      this.inflight = batch;
      try {
        await this.write(batch);
        this.written += batch.length;
        if (this.failures > 0) this.log.warn({ failures: this.failures }, "ledger: store recovered");
        this.failures = 0;
        if (this.retryTimer) {
          clearTimeout(this.retryTimer);
          this.retryTimer = null;
        }
      } catch (err) {
        this.queue = batch.concat(this.queue);
        this.failures++;
        this.scheduleRetry(err);
        throw err;
      } finally {
        this.inflight = [];
      }
    }
  }

  private backoffMs(): number {
    const base = Math.min(this.maxBackoffMs, this.batchMs * 2 ** Math.min(this.failures, 20));
    return Math.round(base / 2 + (Math.random() * base) / 2);
  }

  private scheduleRetry(err: unknown): void {
    const delay = this.backoffMs();
    this.log.warn(
      { err: errMessage(err), queued: this.queue.length, failures: this.failures, retryInMs: delay },
      "ledger: write failed; rows kept, will retry",
    );
    if (this.retryTimer || this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.flush().catch(() => {});
    }, delay);
    this.retryTimer.unref();
  }

  /** Stops accepting rows and writes everything queued; retries a failing store for up to closeTimeoutMs. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of [this.timer, this.retryTimer]) if (t) clearTimeout(t);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = this.retryTimer = null;
    this.immediate = null;
    const deadline = Date.now() + this.closeTimeoutMs;
    for (;;) {
      try {
        await this.flush();
        return;
      } catch (err) {
        if (Date.now() >= deadline) {
          this.dropped += this.queue.length;
          this.log.error(
            { lost: this.queue.length, err: errMessage(err) },
            "ledger: store still failing at shutdown; queued rows lost",
          );
          this.queue = [];
          return;
        }
        await new Promise((r) => setTimeout(r, Math.min(this.backoffMs(), Math.max(1, deadline - Date.now()))));
      }
    }
  }
}

function errMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
