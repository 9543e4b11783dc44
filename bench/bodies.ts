/**
 * Request bodies for the proxy benchmark, built from real Claude Code captures
 * (test/fixtures/clients/claude/*.json, field request.body): a 2 KB main-loop turn (tools dropped, long texts
 * trimmed) and a 100 KB one (the largest capture's history extended with more tool turns).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./child.js";

const CAPTURES = join(ROOT, "test", "fixtures", "clients", "claude");

export interface BenchRequest {
  /** "2 KB" or "100 KB". */
  label: string;
  path: string;
  headers: Record<string, string>;
  json: Buffer;
  stream: Buffer;
}

interface Capture {
  file: string;
  headers: Record<string, string>;
  body: any;
}

function loadCaptures(): Capture[] {
  return readdirSync(CAPTURES)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => ({ file, req: JSON.parse(readFileSync(join(CAPTURES, file), "utf8")).request }))
    .filter(({ req }) => req?.method === "POST" && req.body?.messages)
    .map(({ file, req }) => ({ file, headers: req.headers, body: req.body }));
}

const size = (body: unknown) => Buffer.byteLength(JSON.stringify(body));

const MIN_TEXT = 80;

/** Every prose slot (`text` or string `content`) in `v` as [holder, key], so the longest can be trimmed in place. */
function textSlots(v: any, out: Array<[any, string]> = []): Array<[any, string]> {
  if (Array.isArray(v)) for (const x of v) textSlots(x, out);
  else if (v && typeof v === "object")
    for (const [k, x] of Object.entries(v)) {
      if (typeof x === "string" && (k === "text" || k === "content")) out.push([v, k]);
      else textSlots(x, out);
    }
  return out;
}

/** Trim the longest texts under `scope` (keeping their head) until `body` serialises to at most `target` bytes. */
function shrinkTo(body: any, scope: any, target: number): void {
  for (let i = 0; i < 200 && size(body) > target; i++) {
    const top = textSlots(scope).sort((a, b) => b[0][b[1]].length - a[0][a[1]].length)[0];
    if (!top || top[0][top[1]].length <= MIN_TEXT) break;
    const s: string = top[0][top[1]];
    top[0][top[1]] = s.slice(0, Math.max(MIN_TEXT, s.length - (size(body) - target)));
  }
}

/** Pad `holder[key]` (a text) with realistic filler until `body` serialises to `target` bytes (±few). */
function padTo(body: any, holder: any, key: string, filler: string, target: number): void {
  for (let i = 0; i < 20; i++) {
    const missing = target - size(body);
    if (missing <= 0) return;
    let add = "";
    while (add.length < missing) add += filler;
    holder[key] += add.slice(0, missing);
  }
}

function headersOf(c: Capture): Record<string, string> {
  const drop = new Set(["host", "content-length", "connection", "accept-encoding", "x-api-key"]);
  const h: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.headers)) if (!drop.has(k)) h[k] = v;
  h["x-api-key"] = "dummy";
  return h;
}

/** A ~2 KB Claude Code main-loop request that ends in a tool result. */
function small(caps: Capture[], target: number): Capture {
  const src = caps.find((c) => c.body.messages.some((m: any) => m.role === "assistant")) ?? (caps[0] as Capture);
  const body = structuredClone(src.body);
  delete body.tools;
  delete body.context_management;
  body.system = (body.system as any[]).slice(0, 3);
  shrinkTo(body, body, target);
  const lastText = body.messages[0].content.find(
    (b: any) => b.type === "text" && !b.text.startsWith("<system-reminder>"),
  );
  padTo(body, lastText, "text", " Please keep the change small and explain what you did.", target);
  return { file: src.file, headers: src.headers, body };
}

/** A ~100 KB request: the largest capture, with earlier tool turns repeated into its history. */
function large(caps: Capture[], target: number): Capture {
  const withTools = caps.filter((c) => c.body.messages.some((m: any) => m.role === "assistant"));
  const src = withTools.sort((a, b) => size(b.body) - size(a.body))[0] ?? (caps[0] as Capture);
  const body = structuredClone(src.body);
  const msgs: any[] = body.messages;
  const turn = msgs.slice(-2); // [assistant tool_use, user tool_result]
  const donors = caps.flatMap((c) => c.body.messages.flatMap((m: any) => (Array.isArray(m.content) ? m.content : [])));
  const filler = donors
    .filter((b: any) => b.type === "text")
    .map((b: any) => b.text)
    .join("\n");
  for (let n = 0; size(body) < target && n < 500; n++) {
    const copy = structuredClone(turn);
    for (const m of copy)
      for (const b of m.content) {
        if (b.id) b.id = `${b.id}_${n}`;
        if (b.tool_use_id) b.tool_use_id = `${b.tool_use_id}_${n}`;
        if (b.type === "tool_result")
          b.content = `${b.content}\n${filler.slice((n * 4000) % filler.length, ((n * 4000) % filler.length) + 4000)}`;
      }
    msgs.splice(msgs.length - 2, 0, ...copy);
  }
  shrinkTo(body, msgs.slice(0, -2), target);
  const last = msgs.at(-1).content.at(-1);
  if (typeof last.content === "string") padTo(body, last, "content", filler, target);
  return { file: src.file, headers: src.headers, body };
}

function toRequest(label: string, c: Capture): BenchRequest {
  const path = "/v1/messages";
  return {
    label,
    path,
    headers: headersOf(c),
    json: Buffer.from(JSON.stringify({ ...c.body, stream: false })),
    stream: Buffer.from(JSON.stringify({ ...c.body, stream: true })),
  };
}

export function buildRequests(): BenchRequest[] {
  const caps = loadCaptures();
  return [toRequest("2 KB", small(caps, 2048)), toRequest("100 KB", large(caps, 100 * 1024))];
}
