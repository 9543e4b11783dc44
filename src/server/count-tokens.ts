/**
 * Cheap token estimate for /v1/messages/count_tokens: ~4 characters a token over the JSON text of the countable parts,
 * without a tokenizer (claude-code-router's per-request tiktoken costs it 30 ms at 100 KB).
 */
export function estimateInputTokens(body: Record<string, unknown>): number {
  let chars = 0;
  for (const k of ["system", "messages", "tools"] as const) {
    const v = body[k];
    if (v !== undefined) chars += typeof v === "string" ? v.length : JSON.stringify(v).length;
  }
  return Math.max(1, Math.ceil(chars / 4));
}
