/** Minimal requests per inbound API and checks that an error body is in that API's own shape (shared by the scale, fault, fuzz and security tests). */
import assert from "node:assert/strict";
import type { ApiKind } from "../../src/ir/types.js";

export const APIS: ApiKind[] = ["anthropic-messages", "openai-chat", "openai-responses", "gemini"];

export function pathFor(api: ApiKind, stream: boolean, model = "gemini-2.5-flash"): string {
  switch (api) {
    case "anthropic-messages":
      return "/v1/messages";
    case "openai-chat":
      return "/v1/chat/completions";
    case "openai-responses":
      return "/v1/responses";
    case "gemini":
      return `/v1beta/models/${model}:${stream ? "streamGenerateContent?alt=sse" : "generateContent"}`;
  }
}

export function bodyFor(api: ApiKind, stream: boolean, text = "Say hello"): Record<string, unknown> {
  switch (api) {
    case "anthropic-messages":
      return { model: "claude-sonnet-4-5", max_tokens: 256, stream, messages: [{ role: "user", content: text }] };
    case "openai-chat":
      return { model: "gpt-5", stream, messages: [{ role: "user", content: text }] };
    case "openai-responses":
      return { model: "gpt-5", stream, input: text };
    case "gemini":
      return { contents: [{ role: "user", parts: [{ text }] }] };
  }
}

/** The header each API carries its key in. */
export function keyHeader(api: ApiKind, key: string): Record<string, string> {
  if (api === "anthropic-messages") return { "x-api-key": key };
  if (api === "gemini") return { "x-goog-api-key": key };
  return { authorization: `Bearer ${key}` };
}

export interface Sent {
  status: number;
  headers: Headers;
  text: string;
}

export async function send(
  base: string,
  api: ApiKind,
  opts: {
    stream?: boolean;
    headers?: Record<string, string>;
    body?: unknown;
    raw?: string | Buffer;
    path?: string;
    signal?: AbortSignal;
  } = {},
): Promise<Sent> {
  const stream = opts.stream ?? false;
  const res = await fetch(base + (opts.path ?? pathFor(api, stream)), {
    method: "POST",
    headers: { "content-type": "application/json", ...opts.headers },
    body: opts.raw ?? JSON.stringify(opts.body ?? bodyFor(api, stream)),
    signal: opts.signal,
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** Asserts `text` is an error body in `api`'s own JSON shape with the given HTTP status; returns its message. */
export function assertErrorShape(api: ApiKind, status: number, text: string): string {
  const b = JSON.parse(text);
  if (api === "anthropic-messages") {
    assert.equal(b.type, "error", text);
    assert.equal(typeof b.error.type, "string", text);
    return b.error.message;
  }
  if (api === "gemini") {
    assert.equal(b.error.code, status === 529 ? 503 : status, text);
    assert.equal(typeof b.error.status, "string", text);
    return b.error.message;
  }
  assert.equal(typeof b.error.message, "string", text);
  assert.ok("type" in b.error && "code" in b.error, text);
  return b.error.message;
}

/** Parses an SSE body into its data payloads (JSON where possible). */
export function sseEvents(text: string): Array<{ event?: string; data: any }> {
  const out: Array<{ event?: string; data: any }> = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    if (!block.trim()) continue;
    let event: string | undefined;
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith("event:")) event = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
    }
    const d = data.join("\n");
    let parsed: any = d;
    try {
      parsed = JSON.parse(d);
    } catch {}
    out.push({ event, data: parsed });
  }
  return out;
}

/** Per-minute rate-limit windows are fixed: start a rate-limit check at least a few seconds before the next minute. */
export async function awayFromMinuteEdge(marginS = 5): Promise<void> {
  const s = new Date().getUTCSeconds();
  if (s >= 60 - marginS) await new Promise((r) => setTimeout(r, (61 - s) * 1000));
}
