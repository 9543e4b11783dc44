/**
 * Length-limited identifier fields. Providers reject over-long ids with a 400 (OpenAI: `safety_identifier`,
 * `prompt_cache_key` and Responses `call_id` ≤ 64 chars, Chat `tool_calls[].id` ≤ 40), and clients send whatever
 * they like (Claude Code's `metadata.user_id` is a ~150-char JSON string). An id that does not fit becomes a
 * stable hash of itself: the same input always maps to the same output, so a call and its result still match and
 * a user keeps one identifier across requests.
 */
import { createHash } from "node:crypto";

/** OpenAI's documented maximum for `safety_identifier` / `user` and the observed one for `prompt_cache_key`. */
export const OPENAI_ID_MAX = 64;
/** OpenAI Responses `call_id`. */
export const RESPONSES_CALL_ID_MAX = 64;
/** OpenAI Chat Completions `tool_calls[].id` / `tool_call_id` ("expected a string with maximum length 40"). */
export const CHAT_TOOL_ID_MAX = 40;
/** Anthropic `metadata.user_id`. */
export const ANTHROPIC_USER_ID_MAX = 256;

const PLAIN = /^[A-Za-z0-9_.:-]+$/;

const digest = (value: string): string => createHash("sha256").update(value).digest("hex");

/**
 * End-user ids repeat on every request of a session (Claude Code's `metadata.user_id`): their hashes are kept in a
 * small bounded map instead of hashing per request. Only short-ish values are kept (memory stays bounded).
 */
const OPAQUE_MEMO_MAX = 1024;
const OPAQUE_MEMO_KEY_MAX = 1024;
const opaqueMemo = new Map<string, string>();

function digestMemo(value: string): string {
  let h = opaqueMemo.get(value);
  if (h === undefined) {
    h = digest(value);
    if (value.length <= OPAQUE_MEMO_KEY_MAX) {
      if (opaqueMemo.size >= OPAQUE_MEMO_MAX) opaqueMemo.clear();
      opaqueMemo.set(value, h);
    }
  }
  return h;
}

/**
 * An opaque end-user identifier (safety_identifier, user, prompt_cache_key): kept when it is a plain token of at
 * most `max` chars, else `<prefix><sha256 hex>` cut to `max`. Anything with spaces, quotes, `@` … is hashed, so
 * JSON blobs and e-mail addresses never reach the provider as given.
 */
export function opaqueId(value: string, max = OPENAI_ID_MAX, prefix = "cr_"): string {
  if (value.length <= max && PLAIN.test(value)) return value;
  return `${prefix}${digestMemo(value)}`.slice(0, max);
}

/** A tool call id or other opaque id: kept when it fits in `max` chars, else a stable `<prefix><hash>` (≤ `max`). */
export function boundedId(id: string, max: number, prefix = "call_"): string {
  if (id.length <= max) return id;
  return `${prefix}${digest(id)}`.slice(0, max);
}

const ANTHROPIC_TOOL_ID = /^[A-Za-z0-9_-]+$/;

/** Anthropic `tool_use.id` must match ^[a-zA-Z0-9_-]+$ (Kimi's `functions.bash:0` does not): stable `toolu_<hash>`. */
export function anthropicToolId(id: string): string {
  return ANTHROPIC_TOOL_ID.test(id) ? id : `toolu_${digest(id).slice(0, 40)}`;
}
