/**
 * Reading a provider-format request: which tools it offers and whether it ends with a tool result — per wire
 * format, so the fake upstream can tell "first turn" (answer with a tool call) from "tool result came back"
 * (answer with the final text). Pure functions over the parsed JSON body.
 */
import type { Format } from "./replies.js";

export interface ToolResult {
  /** tool_use_id / tool_call_id / call_id, or the function name for Gemini (its call ids are optional). */
  id: string;
  text: string;
  /** Where it sat, e.g. `messages[3].content[0] (tool_result)`. */
  where: string;
}

const textOf = (v: unknown): string => {
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.map(textOf).join("");
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.text === "string") return o.text;
    if ("output" in o) return textOf(o.output);
    if ("content" in o) return textOf(o.content);
    return JSON.stringify(o);
  }
  return v === undefined || v === null ? "" : String(v);
};

export function formatForPath(path: string): Format | undefined {
  if (/\/v1\/messages$/.test(path)) return "anthropic-messages";
  if (path.endsWith("/chat/completions")) return "openai-chat";
  if (path.endsWith("/responses")) return "openai-responses";
  if (/:(stream)?[gG]enerateContent$/.test(path)) return "gemini";
  return undefined;
}

export function offeredTools(format: Format, body: any): string[] {
  const tools: any[] = Array.isArray(body?.tools) ? body.tools : [];
  switch (format) {
    case "anthropic-messages":
      return tools.map((t) => t?.name).filter(Boolean);
    case "openai-chat":
      return tools.map((t) => t?.function?.name ?? t?.custom?.name ?? t?.name).filter(Boolean);
    case "openai-responses":
      return tools
        .flatMap((t) => (t?.type === "namespace" ? (t.tools ?? []).map((x: any) => x?.name) : [t?.name]))
        .filter(Boolean);
    case "gemini":
      return tools.flatMap((t) => (t?.functionDeclarations ?? []).map((d: any) => d?.name)).filter(Boolean);
  }
}

/** The tool results at the end of the conversation (the turn the client just sent), if any. */
export function trailingToolResults(format: Format, body: any): ToolResult[] {
  switch (format) {
    case "anthropic-messages": {
      const msgs: any[] = body?.messages ?? [];
      const i = msgs.length - 1;
      const last = msgs[i];
      if (last?.role !== "user" || !Array.isArray(last.content)) return [];
      return last.content.flatMap((b: any, j: number) =>
        b?.type === "tool_result"
          ? [
              {
                id: String(b.tool_use_id),
                text: textOf(b.content),
                where: `messages[${i}].content[${j}] (tool_result)`,
              },
            ]
          : [],
      );
    }
    case "openai-chat": {
      const msgs: any[] = body?.messages ?? [];
      const out: ToolResult[] = [];
      for (let i = msgs.length - 1; i >= 0 && msgs[i]?.role === "tool"; i--)
        out.unshift({
          id: String(msgs[i].tool_call_id),
          text: textOf(msgs[i].content),
          where: `messages[${i}] (role tool)`,
        });
      return out;
    }
    case "openai-responses": {
      const items: any[] = Array.isArray(body?.input) ? body.input : [];
      const out: ToolResult[] = [];
      for (let i = items.length - 1; i >= 0; i--) {
        const t = items[i]?.type;
        if (t !== "function_call_output" && t !== "custom_tool_call_output") break;
        out.unshift({ id: String(items[i].call_id), text: textOf(items[i].output), where: `input[${i}] (${t})` });
      }
      return out;
    }
    case "gemini": {
      const contents: any[] = body?.contents ?? [];
      const i = contents.length - 1;
      const parts: any[] = contents[i]?.parts ?? [];
      return parts.flatMap((p, j) =>
        p?.functionResponse
          ? [
              {
                id: String(p.functionResponse.name),
                text: textOf(p.functionResponse.response),
                where: `contents[${i}].parts[${j}] (functionResponse ${p.functionResponse.name})`,
              },
            ]
          : [],
      );
    }
  }
}

export function wantsStream(format: Format, path: string, body: any): boolean {
  return format === "gemini" ? path.includes(":streamGenerateContent") : body?.stream === true;
}

/** The shell tools the fake model knows how to call, and the arguments each agent's tool takes. */
export const SHELL_TOOLS: Record<string, (cmd: string) => Record<string, unknown>> = {
  Bash: (cmd) => ({ command: cmd, description: "Write out.txt and show it" }),
  exec_command: (cmd) => ({ cmd }),
  shell_command: (cmd) => ({ command: cmd }),
  shell: (cmd) => ({ command: ["bash", "-lc", cmd] }),
  run_shell_command: (cmd) => ({ command: cmd, description: "Write out.txt and show it" }),
};

