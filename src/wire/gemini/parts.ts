/**
 * Gemini parts ⇄ IR content parts.
 *
 * A `thoughtSignature` travels in IR as a google-family reasoning part placed right before the part that carried it
 * (or merged into the preceding thought). Function calls without an id (older Gemini) get a stable synthetic id
 * (`<name>_<n>`); function responses without one are matched to the earliest unanswered call of the same name.
 */
import type { ContentPart, DocumentPart, ImagePart, ReasoningPart, TextPart, ToolCallPart } from "../../ir/types.js";
import { isObj, type Obj, optStr } from "../internal/guards.js";
import { isWrapped, restoreReasoning, wrapReasoning } from "../reasoning-carry.js";

export const SKIP_SIGNATURE = "skip_thought_signature_validator";

export class CallIds {
  #count = 0;
  #pending = new Map<string, string[]>();
  readonly names = new Map<string, string>();

  call(name: string, id: string | undefined): string {
    const callId = id ?? `${name}_${this.#count}`;
    this.#count++;
    this.names.set(callId, name);
    const q = this.#pending.get(name) ?? [];
    q.push(callId);
    this.#pending.set(name, q);
    return callId;
  }

  result(name: string, id: string | undefined): string {
    const q = this.#pending.get(name) ?? [];
    if (id !== undefined) {
      const i = q.indexOf(id);
      if (i >= 0) q.splice(i, 1);
      return id;
    }
    return q.shift() ?? `${name}_result_${this.#count++}`;
  }
}

export function partsToIR(parts: unknown, ids: CallIds, at: string, warnings: string[]): ContentPart[] {
  if (!Array.isArray(parts)) return [];
  const out: ContentPart[] = [];
  parts.forEach((raw, i) => {
    if (!isObj(raw)) return;
    let sig = optStr(raw.thoughtSignature);
    // Another family's reasoning the router carried through this client (see ../reasoning-carry.ts): restored in
    // front of the part that carried it; an unreadable wrapper is dropped, never forwarded.
    const carried = restoreReasoning(sig, "", warnings, `${at}[${i}].thoughtSignature`);
    if (carried !== undefined) {
      if (carried) out.push(carried);
      sig = undefined;
    }
    if (raw.thought === true) {
      const text = optStr(raw.text) ?? "";
      const prev = out[out.length - 1];
      if (prev?.type === "reasoning" && prev.family === "google" && !prev.encrypted) {
        prev.text += text;
        if (sig) prev.encrypted = sig;
      } else out.push({ type: "reasoning", text, family: "google", ...(sig && { encrypted: sig }) });
      return;
    }
    if (sig && sig !== SKIP_SIGNATURE) out.push({ type: "reasoning", text: "", family: "google", encrypted: sig });
    if (typeof raw.text === "string") {
      if (raw.text) out.push({ type: "text", text: raw.text });
    } else if (isObj(raw.functionCall)) {
      const fc = raw.functionCall;
      const name = String(fc.name ?? "");
      out.push({
        type: "tool_call",
        id: ids.call(name, optStr(fc.id)),
        name,
        arguments: JSON.stringify(isObj(fc.args) ? fc.args : {}),
        kind: "function",
      });
    } else if (isObj(raw.functionResponse)) {
      const fr = raw.functionResponse;
      const name = String(fr.name ?? "");
      const { text, isError } = responseText(fr.response);
      out.push({
        type: "tool_result",
        callId: ids.result(name, optStr(fr.id)),
        name,
        content: text ? [{ type: "text", text }] : [],
        ...(isError && { isError: true }),
      });
    } else if (isObj(raw.inlineData)) {
      out.push(media(optStr(raw.inlineData.mimeType), { data: optStr(raw.inlineData.data) ?? "" }));
    } else if (isObj(raw.fileData)) {
      out.push(media(optStr(raw.fileData.mimeType), { url: optStr(raw.fileData.fileUri) ?? "" }));
    } else if (isObj(raw.executableCode)) {
      out.push({ type: "text", text: `\`\`\`\n${String(raw.executableCode.code ?? "")}\n\`\`\`` });
    } else if (isObj(raw.codeExecutionResult)) {
      out.push({ type: "text", text: String(raw.codeExecutionResult.output ?? "") });
    } else if (!sig && carried === undefined) {
      warnings.push(`${at}[${i}]: unsupported Gemini part (${Object.keys(raw).join(",")}); dropped`);
    }
  });
  return out;
}

function media(mimeType: string | undefined, src: { data?: string; url?: string }): ImagePart | DocumentPart {
  const mediaType = mimeType ?? "application/octet-stream";
  return mediaType.startsWith("image/")
    ? { type: "image", mediaType, ...src }
    : { type: "document", mediaType, ...src };
}

/** Gemini CLI wraps tool output as {output: "..."} or {error: "..."}; anything else is kept as JSON text. */
function responseText(response: unknown): { text: string; isError: boolean } {
  if (isObj(response)) {
    const keys = Object.keys(response);
    if (keys.length === 1 && typeof response.output === "string") return { text: response.output, isError: false };
    if (keys.length === 1 && typeof response.error === "string") return { text: response.error, isError: true };
  }
  if (typeof response === "string") return { text: response, isError: false };
  return { text: response === undefined ? "" : JSON.stringify(response), isError: false };
}

