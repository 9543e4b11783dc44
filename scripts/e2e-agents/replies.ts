/**
 * The two scripted model replies — a tool call, then the final text — encoded in each provider's streaming wire
 * format with the event sequences the providers document (and the recorded fixtures in test/fixtures/upstream show):
 * Anthropic Messages SSE, OpenAI Chat Completions chunks, OpenAI Responses events, Gemini `alt=sse` chunks.
 * Pure functions: reply in, SSE text (or a JSON body for non-streaming calls) out.
 */

export type Format = "anthropic-messages" | "openai-chat" | "openai-responses" | "gemini";

export type Reply =
  | { kind: "tool"; preamble: string; name: string; args: Record<string, unknown>; callId: string }
  | { kind: "text"; text: string };

export interface Ctx {
  model: string;
  /** Stable id for the response/message (per request). */
  id: string;
  /**
   * When set, the reply carries the provider's reasoning artifact with this opaque value, as a thinking model
   * does: an Anthropic `thinking` block with this `signature`, a Responses `reasoning` item with this
   * `encrypted_content`, a Gemini `thoughtSignature` on the function call part.
   */
  signature?: string;
}

const THOUGHT = "The user wants a file; run one shell command.";

const USAGE = { input: 1200, output: 40 };

const ev = (event: string | undefined, data: unknown) =>
  `${event ? `event: ${event}\n` : ""}data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`;

/** Splits a string into a few pieces so arguments arrive streamed in parts, as real providers send them. */
export function pieces(s: string, n = 4): string[] {
  const size = Math.max(1, Math.ceil(s.length / n));
  const out: string[] = [];
  for (let i = 0; i < s.length; i += size) out.push(s.slice(i, i + size));
  return out.length ? out : [""];
}

export function anthropicStream(r: Reply, c: Ctx): string {
  const out: string[] = [];
  out.push(
    ev("message_start", {
      type: "message_start",
      message: {
        id: c.id,
        type: "message",
        role: "assistant",
        model: c.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: {
          input_tokens: USAGE.input,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
          output_tokens: 1,
          service_tier: "standard",
        },
      },
    }),
  );
  const text = r.kind === "text" ? r.text : r.preamble;
  const delta = (index: number, d: unknown) =>
    ev("content_block_delta", { type: "content_block_delta", index, delta: d });
  let index = 0;
  if (c.signature) {
    const block = { type: "thinking", thinking: "", signature: "" };
    out.push(ev("content_block_start", { type: "content_block_start", index, content_block: block }));
    out.push(delta(index, { type: "thinking_delta", thinking: THOUGHT }));
    out.push(delta(index, { type: "signature_delta", signature: c.signature }));
    out.push(ev("content_block_stop", { type: "content_block_stop", index }));
    index++;
  }
  out.push(
    ev("content_block_start", { type: "content_block_start", index, content_block: { type: "text", text: "" } }),
  );
  out.push(ev("ping", { type: "ping" }));
  for (const p of pieces(text, 2)) out.push(delta(index, { type: "text_delta", text: p }));
  out.push(ev("content_block_stop", { type: "content_block_stop", index }));
  index++;
  if (r.kind === "tool") {
    const block = { type: "tool_use", id: r.callId, name: r.name, input: {} };
    out.push(ev("content_block_start", { type: "content_block_start", index, content_block: block }));
    for (const p of ["", ...pieces(JSON.stringify(r.args))])
      out.push(delta(index, { type: "input_json_delta", partial_json: p }));
    out.push(ev("content_block_stop", { type: "content_block_stop", index }));
  }
  out.push(
    ev("message_delta", {
      type: "message_delta",
      delta: { stop_reason: r.kind === "tool" ? "tool_use" : "end_turn", stop_sequence: null },
      usage: { output_tokens: USAGE.output },
    }),
  );
  out.push(ev("message_stop", { type: "message_stop" }));
  return out.join("");
}

