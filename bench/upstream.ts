/**
 * Fake upstream for the benchmark: answers instantly with recorded responses (test/fixtures/upstream) in the
 * Anthropic Messages, OpenAI Chat and OpenAI Responses formats, streamed or not. Standalone (node builtins only) so it can run as
 * plain JS in its own process: `node upstream.mjs --port 0 --fixtures DIR` prints `LISTENING <port>`.
 * It never parses the request body: it only looks for `"stream":true` in the raw bytes. GET /_stats counts
 * connections and requests (a hop that does not reuse its upstream connections shows here).
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

interface Reply {
  json: Buffer;
  sse: Buffer;
}

const STREAM_MARK = Buffer.from('"stream":true');

function load(dir: string, format: string, name: string): Reply {
  const json = JSON.stringify(JSON.parse(readFileSync(join(dir, format, `${name}.json`), "utf8")));
  return { json: Buffer.from(json), sse: readFileSync(join(dir, format, `${name}.sse`)) };
}

interface Replies {
  anthropic: Reply;
  chat: Reply;
  responses: Reply;
}

function replyFor(path: string, replies: Replies): Reply | undefined {
  const p = path.split("?")[0] ?? "";
  if (p.endsWith("/messages")) return replies.anthropic;
  if (p.endsWith("/chat/completions")) return replies.chat;
  if (p.endsWith("/responses")) return replies.responses;
  return undefined;
}

function answer(req: IncomingMessage, res: ServerResponse, body: Buffer, reply: Reply | undefined): void {
  if (!reply) {
    if (req.method !== "GET") process.stderr.write(`no reply for ${req.method} ${req.url}\n`);
    res.writeHead(req.method === "GET" ? 200 : 404, { "content-type": "application/json" });
    res.end(req.method === "GET" ? '{"ok":true}' : '{"error":"not found"}');
    return;
  }
  if (body.includes(STREAM_MARK)) {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", "request-id": "req_bench" });
    res.end(reply.sse);
  } else {
    res.writeHead(200, {
      "content-type": "application/json",
      "content-length": reply.json.length,
      "request-id": "req_bench",
    });
    res.end(reply.json);
  }
}

export function main(argv: string[]): void {
  const arg = (name: string, dflt: string) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] ? (argv[i + 1] as string) : dflt;
  };
  const dir = arg("--fixtures", join(import.meta.dirname, "..", "..", "..", "test", "fixtures", "upstream"));
  const replies: Replies = {
    anthropic: load(dir, "anthropic-messages", "text"),
    chat: load(dir, "openai-chat", "text"),
    responses: load(dir, "openai-responses", "text"),
  };
  const stats = { connections: 0, requests: 0 };
  const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
    stats.requests++;
    if (req.url === "/_stats") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(stats));
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => answer(req, res, Buffer.concat(chunks), replyFor(req.url ?? "/", replies)));
  });
  server.on("connection", () => stats.connections++);
  server.listen(Number(arg("--port", "0")), "127.0.0.1", () => {
    process.stdout.write(`LISTENING ${(server.address() as AddressInfo).port}\n`);
  });
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}

main(process.argv.slice(2));