/** Parses JSON tool arguments into a Gemini args object; raw/freeform input is wrapped as {input}. */
export function argsObject(args: string): Obj {
  if (!args) return {};
  try {
    const v: unknown = JSON.parse(args);
    return isObj(v) ? v : { input: v };
  } catch {
    return { input: args };
  }
}

/** IR parts of one message → Gemini parts. `names` resolves a tool result's function name from its call id. */
export function partsFromIR(
  content: ContentPart[],
  role: "user" | "model",
  names: Map<string, string>,
  warnings: string[],
  /** Request history (true) gets the signature sentinel on unsigned calls; a response to a client (false) does not. */
  replay = true,
): Obj[] {
  const out: Obj[] = [];
  let signature: string | undefined;
  let firstCall = true;
  const withSig = (p: Obj): Obj => {
    if (signature) {
      p.thoughtSignature = signature;
      signature = undefined;
    }
    return p;
  };
  /** A second signature before any part could carry the first: the first rides on an empty text part. */
  const setSig = (s: string) => {
    if (signature) out.push({ text: "", thoughtSignature: signature });
    signature = s;
  };
  for (const part of content) {
    switch (part.type) {
      case "text":
        if (part.text) out.push(withSig({ text: part.text }));
        break;
      case "image":
      case "document":
        out.push(mediaPart(part, warnings));
        break;
      case "tool_call": {
        names.set(part.id, part.name);
        if (part.kind === "custom")
          warnings.push(`custom tool call "${part.name}" sent to Gemini as {input} arguments`);
        const p = withSig({ functionCall: { id: part.id, name: part.name, args: argsObject(part.arguments) } });
        // Gemini 3 rejects a replayed function call without a signature unless it carries the documented sentinel.
        if (replay && role === "model" && firstCall && !p.thoughtSignature) p.thoughtSignature = SKIP_SIGNATURE;
        firstCall = false;
        out.push(p);
        break;
      }
      case "tool_result": {
        const name = part.name ?? names.get(part.callId) ?? "unknown_function";
        const text = part.content
          .filter((c): c is TextPart => c.type === "text")
          .map((c) => c.text)
          .join("\n");
        if (part.content.some((c) => c.type === "image"))
          warnings.push("images inside a tool result are not sent to Gemini; dropped");
        out.push({
          functionResponse: { id: part.callId, name, response: part.isError ? { error: text } : { output: text } },
        });
        break;
      }
      case "reasoning":
        if (replay) reasoningPart(part, out, warnings, setSig);
        else clientReasoningPart(part, out, setSig);
        break;
    }
  }
  if (signature) out.push({ text: "", thoughtSignature: signature });
  return out;
}

/** A reasoning part in a request to Gemini: Gemini's own thought / signature; other families dropped. */
function reasoningPart(part: ReasoningPart, out: Obj[], warnings: string[], setSig: (s: string) => void): void {
  if (part.family !== "google") {
    if (part.text || part.encrypted || part.signature)
      warnings.push(`reasoning from family "${part.family}" is not sent to Gemini; dropped`);
    return;
  }
  if (isWrapped(part.encrypted)) {
    warnings.push("undecoded CodeRouter reasoning wrapper dropped (never sent to a provider)");
    return;
  }
  if (part.text)
    out.push({ text: part.text, thought: true, ...(part.encrypted ? { thoughtSignature: part.encrypted } : {}) });
  else if (part.encrypted) setSig(part.encrypted);
}

/**
 * A reasoning part in a response to a Gemini client: Gemini's own as in a request; another family's text as a
 * thought, its payload wrapped (../reasoning-carry.ts) as the thoughtSignature of the part that follows, which
 * Gemini clients keep in their history (they drop thought parts).
 */
function clientReasoningPart(part: ReasoningPart, out: Obj[], setSig: (s: string) => void): void {
  if (part.family === "google") {
    reasoningPart(part, out, [], setSig);
    return;
  }
  if (part.text) out.push({ text: part.text, thought: true });
  const wrapped = wrapReasoning(part);
  if (wrapped) setSig(wrapped);
}

function mediaPart(part: ImagePart | DocumentPart, warnings: string[]): Obj {
  if (part.data !== undefined)
    return { inlineData: { mimeType: part.mediaType ?? "application/octet-stream", data: part.data } };
  const url = part.url ?? "";
  const m = /^data:([^;,]+)?(?:;[^;,]+)*;base64,(.*)$/s.exec(url);
  if (m) return { inlineData: { mimeType: m[1] ?? part.mediaType ?? "application/octet-stream", data: m[2] } };
  if (!part.mediaType) warnings.push("media URL without a media type sent to Gemini as fileData");
  return {
    fileData: { mimeType: part.mediaType ?? (part.type === "image" ? "image/jpeg" : "application/pdf"), fileUri: url },
  };
}

export type { ToolCallPart };
