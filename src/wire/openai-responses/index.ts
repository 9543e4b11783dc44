/** OpenAI Responses API adapter (POST /v1/responses): Codex CLI, Copilot, opencode/kilo with OpenAI models. */
import type { WireFormat } from "../types.js";
import { encodeError, encodeStreamError } from "./errors.js";
import { encodeRequest } from "./from-ir.js";
import { decodeResponse, encodeResponse } from "./response.js";
import { createStreamDecoder } from "./stream-decode.js";
import { createStreamEncoder } from "./stream-encode.js";
import { decodeRequest } from "./to-ir.js";

export const openaiResponses: WireFormat = {
  api: "openai-responses",
  decodeRequest: (body, ctx) => decodeRequest(body, ctx),
  encodeRequest,
  decodeResponse,
  encodeResponse,
  createStreamDecoder,
  createStreamEncoder,
  encodeError,
  encodeStreamError,
};

export { errorFromBody } from "./errors.js";
export { decodeRequestWithWarnings } from "./to-ir.js";