/** Whether a thinking model would attach its reasoning artifact (signature / encrypted content) to this reply. */
export function wantsReasoning(format: Format, body: any): boolean {
  switch (format) {
    case "anthropic-messages":
      return body?.thinking?.type === "enabled" || body?.thinking?.type === "adaptive";
    case "openai-responses":
      return !!body?.reasoning && (body?.include ?? []).includes("reasoning.encrypted_content");
    case "gemini":
      return true; // Gemini 3 signs every function call part (thoughtSignature)
    case "openai-chat":
      return false;
  }
}

/** Gemini's documented value for a function call whose signature was lost (e.g. history from another model). */
export const GEMINI_SKIP_SIGNATURE = "skip_thought_signature_validator";

export interface Audit {
  /** Documented rules the real provider enforces with a 400, broken by this request. */
  violations: string[];
  /** Observations (reasoning round trip) that are not errors. */
  notes: string[];
}

const lastIndex = <T>(xs: T[], f: (x: T) => boolean) => {
  for (let i = xs.length - 1; i >= 0; i--) if (f(xs[i])) return i;
  return -1;
};

/**
 * Checks a request against provider rules a lenient fake would otherwise let through, given the reasoning
 * signatures this fake issued: length limits (OpenAI: safety_identifier and Responses call_id ≤ 64 chars), the
 * Anthropic rule that with thinking on, the assistant turn of an ongoing tool loop starts with its (unaltered)
 * thinking block, and the Gemini 3 rule that function calls of the current turn carry their thoughtSignature.
 */
export function audit(format: Format, body: any, signatures: string[]): Audit {
  const violations: string[] = [];
  const notes: string[] = [];
  const sid = body?.safety_identifier;
  if ((format === "openai-responses" || format === "openai-chat") && typeof sid === "string" && sid.length > 64)
    violations.push(
      `safety_identifier is ${sid.length} chars (OpenAI: maximum length 64): ${JSON.stringify(sid.slice(0, 60))}…`,
    );
  if (format === "openai-responses") {
    const items: any[] = Array.isArray(body?.input) ? body.input : [];
    items.forEach((it, i) => {
      if (typeof it?.call_id === "string" && it.call_id.length > 64)
        violations.push(`input[${i}].call_id is ${it.call_id.length} chars (OpenAI: maximum length 64)`);
    });
    if (signatures.length && trailingToolResults(format, body).length) {
      const back = items.some((it) => it?.type === "reasoning" && signatures.includes(it.encrypted_content));
      notes.push(back ? "reasoning item (encrypted_content) returned" : "reasoning item not returned");
    }
  }
  if (format === "anthropic-messages" && signatures.length && !wantsReasoning(format, body))
    notes.push("thinking turned off on this turn (the model's thinking block was not carried back)");
  if (format === "anthropic-messages" && wantsReasoning(format, body) && trailingToolResults(format, body).length) {
    const msgs: any[] = body?.messages ?? [];
    const i = lastIndex(msgs, (m) => m?.role === "assistant");
    const content: any[] = Array.isArray(msgs[i]?.content) ? msgs[i].content : [];
    if (content.some((b) => b?.type === "tool_use")) {
      const first = content[0];
      if (first?.type !== "thinking" && first?.type !== "redacted_thinking")
        violations.push(
          `thinking is on but messages[${i}] (assistant, tool_use) starts with ${first?.type ?? "nothing"}, not its thinking block (Anthropic: 400 "a final assistant message must start with a thinking block")`,
        );
      else if (first.type === "thinking" && signatures.length && !signatures.includes(first.signature))
        violations.push(`messages[${i}] thinking block signature was altered (Anthropic verifies it)`);
      else notes.push("thinking block + signature returned");
    }
  }
  if (format === "gemini" && trailingToolResults(format, body).length) {
    const contents: any[] = body?.contents ?? [];
    const i = lastIndex(contents, (c) => c?.role === "model");
    const calls: any[] = (contents[i]?.parts ?? []).filter((p: any) => p?.functionCall);
    const sig = calls[0]?.thoughtSignature;
    if (calls.length && !sig)
      violations.push(`contents[${i}] functionCall has no thoughtSignature (Gemini 3: 400 for the current turn)`);
    else if (sig === GEMINI_SKIP_SIGNATURE)
      notes.push(
        `thoughtSignature replaced by "${GEMINI_SKIP_SIGNATURE}"${signatures.length ? " (the model's was dropped)" : ""}`,
      );
    else if (sig && signatures.length && !signatures.includes(sig))
      violations.push(`contents[${i}] functionCall thoughtSignature was altered`);
    else if (sig) notes.push("thoughtSignature returned");
  }
  return { violations, notes };
}
