/**
 * A transparent HTTP tap between the CLI and the router: it pipes bytes both ways unchanged and keeps what the CLI
 * received — status, the x-coderouter-* decision headers, the model name(s) in the response, the `coderouter`
 * trailer object of a stream — plus the model the CLI asked for and timings.
 */
import { createServer, type IncomingHttpHeaders, request } from "node:http";
import type { AddressInfo } from "node:net";

export interface TapRecord {
  /** Epoch ms: request arrived, response headers arrived, response ended. */
  t: { req: number; headers: number; end?: number };
  method: string;
  path: string;
  status: number;
  /** The x-coderouter-* response headers. */
  decision: Record<string, string>;
  contentType: string;
  /** `model` of the request body the CLI sent. */
  requestedModel?: string;
  /** Every distinct `model` value in the response events (message_start, response.created, chunks …). */
  respondedModels: string[];
  /** The `coderouter` object found in the response (stream trailer or JSON body), if any. */
  trailer?: Record<string, unknown>;
  /** The response body as the client got it (first 20 kB). */
  excerpt: string;
}

const decisionOf = (h: IncomingHttpHeaders) =>
  Object.fromEntries(
    Object.entries(h)
      .filter(([k]) => k.startsWith("x-coderouter-"))
      .map(([k, v]) => [k, String(v)]),
  );

/** Walks a parsed event for `model` strings and a `coderouter` object. */
function scan(v: unknown, rec: TapRecord, depth = 0): void {
  if (!v || typeof v !== "object" || depth > 4) return;
  const o = v as Record<string, unknown>;
  if (typeof o.model === "string" && !rec.respondedModels.includes(o.model)) rec.respondedModels.push(o.model);
  if (o.coderouter && typeof o.coderouter === "object") rec.trailer = o.coderouter as Record<string, unknown>;
  for (const [k, x] of Object.entries(o)) if (k !== "coderouter" && typeof x === "object") scan(x, rec, depth + 1);
}

/** Parses a whole response body: SSE `data:` lines or one JSON document. */
export function inspectBody(text: string, rec: TapRecord): void {
  const docs = text.trimStart().startsWith("{")
    ? [text]
    : text
        .split("\n")
        .filter((l) => l.startsWith("data:"))
        .map((l) => l.slice(5).trim());
  for (const d of docs) {
    try {
      scan(JSON.parse(d), rec);
    } catch {}
  }
}

export async function startTap(
  target: string,
): Promise<{ url: string; records: TapRecord[]; stop: () => Promise<void> }> {
  const t = new URL(target);
  const records: TapRecord[] = [];
  const server = createServer((req, res) => {
    const reqAt = Date.now();
    const reqChunks: Buffer[] = [];
    req.on("data", (c: Buffer) => reqChunks.push(c));
    const requestedModel = () => {
      try {
        return JSON.parse(Buffer.concat(reqChunks).toString("utf8")).model;
      } catch {
        return undefined;
      }
    };
    const up = request(
      { host: t.hostname, port: t.port, method: req.method, path: req.url, headers: req.headers },
      (ur) => {
        const rec: TapRecord = {
          t: { req: reqAt, headers: Date.now() },
          method: req.method ?? "",
          path: req.url ?? "",
          status: ur.statusCode ?? 0,
          decision: decisionOf(ur.headers),
          contentType: String(ur.headers["content-type"] ?? ""),
          requestedModel: requestedModel(),
          respondedModels: [],
          excerpt: "",
        };
        records.push(rec);
        res.writeHead(ur.statusCode ?? 502, ur.rawHeaders);
        const chunks: Buffer[] = [];
        ur.on("data", (c: Buffer) => chunks.push(c));
        ur.on("end", () => {
          rec.t.end = Date.now();
          const body = Buffer.concat(chunks);
          if (ur.headers["content-encoding"]) {
            rec.excerpt = `(${ur.headers["content-encoding"]}-encoded, ${body.length} bytes)`;
            return;
          }
          const text = body.toString("utf8");
          rec.excerpt = text.slice(0, 20_000);
          inspectBody(text, rec);
        });
        ur.pipe(res);
      },
    );
    up.on("error", (e) => {
      records.push({
        t: { req: reqAt, headers: -1 },
        method: req.method ?? "",
        path: req.url ?? "",
        status: 0,
        decision: {},
        contentType: "",
        respondedModels: [],
        excerpt: e.message,
      });
      res.destroy();
    });
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    records,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
