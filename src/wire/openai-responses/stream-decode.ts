/** Responses SSE events → IR stream events. One instance per upstream stream. */
import type { IRStreamEvent } from "../../ir/types.js";
import type { SSEEvent } from "../../sse/parser.js";
import { isObj, type Obj, optStr } from "../internal/guards.js";
import type { StreamDecoder } from "../types.js";
import { statusForCode } from "./errors.js";
import { stopReasonToIR } from "./finish.js";
import { usageToIR } from "./usage.js";

interface Block {
  index: number;
  kind: "text" | "tool" | "reasoning";
  /** Accumulated tool arguments / input (to fill in what deltas did not carry). */
  args: string;
  encryptedSent: boolean;
  open: boolean;
  /** Last reasoning summary index seen, to separate summary parts. */
  summaryIndex: number;
}

export function createStreamDecoder(): StreamDecoder {
  let started = false;
  let done = false;
  let next = 0;
  let sawToolCall = false;
  /** Key: item id (tools/reasoning) or `${item_id}:${content_index}` (text parts). */
  const blocks = new Map<string, Block>();
  /** output_index → item id, for events that only carry output_index. */
  const itemIds = new Map<number, string>();

  const out: IRStreamEvent[] = [];
  const open = (key: string, kind: Block["kind"], block: Extract<IRStreamEvent, { type: "block_start" }>["block"]) => {
    const b: Block = { index: next++, kind, args: "", encryptedSent: false, open: true, summaryIndex: 0 };
    blocks.set(key, b);
    out.push({ type: "block_start", index: b.index, block });
    return b;
  };
  const close = (b: Block | undefined) => {
    if (!b?.open) return;
    b.open = false;
    out.push({ type: "block_stop", index: b.index });
  };
  const closeAll = () => {
    for (const b of [...blocks.values()].sort((x, y) => x.index - y.index)) close(b);
  };
  const itemKey = (d: Obj): string =>
    optStr(d.item_id) ?? itemIds.get(Number(d.output_index)) ?? `#${String(d.output_index)}`;
  const textBlock = (d: Obj): Block => {
    const key = `${itemKey(d)}:${String(d.content_index ?? 0)}`;
    return blocks.get(key) ?? open(key, "text", { type: "text" });
  };
  const start = (response: unknown) => {
    if (started) return;
    started = true;
    const r = isObj(response) ? response : {};
    out.push({ type: "message_start", id: optStr(r.id) ?? "", model: optStr(r.model) ?? "" });
  };
  const fail = (status: number, type: string, message: string) => {
    closeAll();
    out.push({ type: "error", error: { status, type, message } });
    done = true;
  };

  const onItemAdded = (d: Obj) => {
    const item = isObj(d.item) ? d.item : {};
    const id = optStr(item.id) ?? `#${String(d.output_index)}`;
    if (typeof d.output_index === "number") itemIds.set(d.output_index, id);
    if (item.type === "function_call" || item.type === "custom_tool_call") {
      sawToolCall = true;
      const custom = item.type === "custom_tool_call";
      const b = open(id, "tool", {
        type: "tool_call",
        id: String(item.call_id ?? id),
        name: String(item.name ?? ""),
        kind: custom ? "custom" : "function",
        ...(typeof item.namespace === "string" && { namespace: item.namespace }),
      });
      const initial = custom ? item.input : item.arguments;
      if (typeof initial === "string" && initial) toolArgs(b, initial);
    } else if (item.type === "reasoning") {
      open(id, "reasoning", { type: "reasoning", family: "openai", id });
    }
  };
  const toolArgs = (b: Block, partial: string) => {
    b.args += partial;
    out.push({ type: "block_delta", index: b.index, delta: { type: "tool_args", partial } });
  };
  /** Emits whatever part of the final arguments the deltas did not carry. */
  const completeArgs = (b: Block | undefined, full: unknown) => {
    if (!b?.open || typeof full !== "string") return;
    if (full.length > b.args.length && full.startsWith(b.args)) toolArgs(b, full.slice(b.args.length));
  };
  const onItemDone = (d: Obj) => {
    const item = isObj(d.item) ? d.item : {};
    const id = optStr(item.id) ?? itemIds.get(Number(d.output_index)) ?? `#${String(d.output_index)}`;
    if (item.type === "function_call" || item.type === "custom_tool_call") {
      if (!blocks.has(id)) onItemAdded({ ...d, item: { ...item, arguments: "", input: "" } });
      const b = blocks.get(id);
      completeArgs(b, item.type === "custom_tool_call" ? item.input : item.arguments);
      close(b);
    } else if (item.type === "reasoning") {
      const b = blocks.get(id) ?? open(id, "reasoning", { type: "reasoning", family: "openai", id });
      if (b.open && !b.encryptedSent && typeof item.encrypted_content === "string") {
        b.encryptedSent = true;
        out.push({ type: "block_delta", index: b.index, delta: { type: "encrypted", data: item.encrypted_content } });
      }
      close(b);
    } else if (item.type === "message") {
      let any = false;
      for (const [key, b] of blocks) {
        if (key.startsWith(`${id}:`)) {
          any = true;
          close(b);
        }
      }
      // A message that arrived whole (no deltas): emit its text now.
      if (!any && Array.isArray(item.content)) {
        item.content.forEach((p, ci) => {
          if (!isObj(p)) return;
          const text = p.type === "output_text" ? p.text : p.type === "refusal" ? p.refusal : undefined;
          if (typeof text !== "string" || !text) return;
          const b = open(`${id}:${ci}`, "text", { type: "text" });
          out.push({ type: "block_delta", index: b.index, delta: { type: "text", text } });
          close(b);
        });
      }
    }
  };
  const onReasoningDelta = (d: Obj) => {
    const key = itemKey(d);
    const b = blocks.get(key) ?? open(key, "reasoning", { type: "reasoning", family: "openai", id: key });
    const si = typeof d.summary_index === "number" ? d.summary_index : 0;
    let text = String(d.delta ?? "");
    if (si > b.summaryIndex) {
      b.summaryIndex = si;
      text = `\n\n${text}`;
    }
    if (text) out.push({ type: "block_delta", index: b.index, delta: { type: "reasoning", text } });
  };
  const onFinal = (d: Obj) => {
    const r = isObj(d.response) ? d.response : {};
    start(r);
    // Items the stream never announced but the final response carries (some compatible servers do this).
    closeAll();
    out.push({
      type: "finish",
      stopReason: stopReasonToIR(
        r.status ?? (d.type === "response.incomplete" ? "incomplete" : "completed"),
        r.incomplete_details,
        sawToolCall,
      ),
      usage: usageToIR(r.usage),
    });
    done = true;
  };

  return {
    push(ev: SSEEvent): IRStreamEvent[] {
      out.length = 0;
      if (done || ev.data === "[DONE]" || ev.data === "") return [];
      let d: Obj;
      try {
        const parsed: unknown = JSON.parse(ev.data);
        if (!isObj(parsed)) return [];
        d = parsed;
      } catch {
        fail(502, "bad_gateway", "upstream sent an invalid Responses stream event");
        return [...out];
      }
      const type = optStr(d.type) ?? ev.event;
      if (type !== "error" && type !== "response.failed") start(d.response);
      switch (type) {
        case "response.output_item.added":
          onItemAdded(d);
          break;
        case "response.content_part.added":
          if (isObj(d.part) && (d.part.type === "output_text" || d.part.type === "refusal")) textBlock(d);
          break;
        case "response.output_text.delta":
        case "response.refusal.delta": {
          const b = textBlock(d);
          const text = String(d.delta ?? "");
          if (text) out.push({ type: "block_delta", index: b.index, delta: { type: "text", text } });
          break;
        }
        case "response.content_part.done":
          close(blocks.get(`${itemKey(d)}:${String(d.content_index ?? 0)}`));
          break;
        case "response.function_call_arguments.delta":
        case "response.custom_tool_call_input.delta": {
          const b = blocks.get(itemKey(d));
          if (b?.open) toolArgs(b, String(d.delta ?? ""));
          break;
        }
        case "response.function_call_arguments.done":
          completeArgs(blocks.get(itemKey(d)), d.arguments);
          break;
        case "response.custom_tool_call_input.done":
          completeArgs(blocks.get(itemKey(d)), d.input);
          break;
        case "response.reasoning_summary_text.delta":
        case "response.reasoning_text.delta":
          onReasoningDelta(d);
          break;
        case "response.output_item.done":
          onItemDone(d);
          break;
        case "response.completed":
        case "response.incomplete":
          onFinal(d);
          break;
        case "response.failed": {
          const r = isObj(d.response) ? d.response : {};
          const e = isObj(r.error) ? r.error : {};
          const code = optStr(e.code) ?? "api_error";
          fail(statusForCode(code) ?? 500, code, optStr(e.message) ?? "upstream response failed");
          break;
        }
        case "error": {
          const e = isObj(d.error) ? d.error : d;
          const code = optStr(e.code) ?? optStr(e.type) ?? "api_error";
          fail(statusForCode(code) ?? 500, code, optStr(e.message) ?? "upstream stream error");
          break;
        }
        default:
          break; // in_progress, *.done duplicates, annotations, web search progress …
      }
      return [...out];
    },
    end(): IRStreamEvent[] {
      out.length = 0;
      if (done) return [];
      fail(502, "bad_gateway", "upstream Responses stream ended before response.completed");
      return [...out];
    },
  };
}
