/** OpenAI Chat Completions API (`POST /v1/chat/completions`) wire format, also spoken by most compatible servers. */
import type { StreamEncoderOptions, WireFormat } from "../types.js";
import { encodeError, encodeStreamError } from "./errors.js";
import { encodeRequest } from "./from-ir.js";
import { decodeResponse, encodeResponse } from "./response.js";
import { OpenAIChatStreamDecoder } from "./stream-decode.js";
import { OpenAIChatStreamEncoder } from "./stream-encode.js";
import { decodeRequest } from "./to-ir.js";

export const openaiChat: WireFormat = {
  api: "openai-chat",
  decodeRequest,
  encodeRequest,
  decodeResponse,
  encodeResponse,
  createStreamDecoder: () => new OpenAIChatStreamDecoder(),
  createStreamEncoder: (opts: StreamEncoderOptions) => new OpenAIChatStreamEncoder(opts),
  encodeError,
  encodeStreamError,
};

export { parseUpstreamError } from "./errors.js";
export { finishReasonFromOpenAI, finishReasonToOpenAI } from "./finish-reason.js";
export { usageFromOpenAI, usageToOpenAI } from "./usage.js";
