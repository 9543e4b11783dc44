/** Every captured client request in anthropic-messages / openai-chat shape decodes and re-encodes to both formats. */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { anthropicMessages as A } from "../../../src/wire/anthropic-messages/index.js";
import { openaiChat as O } from "../../../src/wire/openai-chat/index.js";
import type { WireFormat } from "../../../src/wire/types.js";

const ROOT = join(import.meta.dirname, "../../fixtures/clients");
const walk = (d: string): string[] =>
  readdirSync(d).flatMap((n) =>
    statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : n.endsWith(".json") ? [join(d, n)] : [],
  );
const WIRES: Record<string, WireFormat> = { "anthropic-messages": A, "openai-chat": O };

const captures = walk(ROOT)
  .map((f) => ({ f, c: JSON.parse(readFileSync(f, "utf8")) }))
  .filter(({ c }) => c.api in WIRES && c.request?.body);

describe("client captures", () => {
  it("finds the captures", () => {
    assert.ok(captures.filter(({ c }) => c.api === "anthropic-messages").length >= 30);
    assert.ok(captures.filter(({ c }) => c.api === "openai-chat").length >= 50);
  });

  for (const { f, c } of captures) {
    it(`${f.slice(ROOT.length + 1)} decodes and re-encodes to both formats`, () => {
      const body = c.request.body;
      const req = WIRES[c.api].decodeRequest(body);
      assert.equal(req.model, body.model);
      assert.equal(req.stream, body.stream === true);
      const nonSystem = body.messages.filter(
        (m: { role: string }) => m.role !== "system" && m.role !== "developer",
      ).length;
      assert.ok(req.messages.length > 0 && req.messages.length <= nonSystem);
      const toolCount = (body.tools ?? []).length;
      assert.equal(req.tools.length + (req.warnings ?? []).filter((w) => /tool type/.test(w)).length, toolCount);

      const a = A.encodeRequest(req, "claude-sonnet-4-5");
      const msgs = a.body.messages as Array<{ role: string; content: unknown[] }>;
      assert.equal(msgs[0].role, "user");
      for (let i = 1; i < msgs.length; i++) assert.notEqual(msgs[i].role, msgs[i - 1].role, "roles alternate");
      assert.ok(typeof a.body.max_tokens === "number");
      // Anthropic → Anthropic keeps tool_use/tool_result ids paired.
      const uses = msgs.flatMap((m) => m.content).filter((b) => (b as { type: string }).type === "tool_use").length;
      const results = msgs
        .flatMap((m) => m.content)
        .filter((b) => (b as { type: string }).type === "tool_result").length;
      assert.equal(uses, results);

      const o = O.encodeRequest(req, "gpt-5.5");
      const om = o.body.messages as Array<{ role: string; tool_calls?: unknown[] }>;
      const calls = om.flatMap((m) => m.tool_calls ?? []).length;
      assert.equal(om.filter((m) => m.role === "tool").length, calls);
      assert.equal(o.body.stream === true, req.stream);
      if (req.stream) assert.deepEqual(o.body.stream_options, { include_usage: true });

      // And the encoded bodies decode again in their own format.
      A.decodeRequest(a.body);
      O.decodeRequest(o.body);
    });
  }
});
