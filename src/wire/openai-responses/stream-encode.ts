/**
 * IR stream events → Responses SSE, in the documented order: response.created, response.in_progress, then per item
 * output_item.added → (content_part.added → output_text.delta… → output_text.done → content_part.done |
 * function_call_arguments.delta… → .done | reasoning_summary_*) → output_item.done (full item, which Codex relies
 * on), and response.completed / response.incomplete carrying the full response, usage and the `coderouter` trailer.
 */
import type { IRStreamEvent, IRUsage, ModelFamily } from "../../ir/types.js";
import { formatSSE } from "../../sse/parser.js";
import { newId, type Obj } from "../internal/guards.js";
import type { StreamEncoder, StreamEncoderOptions } from "../types.js";
import { streamErrorEvents } from "./errors.js";
import { stopReasonFromIR } from "./finish.js";
import { reasoningItem, responseId, toolCallItem } from "./response.js";
import { usageFromIR } from "./usage.js";

interface OpenItem {
  outputIndex: number;
  itemId: string;
  kind: "text" | "tool" | "reasoning";
  text: string;
  call?: { id: string; name: string; kind?: "function" | "custom"; namespace?: string };
  family?: ModelFamily;
  /** The reasoning block's own id (OpenAI `rs_…`), kept inside the wrapper for other families. */
  reasoningId?: string;
  encrypted?: string;
  signature?: string;
  summaryStarted?: boolean;
}

