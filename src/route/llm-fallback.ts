/**
 * Layer 4: when the local classifier is unsure, ask a cheap model for one phase word. Strict timeout, LRU cache by
 * request hash, fail open (null) on timeout, error or an answer that is not a phase. `callModel` is injected: the
 * server supplies one that goes through the provider layer.
 */
import { createHash } from "node:crypto";
import { type ClassifyInput, type LlmFallback, PHASES, type Phase } from "../classify/types.js";

export interface CallModelArgs {
  model: string;
  system: string;
  prompt: string;
  maxTokens: number;
  signal: AbortSignal;
}

export type CallModel = (args: CallModelArgs) => Promise<string>;

export interface LlmFallbackCache {
  get(key: string): Phase | null | undefined;
  set(key: string, value: Phase | null): void;
}

/** Small LRU (Map insertion order). */
export function lruCache(max = 1000): LlmFallbackCache {
  const m = new Map<string, Phase | null>();
  return {
    get(k) {
      const v = m.get(k);
      if (v !== undefined) {
        m.delete(k);
        m.set(k, v);
      }
      return v;
    },
    set(k, v) {
      m.delete(k);
      m.set(k, v);
      if (m.size > max) m.delete(m.keys().next().value as string);
    },
  };
}

export const FALLBACK_SYSTEM =
  "You label one request from an AI coding agent with its phase. Answer with exactly one word from: plan, implement, debug, test, refactor, document, small_edit.";

const MAX_PROMPT_CHARS = 4000;

/** The last user text of the request, in any of the four APIs (the part that says what the user wants now). */
export function lastUserText(input: ClassifyInput): string {
  const b = input.body ?? {};
  const pick = (v: unknown): string => {
    if (typeof v === "string") return v;
    if (Array.isArray(v)) return v.map(pick).filter(Boolean).join("\n");
    if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (typeof o.text === "string" && o.type !== "tool_result") return o.text;
      if (o.content !== undefined && o.type !== "tool_result") return pick(o.content);
      if (o.parts !== undefined) return pick(o.parts);
    }
    return "";
  };
  const list: any[] =
    b.messages ??
    (Array.isArray(b.input) ? b.input : b.input ? [{ role: "user", content: b.input }] : (b.contents ?? []));
  for (let i = list.length - 1; i >= 0; i--) {
    const m = list[i];
    if (m?.role === "user" || (input.api === "gemini" && (m?.role === "user" || !m?.role))) {
      const t = pick(m.content ?? m.parts).trim();
      if (t) return t;
    }
  }
  return "";
}

export function parsePhase(answer: string): Phase | null {
  const w = answer
    .trim()
    .toLowerCase()
    .replace(/[^a-z_ ]/g, " ")
    .trim()
    .split(/\s+/)[0]
    ?.replace(/^small$/, "small_edit");
  return (PHASES as readonly string[]).includes(w ?? "") ? (w as Phase) : null;
}

export function createLlmFallback(opts: {
  callModel: CallModel;
  model: string;
  timeoutMs?: number;
  cache?: LlmFallbackCache;
}): LlmFallback {
  const timeoutMs = opts.timeoutMs ?? 300;
  const cache = opts.cache ?? lruCache();
  return async (input, local) => {
    const text = lastUserText(input).slice(-MAX_PROMPT_CHARS);
    if (!text) return null;
    const key = createHash("sha256").update(opts.model).update("\u0000").update(text).digest("hex");
    const hit = cache.get(key);
    if (hit !== undefined) return hit ? { phase: hit } : null;
    const prompt = `Agent: ${local.agent}${local.mode ? ` (mode ${local.mode})` : ""}\nRequest:\n${text}\n\nPhase:`;
    try {
      const answer = await opts.callModel({
        model: opts.model,
        system: FALLBACK_SYSTEM,
        prompt,
        maxTokens: 5,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const phase = parsePhase(answer);
      cache.set(key, phase);
      return phase ? { phase } : null;
    } catch {
      return null; // timeout or upstream error: fail open to the local answer (not cached, may succeed next time)
    }
  };
}
