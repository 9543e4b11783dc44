/**
 * The floor: the least a Node.js proxy that reads the body can cost. node:http server, JSON.parse and
 * JSON.stringify of the request, an undici keep-alive pool to the upstream, the response piped back unchanged.
 * Standalone (node builtins + undici) so it runs as plain JS in its own process:
 * `node floor.mjs --port 0 --upstream http://127.0.0.1:N` prints `LISTENING <port>`.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Pool } from "undici";

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "te",
  "upgrade",
  "proxy-connection",
  "trailer",
  "host",
  "content-length",
]);

function forwardHeaders(h: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v;
  return out;
}

export function main(argv: string[]): void {
  const arg = (name: string, dflt: string) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] ? (argv[i + 1] as string) : dflt;
  };
  const pool = new Pool(arg("--upstream", "http://127.0.0.1:8080"), { connections: 128, keepAliveTimeout: 60_000 });
  const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      try {
        const body = chunks.length ? JSON.stringify(JSON.parse(Buffer.concat(chunks).toString("utf8"))) : undefined;
        const headers = forwardHeaders(req.headers);
        const up = await pool.request({ method: req.method as "POST", path: req.url ?? "/", headers, body });
        res.writeHead(up.statusCode, forwardHeaders(up.headers));
        // .pipe, not stream.pipeline: pipeline allocates an AbortController (and a DOMException) per call.
        up.body.pipe(res);
      } catch (err) {
        res.writeHead(502, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: String(err) }));
      }
    });
  });
  server.listen(Number(arg("--port", "0")), "127.0.0.1", () => {
    process.stdout.write(`LISTENING ${(server.address() as AddressInfo).port}\n`);
  });
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}

main(process.argv.slice(2));