export function createStreamEncoder(opts: StreamEncoderOptions): StreamEncoder {
  let seq = 0;
  let id = newId("resp_");
  let createdAt = Math.floor(Date.now() / 1000);
  let started = false;
  let finished = false;
  const output: Obj[] = [];
  const open = new Map<number, OpenItem>();

  const emit = (type: string, payload: Obj): string =>
    formatSSE(JSON.stringify({ type, sequence_number: seq++, ...payload }), type);

  const snapshot = (status: string, extra: Obj = {}): Obj => ({
    id,
    object: "response",
    created_at: createdAt,
    status,
    error: null,
    incomplete_details: null,
    model: opts.model,
    output: status === "in_progress" ? [] : output,
    parallel_tool_calls: true,
    tool_choice: "auto",
    tools: [],
    usage: null,
    ...extra,
  });

  const start = (respId?: string): string => {
    if (started) return "";
    started = true;
    if (respId) id = responseId(respId);
    createdAt = Math.floor(Date.now() / 1000);
    return (
      emit("response.created", { response: snapshot("in_progress") }) +
      emit("response.in_progress", { response: snapshot("in_progress") })
    );
  };

  const blockStart = (ev: Extract<IRStreamEvent, { type: "block_start" }>): string => {
    const outputIndex = output.length + open.size;
    const b = ev.block;
    if (b.type === "text") {
      const item: OpenItem = { outputIndex, itemId: newId("msg_"), kind: "text", text: "" };
      open.set(ev.index, item);
      return (
        emit("response.output_item.added", {
          output_index: outputIndex,
          item: { id: item.itemId, type: "message", status: "in_progress", content: [], role: "assistant" },
        }) +
        emit("response.content_part.added", {
          item_id: item.itemId,
          output_index: outputIndex,
          content_index: 0,
          part: { type: "output_text", annotations: [], logprobs: [], text: "" },
        })
      );
    }
    if (b.type === "tool_call") {
      const call = { id: b.id, name: b.name, kind: b.kind, namespace: b.namespace };
      const item: OpenItem = {
        outputIndex,
        itemId: newId(b.kind === "custom" ? "ctc_" : "fc_"),
        kind: "tool",
        text: "",
        call,
      };
      open.set(ev.index, item);
      return emit("response.output_item.added", {
        output_index: outputIndex,
        item: toolCallItem({ ...call, arguments: "" }, "in_progress", item.itemId),
      });
    }
    const item: OpenItem = {
      outputIndex,
      itemId: b.family === "openai" && b.id?.startsWith("rs_") ? b.id : newId("rs_"),
      kind: "reasoning",
      text: "",
      family: b.family,
      ...(b.id && { reasoningId: b.id }),
    };
    open.set(ev.index, item);
    return emit("response.output_item.added", {
      output_index: outputIndex,
      item: { id: item.itemId, type: "reasoning", summary: [] },
    });
  };

  const blockDelta = (ev: Extract<IRStreamEvent, { type: "block_delta" }>): string => {
    const item = open.get(ev.index);
    if (!item) return "";
    const d = ev.delta;
    const at = { item_id: item.itemId, output_index: item.outputIndex };
    switch (d.type) {
      case "text":
        if (item.kind !== "text") return "";
        item.text += d.text;
        return emit("response.output_text.delta", { ...at, content_index: 0, delta: d.text, logprobs: [] });
      case "tool_args":
        if (item.kind !== "tool") return "";
        item.text += d.partial;
        return emit(
          item.call?.kind === "custom"
            ? "response.custom_tool_call_input.delta"
            : "response.function_call_arguments.delta",
          {
            ...at,
            delta: d.partial,
          },
        );
      case "reasoning": {
        if (item.kind !== "reasoning" || !d.text) return "";
        let s = "";
        if (!item.summaryStarted) {
          item.summaryStarted = true;
          s += emit("response.reasoning_summary_part.added", {
            ...at,
            summary_index: 0,
            part: { type: "summary_text", text: "" },
          });
        }
        item.text += d.text;
        return s + emit("response.reasoning_summary_text.delta", { ...at, summary_index: 0, delta: d.text });
      }
      case "encrypted":
        if (item.kind === "reasoning") item.encrypted = (item.encrypted ?? "") + d.data;
        return "";
      case "signature":
        // Claude's signature reaches the client only wrapped in encrypted_content (written at item done).
        if (item.kind === "reasoning") item.signature = (item.signature ?? "") + d.signature;
        return "";
    }
  };

  const blockStop = (index: number): string => {
    const item = open.get(index);
    if (!item) return "";
    open.delete(index);
    const at = { item_id: item.itemId, output_index: item.outputIndex };
    let s = "";
    let full: Obj;
    if (item.kind === "text") {
      const part = { type: "output_text", annotations: [], logprobs: [], text: item.text };
      s += emit("response.output_text.done", { ...at, content_index: 0, text: item.text, logprobs: [] });
      s += emit("response.content_part.done", { ...at, content_index: 0, part });
      full = { id: item.itemId, type: "message", status: "completed", content: [part], role: "assistant" };
    } else if (item.kind === "tool" && item.call) {
      s +=
        item.call.kind === "custom"
          ? emit("response.custom_tool_call_input.done", { ...at, input: item.text })
          : emit("response.function_call_arguments.done", { ...at, name: item.call.name, arguments: item.text });
      full = toolCallItem({ ...item.call, arguments: item.text }, "completed", item.itemId);
    } else {
      if (item.summaryStarted) {
        s += emit("response.reasoning_summary_text.done", { ...at, summary_index: 0, text: item.text });
        s += emit("response.reasoning_summary_part.done", {
          ...at,
          summary_index: 0,
          part: { type: "summary_text", text: item.text },
        });
      }
      full = reasoningItem(
        {
          family: item.family ?? "other",
          text: item.text,
          ...(item.encrypted && { encrypted: item.encrypted }),
          ...(item.signature && { signature: item.signature }),
          ...(item.reasoningId && { id: item.reasoningId }),
        },
        item.itemId,
      );
    }
    output[item.outputIndex] = full;
    return s + emit("response.output_item.done", { output_index: item.outputIndex, item: full });
  };

  const closeAll = (): string =>
    [...open.keys()]
      .sort((a, b) => a - b)
      .map(blockStop)
      .join("");

  const finish = (ev: Extract<IRStreamEvent, { type: "finish" }>): string => {
    let s = closeAll();
    const { status, incomplete_details } = stopReasonFromIR(ev.stopReason);
    const trailer = opts.trailer?.(ev.usage);
    const usage: IRUsage = ev.usage;
    const response = snapshot(status, {
      incomplete_details,
      usage: usageFromIR(usage),
      ...(status === "completed" && { completed_at: Math.floor(Date.now() / 1000) }),
      ...(trailer && { coderouter: trailer }),
    });
    if (status === "failed") {
      response.error = { code: "server_error", message: "upstream reported an error" };
      s += emit("response.failed", { response });
    } else s += emit(status === "incomplete" ? "response.incomplete" : "response.completed", { response });
    finished = true;
    return s;
  };

  return {
    push(ev: IRStreamEvent): string {
      if (finished) return "";
      switch (ev.type) {
        case "message_start":
          return start(ev.id);
        case "block_start":
          return start() + blockStart(ev);
        case "block_delta":
          return start() + blockDelta(ev);
        case "block_stop":
          return blockStop(ev.index);
        case "finish":
          return start() + finish(ev);
        case "error": {
          finished = true;
          const s = start() + closeAll();
          const out = streamErrorEvents(ev.error.message, ev.error.type, ev.error.type, seq, id, opts.model);
          seq += 2;
          return s + out;
        }
      }
    },
    end(): string {
      if (finished) return "";
      finished = true;
      return (
        start() +
        streamErrorEvents(
          "upstream stream ended unexpectedly",
          "server_error",
          "stream_interrupted",
          seq,
          id,
          opts.model,
        )
      );
    },
  };
}
