import type { IncomingMessage } from "node:http";
import { RouterError } from "../errors/index.js";

/** Reads the request body up to `limit` bytes; a larger one is a 413 (the rest is drained, not buffered). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => {
      if (!over) resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    });
    req.on("error", (e) => reject(new RouterError("invalid_request", `Could not read the request body: ${e.message}`)));
  });
}

const tooLarge = (limit: number) =>
  new RouterError(
    "request_too_large",
    `Request body exceeds the configured limit of ${limit} bytes (limits.max_body_bytes)`,
    {
      code: "CR_BODY_TOO_LARGE",
    },
  );

/** JSON content types we accept; a body with another declared type is a 415. No content-type is tolerated. */
export function checkContentType(ct: string | undefined): void {
  if (!ct) return;
  const base = ct.split(";", 1)[0].trim().toLowerCase();
  if (base === "application/json" || base.endsWith("+json") || base === "text/json") return;
  throw new RouterError("unsupported_media_type", `Content-Type must be application/json, got '${base}'`, {
    code: "CR_CONTENT_TYPE",
  });
}

export function parseJsonBody(raw: Buffer): Record<string, unknown> {
  if (raw.length === 0)
    throw new RouterError("invalid_request", "Request body is empty; expected a JSON object", {
      code: "CR_EMPTY_BODY",
    });
  let v: unknown;
  try {
    v = JSON.parse(raw.toString("utf8"));
  } catch (e) {
    throw new RouterError("invalid_request", `Request body is not valid JSON: ${(e as Error).message}`, {
      code: "CR_INVALID_JSON",
    });
  }
  if (typeof v !== "object" || v === null || Array.isArray(v))
    throw new RouterError("invalid_request", "Request body must be a JSON object", { code: "CR_INVALID_JSON" });
  return v as Record<string, unknown>;
}
