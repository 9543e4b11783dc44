import type { ApiKind } from "../ir/types.js";
import { anthropicMessages } from "./anthropic-messages/index.js";
import { gemini } from "./gemini/index.js";
import { openaiChat } from "./openai-chat/index.js";
import { openaiResponses } from "./openai-responses/index.js";
import type { WireFormat } from "./types.js";

export const WIRES: Record<ApiKind, WireFormat> = {
  "anthropic-messages": anthropicMessages,
  "openai-chat": openaiChat,
  "openai-responses": openaiResponses,
  gemini,
};
