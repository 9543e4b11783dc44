/**
 * A fake upstream that speaks each provider's wire protocol by replaying recorded fixtures
 * (test/fixtures/upstream/<format>/*.sse|*.json) on a loopback port. Tests script faults per request.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

export type Format = "anthropic-messages" | "openai-chat" | "openai-responses" | "gemini";

export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: any;
  format: Format;
}

/** What the next request gets instead of the default replay. */
export interface Script {
  status?: number;
  headers?: Record<string, string>;
  /** Raw body to send (string) — for errors or malformed output. */
  body?: string;
  /** Fixture name to replay (without extension), e.g. "tool-calls". */
  fixture?: string;
  /** Wait before sending headers (first-byte timeout tests). */
  delayMs?: number;
  /** Stream: write this many bytes of the fixture, then destroy the socket. */
  dropAfterBytes?: number;
  /** Stream: pause between events (idle timeout tests). */
  eventDelayMs?: number;
  /** Close the connection without answering. */
  hangUp?: boolean;
}

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "upstream");

export function fixture(format: Format, name: string, ext: "sse" | "json"): string {
  return readFileSync(join(FIXTURES, format, `${name}.${ext}`), "utf8");
}

export function formatForPath(path: string): Format | undefined {
  if (path.endsWith("/v1/messages")) return "anthropic-messages";
  if (path.endsWith("/chat/completions")) return "openai-chat";
  if (path.endsWith("/responses")) return "openai-responses";
  if (/:(stream)?[gG]enerateContent$/.test(path)) return "gemini";
  return undefined;
}

function wantsStream(format: Format, path: string, body: any): boolean {
  if (format === "gemini") return path.includes(":streamGenerateContent");
  return body?.stream === true;
}

/** Tools offered and the conversation does not end with a tool result → answer with a tool call. */
function defaultFixture(format: Format, body: any): string {
  const hasTools =
    format === "gemini"
      ? Array.isArray(body?.tools) && body.tools.some((t: any) => t.functionDeclarations?.length)
      : Array.isArray(body?.tools) && body.tools.length > 0;
  if (!hasTools) return "text";
  const last =
    format === "openai-responses"
      ? Array.isArray(body.input)
        ? body.input.at(-1)
        : undefined
      : format === "gemini"
        ? body.contents?.at(-1)
        : body.messages?.at(-1);
  const s = JSON.stringify(last ?? "");
  const isToolResult =
    s.includes('"tool_result"') ||
    s.includes('"role":"tool"') ||
    s.includes("function_call_output") ||
    s.includes("functionResponse") ||
    s.includes("custom_tool_call_output");
  return isToolResult ? "text" : "tool-calls";
}

export class FakeUpstream {
  readonly received: Received[] = [];
  readonly scripts: Script[] = [];
  /** Requests aborted by the client mid-response. */
  aborted = 0;
  #server: Server;
  port = 0;

  constructor() {
    this.#server = createServer((req, res) => this.#handle(req, res));
    this.#server.keepAliveTimeout = 1000;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.#server.listen(0, "127.0.0.1", r));
    this.port = (this.#server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((r) => this.#server.close(() => r()));
  }

  /** Queue scripted answers for the next requests (FIFO). */
  next(...s: Script[]): this {
    this.scripts.push(...s);
    return this;
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      const url = new URL(req.url ?? "/", "http://x");
      const format = formatForPath(url.pathname);
      let body: any = null;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {}
      if (!format) {
        res.writeHead(404).end();
        return;
      }
      this.received.push({
        method: req.method ?? "",
        path: url.pathname + url.search,
        headers: req.headers,
        body,
        format,
      });
      const script = this.scripts.shift() ?? {};
      res.on("close", () => {
        if (!res.writableFinished) this.aborted++;
      });
      if (script.hangUp) {
        req.socket.destroy();
        return;
      }
      if (script.delayMs) await sleep(script.delayMs);
      if (res.destroyed) return;
      if (script.body !== undefined || (script.status && script.status >= 400)) {
        res.writeHead(script.status ?? 200, { "content-type": "application/json", ...script.headers });
        res.end(script.body ?? "");
        return;
      }
      const stream = wantsStream(format, url.pathname, body);
      const name = script.fixture ?? defaultFixture(format, body);
      const text = fixture(format, name, stream ? "sse" : "json");
      if (!stream) {
        res.writeHead(script.status ?? 200, { "content-type": "application/json", ...script.headers });
        res.end(text);
        return;
      }
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", ...script.headers });
      const events = text.split(/(?<=\n\n)/);
      let sent = 0;
      for (const ev of events) {
        if (res.destroyed) return;
        if (script.dropAfterBytes !== undefined && sent + ev.length > script.dropAfterBytes) {
          res.write(ev.slice(0, Math.max(0, script.dropAfterBytes - sent)));
          setTimeout(() => res.destroy(), 5);
          return;
        }
        res.write(ev);
        sent += ev.length;
        if (script.eventDelayMs) await sleep(script.eventDelayMs);
      }
      res.end();
    });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
