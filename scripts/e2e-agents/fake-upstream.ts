/**
 * A scripted fake model provider on a loopback port for the agent end-to-end run. It speaks whichever provider
 * format the request path names (Anthropic Messages, OpenAI Chat Completions, OpenAI Responses, Gemini), streaming
 * or not, and plays one tool-using conversation:
 *   1. a request that offers a shell tool and does not end with a tool result → a tool call that writes out.txt;
 *   2. the request carrying that call's result → the final text "Done.".
 * Anything else (side requests without tools) gets "Done." too. Every request is recorded for the checks.
 *
 * Standalone: `node --import tsx scripts/e2e-agents/fake-upstream.ts [--port N]` (logs each request).
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  audit,
  formatForPath,
  offeredTools,
  SHELL_TOOLS,
  type ToolResult,
  trailingToolResults,
  wantsReasoning,
  wantsStream,
} from "./conversation.js";
import {
  anthropicJson,
  anthropicStream,
  chatJson,
  chatStream,
  type Format,
  geminiJson,
  geminiStream,
  type Reply,
  responsesJson,
  responsesStream,
} from "./replies.js";

export const FINAL_TEXT = "Done.";
export const MARKER = "hello-from-coderouter-e2e";
export const TOOL_COMMAND = `echo ${MARKER} > out.txt && cat out.txt`;

export interface Seen {
  n: number;
  at: number;
  method: string;
  path: string;
  format: Format | undefined;
  model: string | undefined;
  stream: boolean;
  tools: string[];
  toolResults: ToolResult[];
  /** What the fake model answered: `tool:<name>#<call id>`, `text`, or an HTTP status for non-model routes. */
  reply: string;
  /** The call id of the trailing tool result that answered an issued call, if any. */
  answers?: string;
  /** Provider rules this request breaks (a real provider would answer 400), and reasoning round-trip notes. */
  violations: string[];
  notes: string[];
  /** Reasoning signature attached to this reply, if the request asked for thinking. */
  signature?: string;
  headers: IncomingMessage["headers"];
  body: any;
}

const newId = (prefix: string) => `${prefix}${randomBytes(12).toString("hex")}`;
const callIdPrefix: Record<Format, string> = {
  "anthropic-messages": "toolu_e2e",
  "openai-chat": "call_e2e",
  "openai-responses": "call_e2e",
  gemini: "",
};

export class ScriptedUpstream {
  seen: Seen[] = [];
  /** call ids (Gemini: function names) of the tool calls issued in this scenario. */
  issued: string[] = [];
  /** Reasoning signatures / encrypted contents issued in this scenario. */
  signatures: string[] = [];
  /** At most this many tool calls per scenario, so a client that never sends a result cannot loop forever. */
  maxToolCalls = 1;
  log: ((s: Seen) => void) | undefined;
  port = 0;
  #server: Server;

  constructor() {
    this.#server = createServer((req, res) => this.#handle(req, res));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(port = 0): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once("error", reject);
      this.#server.listen(port, "127.0.0.1", resolve);
    });
    this.port = (this.#server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((r) => this.#server.close(() => r()));
  }

  /** Forget the previous scenario's requests and calls. */
  reset(): void {
    this.seen = [];
    this.issued = [];
    this.signatures = [];
  }

  #decide(format: Format, body: any): { reply: Reply; answers?: string } {
    const results = trailingToolResults(format, body);
    // A router may rename call ids (consistently within the request); the first trailing result then still answers.
    const answered = results.find((r) => this.issued.includes(r.id)) ?? (this.issued.length ? results[0] : undefined);
    if (answered) return { reply: { kind: "text", text: FINAL_TEXT }, answers: answered.id };
    const tool = offeredTools(format, body).find((name) => name in SHELL_TOOLS);
    if (!tool || results.length > 0 || this.issued.length >= this.maxToolCalls)
      return { reply: { kind: "text", text: FINAL_TEXT } };
    const callId = format === "gemini" ? tool : newId(callIdPrefix[format]);
    this.issued.push(callId);
    return {
      reply: {
        kind: "tool",
        preamble: "I'll write the file.",
        name: tool,
        args: SHELL_TOOLS[tool](TOOL_COMMAND),
        callId,
      },
    };
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const path = url.pathname;
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: any;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = { unparsed: raw.slice(0, 200) };
      }
      const format = formatForPath(path);
      const seen: Seen = {
        n: this.seen.length + 1,
        at: Date.now(),
        method: req.method ?? "",
        path: path + url.search,
        format,
        model: format === "gemini" ? /models\/([^:]+):/.exec(path)?.[1] : body?.model,
        stream: format ? wantsStream(format, path, body) : false,
        tools: format ? offeredTools(format, body) : [],
        toolResults: format ? trailingToolResults(format, body) : [],
        reply: "",
        violations: [],
        notes: [],
        headers: req.headers,
        body,
      };
      this.seen.push(seen);
      if (!format || req.method !== "POST") {
        // Claude Code probes `HEAD /` before its first request (when talking to this server directly).
        seen.reply = req.method === "HEAD" || path === "/" ? "200" : "404";
        res.writeHead(Number(seen.reply), { "content-type": "application/json" });
        res.end(req.method === "HEAD" ? undefined : seen.reply === "200" ? "{}" : '{"error":{"message":"not found"}}');
        this.log?.(seen);
        return;
      }
      Object.assign(seen, audit(format, body, this.signatures));
      const { reply, answers } = this.#decide(format, body);
      seen.reply = reply.kind === "tool" ? `tool:${reply.name}#${reply.callId}` : "text";
      seen.answers = answers;
      if (wantsReasoning(format, body)) {
        seen.signature = randomBytes(48).toString("base64");
        this.signatures.push(seen.signature);
      }
      this.log?.(seen);
      const ctx = { model: seen.model ?? "unknown", id: newId(""), signature: seen.signature };
      if (!seen.stream) {
        const json =
          format === "anthropic-messages"
            ? anthropicJson(reply, ctx)
            : format === "openai-chat"
              ? chatJson(reply, ctx)
              : format === "openai-responses"
                ? responsesJson(reply, ctx)
                : geminiJson(reply, ctx);
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(json));
        return;
      }
      const sse =
        format === "anthropic-messages"
          ? anthropicStream(reply, ctx)
          : format === "openai-chat"
            ? chatStream(reply, ctx, body?.stream_options?.include_usage === true)
            : format === "openai-responses"
              ? responsesStream(reply, ctx)
              : geminiStream(reply, ctx);
      res.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-cache",
        connection: "keep-alive",
      });
      // One write per event, as a provider flushes them, so clients see arguments arrive in pieces.
      for (const event of sse.split(/(?<=\n\n)/)) res.write(event);
      res.end();
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf("--port");
  const up = new ScriptedUpstream();
  up.maxToolCalls = Number.POSITIVE_INFINITY;
  up.log = (s) =>
    console.log(
      `#${s.n} ${s.method} ${s.path} model=${s.model} stream=${s.stream} tools=${s.tools.length} results=${s.toolResults.map((r) => r.id).join(",")} → ${s.reply}`,
    );
  await up.start(i > 0 ? Number(process.argv[i + 1]) : 0);
  console.log(`fake upstream on ${up.url}`);
}
