/** Request builders shared by the classifier tests. */
import assert from "node:assert/strict";
import { classify } from "../../src/classify/index.js";
import { toClassifyInput } from "../../src/classify/input.js";

/** A request of `api` at `path` with these messages (and any other body fields: system, tools…). */
function request(
  api: "openai-chat" | "anthropic-messages",
  path: string,
  messages: unknown[],
  extra: Record<string, unknown>,
) {
  return toClassifyInput({ api, path, headers: {}, body: { model: "m", messages, ...extra } })!;
}

/** An OpenAI Chat Completions request with these messages (and any other body fields). */
export function chat(messages: unknown[], extra: Record<string, unknown> = {}) {
  return request("openai-chat", "/v1/chat/completions", messages, extra);
}

/** An Anthropic Messages request with these messages (and any other body fields: system, tools…). */
export function anthropic(messages: unknown[], extra: Record<string, unknown> = {}) {
  return request("anthropic-messages", "/v1/messages", messages, extra);
}

/** The phase of a request whose only message is `text` from the developer. */
export function one(text: string): string {
  return classify(chat([{ role: "user", content: text }])).phase;
}

/** Each developer message gets its phase (the message names the failing case). */
export function expectPhases(cases: [string, string][]): void {
  for (const [text, phase] of cases) assert.equal(one(text), phase, text);
}