export function anthropicJson(r: Reply, c: Ctx): unknown {
  const content: unknown[] = c.signature ? [{ type: "thinking", thinking: THOUGHT, signature: c.signature }] : [];
  content.push({ type: "text", text: r.kind === "text" ? r.text : r.preamble });
  if (r.kind === "tool") content.push({ type: "tool_use", id: r.callId, name: r.name, input: r.args });
  return {
    id: c.id,
    type: "message",
    role: "assistant",
    model: c.model,
    content,
    stop_reason: r.kind === "tool" ? "tool_use" : "end_turn",
    stop_sequence: null,
    usage: { input_tokens: USAGE.input, output_tokens: USAGE.output },
  };
}

export function chatStream(r: Reply, c: Ctx, includeUsage: boolean): string {
  const created = Math.floor(Date.now() / 1000);
  const chunk = (delta: unknown, finish: string | null) =>
    ev(undefined, {
      id: c.id,
      object: "chat.completion.chunk",
      created,
      model: c.model,
      service_tier: "default",
      system_fingerprint: "fp_e2e",
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
      ...(includeUsage ? { usage: null } : {}),
    });
  const out = [chunk({ role: "assistant", content: "", refusal: null }, null)];
  const text = r.kind === "text" ? r.text : r.preamble;
  for (const p of pieces(text, 2)) out.push(chunk({ content: p }, null));
  if (r.kind === "tool") {
    out.push(
      chunk(
        { tool_calls: [{ index: 0, id: r.callId, type: "function", function: { name: r.name, arguments: "" } }] },
        null,
      ),
    );
    for (const p of pieces(JSON.stringify(r.args)))
      out.push(chunk({ tool_calls: [{ index: 0, function: { arguments: p } }] }, null));
  }
  out.push(chunk({}, r.kind === "tool" ? "tool_calls" : "stop"));
  if (includeUsage)
    out.push(
      ev(undefined, {
        id: c.id,
        object: "chat.completion.chunk",
        created,
        model: c.model,
        service_tier: "default",
        system_fingerprint: "fp_e2e",
        choices: [],
        usage: {
          prompt_tokens: USAGE.input,
          completion_tokens: USAGE.output,
          total_tokens: USAGE.input + USAGE.output,
          prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
          completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0 },
        },
      }),
    );
  out.push(ev(undefined, "[DONE]"));
  return out.join("");
}

export function chatJson(r: Reply, c: Ctx): unknown {
  const message: Record<string, unknown> = {
    role: "assistant",
    content: r.kind === "text" ? r.text : r.preamble,
    refusal: null,
  };
  if (r.kind === "tool")
    message.tool_calls = [
      { id: r.callId, type: "function", function: { name: r.name, arguments: JSON.stringify(r.args) } },
    ];
  return {
    id: c.id,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: c.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: r.kind === "tool" ? "tool_calls" : "stop" }],
    usage: { prompt_tokens: USAGE.input, completion_tokens: USAGE.output, total_tokens: USAGE.input + USAGE.output },
  };
}

/** Output items of a Responses reply (the message first, then the function call), in their final form. */
function responsesItems(r: Reply, c: Ctx) {
  const text = r.kind === "text" ? r.text : r.preamble;
  const message = {
    id: `msg_${c.id}`,
    type: "message",
    status: "completed",
    content: [{ type: "output_text", annotations: [], logprobs: [], text }],
    role: "assistant",
  };
  const reasoning = c.signature
    ? [{ id: `rs_${c.id}`, type: "reasoning", summary: [], encrypted_content: c.signature }]
    : [];
  if (r.kind === "text") return [...reasoning, message];
  const call = {
    id: `fc_${c.id}`,
    type: "function_call",
    status: "completed",
    arguments: JSON.stringify(r.args),
    call_id: r.callId,
    name: r.name,
  };
  return [...reasoning, message, call];
}

