/**
 * Sessions and prompt caches. A session id ties an agent's requests together; the store remembers which model the
 * session is on and what its last call read from / wrote to the cache, so the router can tell what a switch would
 * re-bill. The store is async so a Redis implementation can replace the in-memory LRU.
 */
import { createHash } from "node:crypto";
import type { ApiKind, IRUsage } from "../ir/types.js";

export interface SessionState {
  model: string;
  lastUsage?: IRUsage;
  updatedAt: number;
  /** Requests seen on this session. */
  requests?: number;
}

export interface SessionStore {
  get(id: string): Promise<SessionState | undefined>;
  set(id: string, state: SessionState): Promise<void>;
}

/** In-process LRU with idle expiry (Map keeps insertion order: re-insert on touch, evict the oldest). */
export class MemorySessionStore implements SessionStore {
  readonly #map = new Map<string, SessionState>();
  readonly #max: number;
  readonly #ttlMs: number;
  constructor(opts: { max?: number; ttlMs?: number } = {}) {
    this.#max = opts.max ?? 10_000;
    this.#ttlMs = opts.ttlMs ?? 60 * 60_000;
  }
  async get(id: string): Promise<SessionState | undefined> {
    const s = this.#map.get(id);
    if (!s) return undefined;
    if (Date.now() - s.updatedAt > this.#ttlMs) {
      this.#map.delete(id);
      return undefined;
    }
    this.#map.delete(id);
    this.#map.set(id, s);
    return s;
  }
  async set(id: string, state: SessionState): Promise<void> {
    this.#map.delete(id);
    this.#map.set(id, state);
    while (this.#map.size > this.#max) this.#map.delete(this.#map.keys().next().value as string);
  }
  get size(): number {
    return this.#map.size;
  }
}

type Headers = Record<string, string | string[] | undefined>;

function header(h: Headers, name: string): string | undefined {
  const v = h[name] ?? h[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v || undefined;
}

function textOf(v: unknown): string {
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.map(textOf).join("\n");
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.text === "string") return o.text;
    if (o.content !== undefined) return textOf(o.content);
    if (o.parts !== undefined) return textOf(o.parts);
  }
  return "";
}

/** System prompt and first user message, per API, for the fallback hash. */
function promptHead(api: ApiKind, body: any): [string, string] {
  if (!body || typeof body !== "object") return ["", ""];
  if (api === "anthropic-messages") {
    const sys = textOf(body.system);
    const first = (body.messages ?? []).find((m: any) => m?.role === "user");
    return [sys, textOf(first?.content)];
  }
  if (api === "openai-chat") {
    const msgs: any[] = body.messages ?? [];
    return [
      msgs
        .filter((m) => m?.role === "system" || m?.role === "developer")
        .map((m) => textOf(m.content))
        .join("\n"),
      textOf(msgs.find((m) => m?.role === "user")?.content),
    ];
  }
  if (api === "openai-responses") {
    const input = typeof body.input === "string" ? [{ role: "user", content: body.input }] : (body.input ?? []);
    const dev = input
      .filter((m: any) => m?.role === "system" || m?.role === "developer")
      .map((m: any) => textOf(m.content));
    return [
      [textOf(body.instructions), ...dev].join("\n"),
      textOf(input.find((m: any) => m?.role === "user")?.content),
    ];
  }
  const contents: any[] = body.contents ?? [];
  return [
    textOf(body.systemInstruction ?? body.system_instruction),
    textOf(contents.find((c) => c?.role === "user" || !c?.role)),
  ];
}

const HEAD = 2000;

/**
 * The session a request belongs to: Claude Code's session header or `metadata.user_id` JSON, Codex `session-id` /
 * `thread-id`, opencode/kilo `x-session-id`, `prompt_cache_key`, else a hash of the system prompt head and the
 * first user message (stable across the turns of one conversation).
 */
export function sessionIdFor(api: ApiKind, headers: Headers, body: any): string {
  const h =
    header(headers, "x-claude-code-session-id") ??
    header(headers, "session-id") ??
    header(headers, "thread-id") ??
    header(headers, "x-session-id") ??
    header(headers, "x-session-affinity");
  if (h) return h;
  const uid = body?.metadata?.user_id;
  if (typeof uid === "string") {
    if (uid.startsWith("{")) {
      try {
        const sid = JSON.parse(uid)?.session_id;
        if (typeof sid === "string" && sid) return sid;
      } catch {
        /* not JSON */
      }
    }
    const m = /session_([0-9a-f-]{36})/i.exec(uid);
    if (m) return m[1];
  }
  if (typeof body?.prompt_cache_key === "string" && body.prompt_cache_key) return body.prompt_cache_key;
  const [sys, user] = promptHead(api, body);
  return `h:${createHash("sha256").update(sys.slice(0, HEAD)).update("\u0000").update(user.slice(0, HEAD)).digest("hex").slice(0, 24)}`;
}

export interface SwitchEconomics {
  /** Cached prefix the previous call read/wrote (tokens), capped at this prompt. */
  prefixTokens: number;
  /** USD the first request on the new model pays extra to re-bill that prefix uncached. */
  switchCostUsd: number;
  /** USD this request saves on the new tail and the output. */
  nowSavingUsd: number;
  /** USD each later request saves once both models would be warm (whole prompt cached). */
  perRequestSavingUsd: number;
  horizon: number;
  expectedSavingUsd: number;
  switch: boolean;
}

export interface SwitchRates {
  input: number;
  output: number;
  cacheRead: number;
}

/**
 * Switch only when the expected saving beats re-billing the cached prefix:
 *   switchCost = prefix × (new uncached input price − old cache-read price)
 *   expected   = tail × (old − new input) + out × (old − new output)            (this request)
 *              + horizon × [prompt × (old − new cache read) + out × (old − new output)]   (later, both warm)
 * `horizon` is the assumed number of further requests before the phase (and so the choice) changes again.
 */
export function switchEconomics(args: {
  lastUsage: IRUsage | undefined;
  prompt: number;
  output: number;
  oldRates: SwitchRates;
  newRates: SwitchRates;
  horizon: number;
}): SwitchEconomics {
  const u = args.lastUsage;
  const { oldRates: o, newRates: n, prompt, output } = args;
  const prefix = Math.min(prompt, u ? u.cacheReadTokens + u.cacheWriteTokens + u.cacheWrite1hTokens : 0);
  const tail = prompt - prefix;
  const switchCost = Math.max(0, (prefix * (n.input - o.cacheRead)) / 1e6);
  const now = (tail * (o.input - n.input) + output * (o.output - n.output)) / 1e6;
  const later = (prompt * (o.cacheRead - n.cacheRead) + output * (o.output - n.output)) / 1e6;
  const expected = now + args.horizon * later;
  return {
    prefixTokens: prefix,
    switchCostUsd: switchCost,
    nowSavingUsd: now,
    perRequestSavingUsd: later,
    horizon: args.horizon,
    expectedSavingUsd: expected,
    switch: expected > switchCost,
  };
}
