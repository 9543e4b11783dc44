/** Gemini API adapter (POST /v1beta/models/{model}:generateContent and :streamGenerateContent?alt=sse): Gemini CLI. */
import type { WireFormat } from "../types.js";
import { encodeError, encodeStreamError } from "./errors.js";
import { encodeRequest } from "./from-ir.js";
import { decodeResponse, encodeResponse } from "./response.js";
import { createStreamDecoder } from "./stream-decode.js";
import { createStreamEncoder } from "./stream-encode.js";
import { decodeRequest } from "./to-ir.js";

export const gemini: WireFormat = {
  api: "gemini",
  decodeRequest,
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
