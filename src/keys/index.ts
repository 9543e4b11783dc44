/**
 * Router keys (virtual keys): who may use this router and how much. Keys are held only as SHA-256 digests
 * (the ledger's `key_id` is a prefix of the same digest); the plaintext from the config is dropped after startup.
 * A client presents its key the way its API carries one: `x-api-key`, `Authorization: Bearer`, `x-goog-api-key`
 * or `?key=`. Budgets and rate limits are checked through a LimitStore (in process or Redis).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { RouterKeyConfig } from "../config/types.js";
import { RouterError } from "../errors/index.js";
import type { ApiKind } from "../ir/types.js";
import type { KeyLimits, LimitStore } from "../scale/types.js";

/** What a request spent, as far as budgets and token limits are concerned. */
export interface SpendRecord {
  key_id: string | null;
  cost_usd: number;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens?: number;
  cache_write_tokens?: number;
}

export interface KeyEntry {
  /** Ledger key id (16 hex chars of the digest). */
  id: string;
  name?: string;
  limits: KeyLimits;
}

const digest = (key: string) => createHash("sha256").update(key).digest();

export interface Keyring {
  /** The caller's key id, or a 401 RouterError. */
  authorize(api: ApiKind, headers: IncomingHttpHeaders, url: URL): Promise<string>;
  /** Budgets and rate limits before the upstream call: a 429 RouterError with Retry-After when refused. */
  admit(keyId: string | null): Promise<void>;
  /** A finished request's spend and tokens. */
  settle(rec: SpendRecord): void;
  entries: KeyEntry[];
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Every key-shaped credential the request carries (any carrier: clients of one API sometimes use another's header). */
export function presentedKeys(headers: IncomingHttpHeaders, url: URL): string[] {
  const out: string[] = [];
  const auth = one(headers.authorization);
  if (auth && /^bearer\s+/i.test(auth)) out.push(auth.replace(/^bearer\s+/i, "").trim());
  for (const v of [one(headers["x-api-key"]), one(headers["x-goog-api-key"]), url.searchParams.get("key") ?? undefined])
    if (v) out.push(v.trim());
  return out.filter((k) => k.length > 0);
}

export function createKeyring(
  keys: RouterKeyConfig[],
  limits: LimitStore,
  onError: (err: unknown) => void = () => {},
  /** Spend already recorded for a key in the current day / month (the ledger), read once per key per process. */
  spentSoFar?: (keyId: string) => Promise<{ day: number; month: number }>,
): Keyring {
  const byDigest = new Map<string, { digest: Buffer; entry: KeyEntry }>();
  for (const k of keys) {
    const d = digest(k.key);
    const entry: KeyEntry = {
      id: d.toString("hex").slice(0, 16),
      name: k.name,
      limits: {
        budget_usd_per_day: k.budget_usd_per_day,
        budget_usd_per_month: k.budget_usd_per_month,
        rpm: k.rpm,
        tpm: k.tpm,
      },
    };
    byDigest.set(d.toString("hex"), { digest: d, entry });
  }
  const byId = new Map([...byDigest.values()].map((v) => [v.entry.id, v.entry]));
  const seeded = new Map<string, Promise<void>>();
  const seed = (id: string): Promise<void> | undefined => {
    if (!limits.seed || !spentSoFar) return undefined;
    let p = seeded.get(id);
    if (!p) {
      p = spentSoFar(id).then(
        (s) => limits.seed!(id, s),
        (err) => onError(err),
      );
      seeded.set(id, p);
    }
    return p;
  };
  const hasLimits = (l: KeyLimits) => Object.values(l).some((v) => typeof v === "number" && v >= 0);

  function lookup(key: string): KeyEntry | undefined {
    const d = digest(key);
    const hit = byDigest.get(d.toString("hex"));
    return hit && timingSafeEqual(hit.digest, d) ? hit.entry : undefined;
  }

  return {
    entries: [...byId.values()],
    async authorize(_api, headers, url) {
      const presented = presentedKeys(headers, url);
      if (presented.length === 0)
        throw new RouterError(
          "authentication",
          "Missing router key: this CodeRouter requires one of its keys (x-api-key, Authorization: Bearer, x-goog-api-key or ?key=)",
          { code: "CR_ROUTER_KEY_MISSING", retryable: false },
        );
      for (const k of presented) {
        const e = lookup(k);
        if (e) return e.id;
      }
      throw new RouterError(
        "authentication",
        "Invalid router key: the key presented is not one of this CodeRouter's keys",
        {
          code: "CR_ROUTER_KEY_INVALID",
          retryable: false,
        },
      );
    },
    async admit(keyId) {
      const e = keyId ? byId.get(keyId) : undefined;
      if (!e || !hasLimits(e.limits)) return;
      await seed(e.id);
      const v = await limits.admit(e.id, e.limits);
      if (v.ok) return;
      const budget = v.reason === "budget_day" || v.reason === "budget_month";
      const what =
        v.reason === "budget_day"
          ? `daily budget of $${e.limits.budget_usd_per_day}`
          : v.reason === "budget_month"
            ? `monthly budget of $${e.limits.budget_usd_per_month}`
            : v.reason === "rpm"
              ? `rate limit of ${e.limits.rpm} requests per minute`
              : `rate limit of ${e.limits.tpm} tokens per minute`;
      throw new RouterError(
        budget ? "budget_exceeded" : "rate_limit",
        `Router key ${e.name ?? e.id} has used its ${what}; retry in ${v.retryAfter} s`,
        {
          code: budget ? "CR_BUDGET_EXCEEDED" : "CR_RATE_LIMITED",
          retryAfter: v.retryAfter,
          retryable: false,
        },
      );
    },
    settle(rec) {
      if (!rec.key_id) return;
      const e = byId.get(rec.key_id);
      if (!e || !hasLimits(e.limits)) return;
      const tokens =
        (rec.input_tokens || 0) +
        (rec.output_tokens || 0) +
        (rec.cache_read_tokens || 0) +
        (rec.cache_write_tokens || 0);
      if (!(rec.cost_usd > 0) && !(tokens > 0)) return;
      limits.add(e.id, rec.cost_usd || 0, tokens).catch(onError);
    },
  };
}