function responseObject(c: Ctx, status: "in_progress" | "completed", output: unknown[]) {
  return {
    id: `resp_${c.id}`,
    object: "response",
    created_at: Math.floor(Date.now() / 1000),
    status,
    background: false,
    error: null,
    incomplete_details: null,
    instructions: null,
    max_output_tokens: null,
    model: c.model,
    output,
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    store: false,
    temperature: 1,
    text: { format: { type: "text" }, verbosity: "medium" },
    tool_choice: "auto",
    tools: [],
    top_p: 1,
    truncation: "disabled",
    usage:
      status === "completed"
        ? {
            input_tokens: USAGE.input,
            input_tokens_details: { cached_tokens: 0 },
            output_tokens: USAGE.output,
            output_tokens_details: { reasoning_tokens: 0 },
            total_tokens: USAGE.input + USAGE.output,
          }
        : null,
    user: null,
    metadata: {},
  };
}

export function responsesStream(r: Reply, c: Ctx): string {
  let seq = 0;
  const out: string[] = [];
  const emit = (type: string, body: Record<string, unknown>) =>
    out.push(ev(type, { type, sequence_number: seq++, ...body }));
  emit("response.created", { response: responseObject(c, "in_progress", []) });
  emit("response.in_progress", { response: responseObject(c, "in_progress", []) });
  const items = responsesItems(r, c);
  items.forEach((item: any, output_index) => {
    if (item.type === "reasoning") {
      emit("response.output_item.added", { output_index, item: { id: item.id, type: "reasoning", summary: [] } });
    } else if (item.type === "message") {
      const text = item.content[0].text as string;
      emit("response.output_item.added", {
        output_index,
        item: { id: item.id, type: "message", status: "in_progress", content: [], role: "assistant" },
      });
      const part = { type: "output_text", annotations: [], logprobs: [], text: "" };
      emit("response.content_part.added", { item_id: item.id, output_index, content_index: 0, part });
      for (const p of pieces(text, 2))
        emit("response.output_text.delta", {
          item_id: item.id,
          output_index,
          content_index: 0,
          delta: p,
          logprobs: [],
        });
      emit("response.output_text.done", { item_id: item.id, output_index, content_index: 0, text, logprobs: [] });
      emit("response.content_part.done", { item_id: item.id, output_index, content_index: 0, part: { ...part, text } });
    } else {
      emit("response.output_item.added", { output_index, item: { ...item, status: "in_progress", arguments: "" } });
      for (const p of pieces(item.arguments))
        emit("response.function_call_arguments.delta", { item_id: item.id, output_index, delta: p });
      emit("response.function_call_arguments.done", {
        item_id: item.id,
        output_index,
        name: item.name,
        arguments: item.arguments,
      });
    }
    emit("response.output_item.done", { output_index, item });
  });
  emit("response.completed", { response: responseObject(c, "completed", items) });
  return out.join("");
}

export function responsesJson(r: Reply, c: Ctx): unknown {
  return responseObject(c, "completed", responsesItems(r, c));
}

function geminiCandidate(r: Reply, final: boolean, signature?: string) {
  const parts: unknown[] = [];
  if (r.kind === "text") parts.push({ text: r.text });
  else
    parts.push(
      { text: r.preamble },
      { functionCall: { name: r.name, args: r.args }, ...(signature ? { thoughtSignature: signature } : {}) },
    );
  return { content: { parts, role: "model" }, ...(final ? { finishReason: "STOP" } : {}), index: 0 };
}

const geminiUsage = {
  promptTokenCount: USAGE.input,
  candidatesTokenCount: USAGE.output,
  totalTokenCount: USAGE.input + USAGE.output,
};

/** Gemini streams whole parts: the function call arrives complete in one chunk with finishReason STOP. */
export function geminiStream(r: Reply, c: Ctx): string {
  return ev(undefined, {
    candidates: [geminiCandidate(r, true, c.signature)],
    usageMetadata: geminiUsage,
    modelVersion: c.model,
    responseId: c.id,
  });
}

export function geminiJson(r: Reply, c: Ctx): unknown {
  return {
    candidates: [geminiCandidate(r, true, c.signature)],
    usageMetadata: geminiUsage,
    modelVersion: c.model,
    responseId: c.id,
  };
}
