/**
 * The internal representation (IR) every wire format decodes into and encodes from.
 *
 * Four inbound APIs × four upstream formats go through this one shape: one decoder and one encoder per format
 * instead of sixteen pairwise translators. Keep it lossless where the formats agree and explicit (`warnings`)
 * where they do not.
 */

export type ApiKind = "anthropic-messages" | "openai-chat" | "openai-responses" | "gemini";

/** Which family produced a reasoning block. Signatures / encrypted reasoning never cross families. */
export type ModelFamily = "anthropic" | "openai" | "google" | "other";

export interface CacheControl {
  type: "ephemeral";
  ttl?: "5m" | "1h";
}

export interface TextPart {
  type: "text";
  text: string;
  cacheControl?: CacheControl;
}

export interface ImagePart {
  type: "image";
  /** e.g. "image/png". */
  mediaType?: string;
  /** base64 data (no data: prefix) … */
  data?: string;
  /** … or a URL (http(s) or data:). */
  url?: string;
  cacheControl?: CacheControl;
}

/** A file/document attachment (PDF etc.). Formats that can't carry it get a warning and a text placeholder. */
export interface DocumentPart {
  type: "document";
  mediaType?: string;
  data?: string;
  url?: string;
  title?: string;
  cacheControl?: CacheControl;
}

export interface ToolCallPart {
  type: "tool_call";
  /** Provider call id (toolu_…, call_…). Gemini has none: decoders synthesise one. */
  id: string;
  name: string;
  /**
   * Arguments as a JSON text for `function` tools, or the raw freeform input for `custom` tools
   * (OpenAI Responses custom/freeform tools such as Codex's `exec`).
   */
  arguments: string;
  kind?: "function" | "custom";
  /** Responses API namespace of the tool (Codex `collaboration`, `functions`), if any. */
  namespace?: string;
  cacheControl?: CacheControl;
}

export interface ToolResultPart {
  type: "tool_result";
  callId: string;
  /** Tool name when known (Gemini needs it; Anthropic/OpenAI don't carry it on the result). */
  name?: string;
  content: Array<TextPart | ImagePart>;
  isError?: boolean;
  kind?: "function" | "custom";
  cacheControl?: CacheControl;
}

export interface ReasoningPart {
  type: "reasoning";
  /** Human-readable thinking / reasoning summary text ("" when only encrypted content exists). */
  text: string;
  family: ModelFamily;
  /** Anthropic thinking signature. */
  signature?: string;
  /** Anthropic redacted_thinking data, or OpenAI `encrypted_content`, or Gemini thoughtSignature. */
  encrypted?: string;
  /** Provider id of the reasoning item (OpenAI `rs_…`). */
  id?: string;
}

export type ContentPart = TextPart | ImagePart | DocumentPart | ToolCallPart | ToolResultPart | ReasoningPart;

export interface IRMessage {
  /** Tool results travel in `user` messages as `tool_result` parts (Anthropic's model). */
  role: "user" | "assistant";
  content: ContentPart[];
}

export interface IRTool {
  name: string;
  description?: string;
  /** JSON Schema of the arguments for `function` tools. */
  parameters?: Record<string, unknown>;
  kind: "function" | "custom";
  /** For custom tools: the grammar/format object as the Responses API gives it. */
  format?: unknown;
  namespace?: string;
  cacheControl?: CacheControl;
  strict?: boolean;
}

export type IRToolChoice = { type: "auto" } | { type: "none" } | { type: "required" } | { type: "tool"; name: string };

export interface IRRequest {
  /** Model name as the client sent it. */
  model: string;
  system: TextPart[];
  messages: IRMessage[];
  tools: IRTool[];
  toolChoice?: IRToolChoice;
  parallelToolCalls?: boolean;
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  stop?: string[];
  stream: boolean;
  /** Extended thinking / reasoning effort requested by the client. */
  reasoning?: { enabled: boolean; budgetTokens?: number; effort?: "minimal" | "low" | "medium" | "high" | "xhigh" };
  responseFormat?: { type: "json_object" } | { type: "json_schema"; name?: string; schema: unknown; strict?: boolean };
  /** End-user id / metadata the client sent (Anthropic metadata.user_id, OpenAI user / prompt_cache_key). */
  user?: string;
  promptCacheKey?: string;
  /** The inbound API this request came from (set by the decoder). */
  sourceApi: ApiKind;
  /** Lossy decode-time notes (unsupported tool types, dropped blocks), never silent. */
  warnings?: string[];
}

export type StopReason =
  | "end_turn"
  | "max_tokens"
  | "tool_use"
  | "stop_sequence"
  | "content_filter"
  | "refusal"
  | "error";

/**
 * Token usage, normalised. `inputTokens` counts only input that was neither read from nor written to the prompt
 * cache (Anthropic's `input_tokens`); OpenAI/Gemini decoders subtract their cached counts. So
 * total prompt = inputTokens + cacheReadTokens + cacheWriteTokens (+ cacheWrite1hTokens).
 */
export interface IRUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  /** 5-minute cache writes (Anthropic's default TTL). */
  cacheWriteTokens: number;
  /** 1-hour cache writes. */
  cacheWrite1hTokens: number;
  /** Reasoning tokens, already included in outputTokens (as every provider bills them). */
  reasoningTokens: number;
}

export const emptyUsage = (): IRUsage => ({
  inputTokens: 0,
  outputTokens: 0,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  cacheWrite1hTokens: 0,
  reasoningTokens: 0,
});

export interface IRResponse {
  id: string;
  model: string;
  content: Array<TextPart | ToolCallPart | ReasoningPart>;
  stopReason: StopReason;
  stopSequence?: string;
  usage: IRUsage;
}

/**
 * Streaming events: start/delta/stop triples per content block, Anthropic-style, so every format can be
 * written from them without look-ahead. Block indexes are dense and start at 0.
 */
export type IRStreamEvent =
  | { type: "message_start"; id: string; model: string; usage?: Partial<IRUsage> }
  | {
      type: "block_start";
      index: number;
      block:
        | { type: "text" }
        | { type: "tool_call"; id: string; name: string; kind?: "function" | "custom"; namespace?: string }
        | { type: "reasoning"; family: ModelFamily; id?: string };
    }
  | {
      type: "block_delta";
      index: number;
      delta:
        | { type: "text"; text: string }
        | { type: "tool_args"; partial: string }
        | { type: "reasoning"; text: string }
        | { type: "signature"; signature: string }
        | { type: "encrypted"; data: string };
    }
  | { type: "block_stop"; index: number }
  /** Last event of a successful stream: final stop reason and cumulative usage. */
  | { type: "finish"; stopReason: StopReason; stopSequence?: string; usage: IRUsage }
  /** Upstream reported an error mid-stream (or the stream broke). Terminal. */
  | { type: "error"; error: { status: number; type: string; message: string } };

/** Extra figures the router appends to the final stream event / headers ("coderouter" object). */
export interface DecisionTrailer {
  request_id: string;
  phase: string;
  phase_confidence: number;
  agent: string;
  model: string;
  provider: string;
  cost_usd: number;
  cost_if_opus_usd: number;
  savings_usd: number;
  savings_pct: number;
}

export interface EncodeResult<T = Record<string, unknown>> {
  body: T;
  /** Lossy mappings, never silent. */
  warnings: string[];
}
