/** Input guards for the Responses and Gemini decoders: every failure is a RouterError(invalid_request), never a TypeError. */
import { invalid } from "../../errors/index.js";

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export function obj(v: unknown, where: string): Obj {
  if (!isObj(v)) throw invalid(`${where} must be an object`);
  return v;
}

export function arr(v: unknown, where: string): unknown[] {
  if (!Array.isArray(v)) throw invalid(`${where} must be an array`);
  return v;
}

export function str(v: unknown, where: string): string {
  if (typeof v !== "string") throw invalid(`${where} must be a string`);
  return v;
}

export const optStr = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
export const optNum = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
export const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/** Parses a data: URL into media type and base64 payload; undefined when it is not a base64 data URL. */
export function parseDataUrl(url: string): { mediaType: string; data: string } | undefined {
  const m = /^data:([^;,]+)?((?:;[^;,]+)*);base64,(.*)$/s.exec(url);
  if (!m) return undefined;
  return { mediaType: m[1] ?? "application/octet-stream", data: m[3] };
}

/** Random hex id with a prefix (msg_, fc_, rs_ …). */
export function newId(prefix: string): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return prefix + Buffer.from(bytes).toString("hex");
}
