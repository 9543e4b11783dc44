/**
 * Sends requests through a router in any inbound API, streamed or not, and returns what the client was told:
 * the request id (header) and the cost (X-CodeRouter-Cost header and body trailer, or the `coderouter` trailer in
 * the final stream event).
 */
import { type Dispatcher, fetch } from "undici";
import type { ApiKind } from "../../src/ir/types.js";
import { SSEParser } from "../../src/sse/parser.js";

export interface Sent {
  api: ApiKind;
  stream: boolean;
  status: number;
  id: string;
  sessionId: string;
  /** The `coderouter` trailer (body for non-streams, final event for streams). */
  trailer: { request_id: string; cost_usd: number; cost_if_opus_usd: number; phase: string; model: string } | null;
  /** X-CodeRouter-Cost (6 decimals), non-streams only. */
  headerCost: number | null;
  phase: string | null;
  model: string | null;
}

export const TEXTS = [
  "add a docstring to parse_date",
  'Why does this test fail? Traceback (most recent call last):\n  File "test_dates.py", line 12, in test_parse\n    assert parse_date("2024-02-30") is None\nAssertionError',
  "rename x to count",
  "Plan the architecture for a caching layer in front of the billing API; do not write code yet",
  "write unit tests for the tokenizer edge cases",
  "implement a retry with exponential backoff in http_client.py",
];

const APIS: ApiKind[] = ["anthropic-messages", "openai-chat", "openai-responses", "gemini"];

/** A real agent's user agent per inbound API (the classifier names the agent from it). */
const USER_AGENTS: Record<ApiKind, string> = {
  "anthropic-messages": "claude-cli/2.1.197 (external, cli)",
  "openai-chat": "opencode/1.0.150",
  "openai-responses": "codex_cli_rs/0.46.0 (Debian 12; x86_64) xterm-256color",
  gemini: "GeminiCLI-tui/0.61.0/gemini-3.1-pro-preview (linux; x64; terminal)",
};

function request(api: ApiKind, text: string, stream: boolean): { path: string; body: unknown } {
  switch (api) {
    case "anthropic-messages":
      return {
        path: "/v1/messages",
        body: {
          model: "claude-opus-4-8",
          max_tokens: 1024,
          system: "You are a coding agent.",
          messages: [{ role: "user", content: text }],
          stream,
        },
      };
    case "openai-chat":
      return {
        path: "/v1/chat/completions",
        body: {
          model: "gpt-5.5",
          messages: [{ role: "user", content: text }],
          stream,
          ...(stream && { stream_options: { include_usage: true } }),
        },
      };
    case "openai-responses":
      return { path: "/v1/responses", body: { model: "gpt-5.5", input: text, stream } };
    default:
      return {
        path: `/v1beta/models/gemini-3-pro:${stream ? "streamGenerateContent?alt=sse" : "generateContent"}`,
        body: { contents: [{ role: "user", parts: [{ text }] }] },
      };
  }
}

function findTrailer(v: unknown): Sent["trailer"] {
  if (!v || typeof v !== "object") return null;
  const o = v as Record<string, unknown>;
  if (o.coderouter && typeof o.coderouter === "object") return o.coderouter as Sent["trailer"];
  for (const x of Object.values(o)) {
    const t = findTrailer(x);
    if (t) return t;
  }
  return null;
}

export async function send(
  base: string,
  opts: { api: ApiKind; stream: boolean; text: string; sessionId: string; dispatcher?: Dispatcher },
): Promise<Sent> {
  const { path, body } = request(opts.api, opts.text, opts.stream);
  const res = await fetch(base + path, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": USER_AGENTS[opts.api],
      "x-session-id": opts.sessionId,
    },
    body: JSON.stringify(body),
    dispatcher: opts.dispatcher,
  });
  const raw = await res.text();
  let trailer: Sent["trailer"] = null;
  if (opts.stream) {
    const p = new SSEParser();
    for (const ev of [...p.push(Buffer.from(raw)), ...p.end()]) {
      if (!ev.data || ev.data === "[DONE]") continue;
      trailer = findTrailer(JSON.parse(ev.data)) ?? trailer;
    }
  } else if (res.ok) trailer = findTrailer(JSON.parse(raw));
  const cost = res.headers.get("x-coderouter-cost");
  return {
    api: opts.api,
    stream: opts.stream,
    status: res.status,
    id: res.headers.get("x-coderouter-request-id") ?? "",
    sessionId: opts.sessionId,
    trailer,
    headerCost: cost === null ? null : Number(cost),
    phase: res.headers.get("x-coderouter-phase"),
    model: res.headers.get("x-coderouter-model"),
  };
}

/** `n` requests cycling through every inbound API × stream flag × text, over a few sessions. */
export async function sendMixed(base: string, n: number, sessionPrefix = "sess", concurrency = 4): Promise<Sent[]> {
  const jobs = Array.from({ length: n }, (_, i) => ({
    api: APIS[i % APIS.length],
    stream: Math.floor(i / APIS.length) % 2 === 1,
    text: TEXTS[i % TEXTS.length],
    sessionId: `${sessionPrefix}-${i % 3}`,
  }));
  const out: Sent[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const i = next++;
        out[i] = await send(base, jobs[i]);
      }
    }),
  );
  return out;
}

/** Neumaier-compensated sum. */
export function exactSum(xs: number[]): number {
  let sum = 0;
  let c = 0;
  for (const x of xs) {
    const t = sum + x;
    c += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + c;
}
