/** Real client request bodies (test/fixtures/clients/**.json, field request.body) per inbound API, for mutation. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { ApiKind } from "../../src/ir/types.js";

const ROOT = join(import.meta.dirname, "..", "fixtures", "clients");

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith(".json")) out.push(p);
  }
  return out;
}

export interface Seed {
  api: ApiKind;
  path: string;
  body: Record<string, unknown>;
}

export function loadSeeds(): Seed[] {
  const apis = new Set<string>(["anthropic-messages", "openai-chat", "openai-responses", "gemini"]);
  const out: Seed[] = [];
  for (const f of walk(ROOT)) {
    const d = JSON.parse(readFileSync(f, "utf8"));
    const body = d?.request?.body;
    if (!apis.has(d?.api) || !body || typeof body !== "object") continue;
    out.push({ api: d.api, path: String(d.request.path), body });
  }
  return out;
}
