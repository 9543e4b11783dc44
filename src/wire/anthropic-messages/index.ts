/** Anthropic Messages API (`POST /v1/messages`) wire format. */
import type { StreamEncoderOptions, WireFormat } from "../types.js";
import { encodeError, encodeStreamError } from "./errors.js";
import { encodeRequest } from "./from-ir.js";
import { decodeResponse, encodeResponse } from "./response.js";
import { AnthropicStreamDecoder } from "./stream-decode.js";
import { AnthropicStreamEncoder } from "./stream-encode.js";
import { decodeRequest } from "./to-ir.js";

export const anthropicMessages: WireFormat = {
  api: "anthropic-messages",
  decodeRequest,
  encodeRequest,
  decodeResponse,
  encodeResponse,
  createStreamDecoder: () => new AnthropicStreamDecoder(),
  createStreamEncoder: (opts: StreamEncoderOptions) => new AnthropicStreamEncoder(opts),
  encodeError,
  encodeStreamError,
};

export { parseUpstreamError } from "./errors.js";
export { stopReasonFromAnthropic, stopReasonToAnthropic } from "./finish-reason.js";
export { defaultMaxTokens } from "./from-ir.js";
export { usageFromAnthropic, usageToAnthropic } from "./usage.js";
