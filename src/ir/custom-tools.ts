/**
 * Freeform ("custom") tools — Codex's `exec`, Copilot's patch tool — exist only in OpenAI's APIs. Encoders for the
 * other formats declare them as a JSON tool with one string field `input`; the model then answers with a *function*
 * call `{"input": "…"}`. This turns such calls back into custom calls carrying the raw input, so a Responses client
 * gets the `custom_tool_call` it offered, whichever model answered.
 */
import type { ApiKind, IRRequest, IRResponse, IRStreamEvent } from "./types.js";

const NATIVE_CUSTOM: ReadonlySet<ApiKind> = new Set(["openai-chat", "openai-responses"]);

/** Names of the request's custom tools when the upstream format cannot carry them natively, else null. */
export function wrappedCustomTools(req: IRRequest, upstream: ApiKind): Set<string> | null {
  if (NATIVE_CUSTOM.has(upstream)) return null;
  const names = new Set<string>();
  for (const t of req.tools) if (t.kind === "custom") names.add(t.name);
  return names.size > 0 ? names : null;
}

function unwrap(args: string): string {
  try {
    const v = JSON.parse(args || "{}");
    if (v && typeof v === "object" && typeof v.input === "string") return v.input;
  } catch {}
  return args;
}

export function unwrapCustomCalls(res: IRResponse, names: Set<string>): IRResponse {
  for (const p of res.content) {
    if (p.type === "tool_call" && names.has(p.name) && p.kind !== "custom") {
      p.kind = "custom";
      p.arguments = unwrap(p.arguments);
    }
  }
  return res;
}

/** Per-stream transform: buffers the argument pieces of wrapped custom calls and emits the raw input at block end. */
export function customCallUnwrapper(names: Set<string>): (ev: IRStreamEvent) => IRStreamEvent[] {
  const open = new Map<number, string>();
  return (ev) => {
    if (ev.type === "block_start" && ev.block.type === "tool_call" && names.has(ev.block.name)) {
      open.set(ev.index, "");
      return [{ ...ev, block: { ...ev.block, kind: "custom" } }];
    }
    if (ev.type === "block_delta" && ev.delta.type === "tool_args" && open.has(ev.index)) {
      open.set(ev.index, open.get(ev.index)! + ev.delta.partial);
      return [];
    }
    if (ev.type === "block_stop" && open.has(ev.index)) {
      const input = unwrap(open.get(ev.index)!);
      open.delete(ev.index);
      return [{ type: "block_delta", index: ev.index, delta: { type: "tool_args", partial: input } }, ev];
    }
    return [ev];
  };
}
