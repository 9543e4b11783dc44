/** Input guards for the Anthropic and OpenAI Chat decoders: every failure is a RouterError(invalid_request) naming the path, never a TypeError. */
import { invalid } from "../../errors/index.js";

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export function obj(v: unknown, path: string): Obj {
  if (!isObj(v)) throw invalid(`${path}: expected an object, got ${kind(v)}`);
  return v;
}

export function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw invalid(`${path}: expected an array, got ${kind(v)}`);
  return v;
}

export function str(v: unknown, path: string): string {
  if (typeof v !== "string") throw invalid(`${path}: expected a string, got ${kind(v)}`);
  return v;
}

export function optStr(v: unknown, path: string): string | undefined {
  return v === undefined || v === null ? undefined : str(v, path);
}

export function optNum(v: unknown, path: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isFinite(v)) throw invalid(`${path}: expected a number, got ${kind(v)}`);
  return v;
}

export function optBool(v: unknown, path: string): boolean | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "boolean") throw invalid(`${path}: expected a boolean, got ${kind(v)}`);
  return v;
}

export function kind(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

/** Parses tool-call arguments into a JSON object; non-object or invalid JSON is kept under `input` (never throws). */
export function argsToObject(args: string): Obj {
  if (args.trim() === "") return {};
  try {
    const v = JSON.parse(args);
    return isObj(v) ? v : { input: v };
  } catch {
    return { input: args };
  }
}

/** Splits a `data:<media>;base64,<data>` URL. Returns undefined for anything else. */
export function parseDataUrl(url: string): { mediaType: string; data: string } | undefined {
  const m = /^data:([^;,]+)?(?:;[^,]*)?;base64,(.*)$/s.exec(url);
  return m ? { mediaType: m[1] ?? "application/octet-stream", data: m[2] } : undefined;
}

export const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
