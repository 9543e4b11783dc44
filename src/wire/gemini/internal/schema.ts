/**
 * Gemini Schema (OpenAPI subset, upper-case `type` enums) ⇄ JSON Schema. Decoding lower-cases type names; encoding
 * strips keys Gemini rejects in `parametersJsonSchema` / `responseJsonSchema`.
 */
const DROP = new Set(["$schema", "$id", "$comment"]);

export function schemaToJson(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(schemaToJson);
  if (typeof s !== "object" || s === null) return s;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === "type" && typeof v === "string") out[k] = v.toLowerCase();
    else if (k === "type" && Array.isArray(v)) out[k] = v.map((t) => (typeof t === "string" ? t.toLowerCase() : t));
    else if (k === "properties" && typeof v === "object" && v !== null) {
      out[k] = Object.fromEntries(Object.entries(v).map(([pk, pv]) => [pk, schemaToJson(pv)]));
    } else if (k === "enum" || k === "required" || k === "default" || k === "example" || k === "const") out[k] = v;
    else out[k] = schemaToJson(v);
  }
  return out;
}

export function jsonToGeminiSchema(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(jsonToGeminiSchema);
  if (typeof s !== "object" || s === null) return s;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) {
    if (DROP.has(k)) continue;
    if (k === "properties" && typeof v === "object" && v !== null) {
      out[k] = Object.fromEntries(Object.entries(v).map(([pk, pv]) => [pk, jsonToGeminiSchema(pv)]));
    } else if (k === "enum" || k === "required" || k === "default" || k === "examples" || k === "const") out[k] = v;
    else out[k] = jsonToGeminiSchema(v);
  }
  return out;
}
