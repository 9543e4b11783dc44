/**
 * Every captured request from real agent CLIs (test/fixtures/clients) replayed through the router against the fake
 * upstream: each gets a valid response in its own API's format, with the decision headers.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { ApiKind, IRStreamEvent } from "../../src/ir/types.js";
import type { RunningServer } from "../../src/server/index.js";
import { SSEParser } from "../../src/sse/parser.js";
import { WIRES } from "../../src/wire/index.js";
import { FakeUpstream } from "../helpers/fake-upstream.js";
import { startRouter } from "../helpers/router.js";

const ROOT = join(import.meta.dirname, "..", "fixtures", "clients");
const HOP = new Set(["host", "content-length", "connection", "accept-encoding", "transfer-encoding"]);

const captures = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(ROOT, d.name))
      .filter((f) => f.endsWith(".json"))
      .map((f) => join(d.name, f)),
  )
  .sort();

/** Decodes a streamed reply with our own decoder: it must be a complete stream (finish, no error). */
function checkStream(api: ApiKind, text: string): IRStreamEvent[] {
  const p = new SSEParser();
  const d = WIRES[api].createStreamDecoder();
  const evs = [...p.push(Buffer.from(text)), ...p.end()].flatMap((e) => d.push(e));
  evs.push(...d.end());
  return evs;
}

const STREAM_END: Record<ApiKind, RegExp> = {
  "anthropic-messages": /event: message_stop\ndata: \{"type":"message_stop"\}\n\n$/,
  "openai-chat": /data: \[DONE\]\n\n$/,
  "openai-responses": /"type":"response\.completed"/,
  gemini: /"finishReason"/,
};

describe("captured agent requests replayed through the router", () => {
  let up: FakeUpstream;
  let router: RunningServer;
  before(async () => {
    up = await new FakeUpstream().start();
    router = await startRouter(up);
  });
  after(async () => {
    await router.close();
    await up.stop();
  });

  for (const file of captures) {
    test(file, async () => {
      const cap = JSON.parse(readFileSync(join(ROOT, file), "utf8"));
      const r = cap.request;
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(r.headers as Record<string, string>)) if (!HOP.has(k)) headers[k] = v;
      const res = await fetch(router.url + r.path, {
        method: r.method,
        headers,
        body: r.body == null ? undefined : JSON.stringify(r.body),
      });
      if (r.method === "HEAD") {
        assert.equal(res.status, 200, "Claude Code's HEAD / probe is answered");
        return;
      }
      const text = await res.text();
      assert.equal(res.status, 200, text.slice(0, 300));
      const api = cap.api as ApiKind;
      for (const h of ["phase", "phase-confidence", "agent", "model", "provider", "request-id"]) {
        assert.ok(res.headers.get(`x-coderouter-${h}`), `x-coderouter-${h} header`);
      }
      const streamed = (res.headers.get("content-type") ?? "").startsWith("text/event-stream");
      if (streamed) {
        assert.match(text, STREAM_END[api], "stream ends with the format's own final event");
        const evs = checkStream(api, text);
        assert.ok(!evs.some((e) => e.type === "error"), "no error event");
        const fin = evs.find((e) => e.type === "finish");
        assert.ok(fin, "stream finished");
        assert.match(text, /"coderouter":\{"request_id":"cr_/, "cost trailer in the final event");
      } else {
        const body = JSON.parse(text);
        const ir = WIRES[api].decodeResponse(body);
        assert.ok(ir.content.length > 0, "response has content");
        assert.ok(res.headers.get("x-coderouter-cost"), "cost header on a non-streamed response");
      }
    });
  }
});
