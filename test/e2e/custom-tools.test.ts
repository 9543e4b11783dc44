import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { customCallUnwrapper } from "../../src/ir/custom-tools.js";
import type { IRStreamEvent } from "../../src/ir/types.js";
import type { RunningServer } from "../../src/server/index.js";
import { FakeUpstream } from "../helpers/fake-upstream.js";
import { startRouter } from "../helpers/router.js";

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

const codexLike = {
  model: "gpt-5.5",
  input: [{ role: "user", content: [{ type: "input_text", text: "list the files" }] }],
  tools: [{ type: "custom", name: "exec", description: "Run JavaScript", format: { type: "text" } }],
};

test("a Responses custom tool routed to an Anthropic model comes back as a custom_tool_call with the raw input", async () => {
  up.next({
    status: 200,
    body: JSON.stringify({
      id: "msg_1",
      type: "message",
      role: "assistant",
      model: "claude-sonnet-5",
      content: [{ type: "tool_use", id: "toolu_9", name: "exec", input: { input: "console.log(1)" } }],
      stop_reason: "tool_use",
      stop_sequence: null,
      usage: { input_tokens: 10, output_tokens: 5 },
    }),
  });
  const res = await fetch(`${router.url}/v1/responses`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-coderouter-model": "t-anthropic" },
    body: JSON.stringify(codexLike),
  });
  assert.equal(res.status, 200);
  const sent = up.received.at(-1)!;
  assert.equal(sent.body.tools[0].name, "exec", "declared upstream as a JSON tool");
  assert.equal(sent.body.tools[0].input_schema.properties.input.type, "string");
  const body = (await res.json()) as any;
  const call = body.output.find((o: any) => o.type === "custom_tool_call");
  assert.ok(call, JSON.stringify(body.output));
  assert.equal(call.name, "exec");
  assert.equal(call.input, "console.log(1)");
});

test("stream unwrapper buffers the JSON pieces and emits the raw input at block end", () => {
  const u = customCallUnwrapper(new Set(["exec"]));
  const evs: IRStreamEvent[] = [
    { type: "block_start", index: 0, block: { type: "tool_call", id: "t1", name: "exec" } },
    { type: "block_delta", index: 0, delta: { type: "tool_args", partial: '{"inp' } },
    { type: "block_delta", index: 0, delta: { type: "tool_args", partial: 'ut":"a\\nb"}' } },
    { type: "block_stop", index: 0 },
    { type: "block_start", index: 1, block: { type: "tool_call", id: "t2", name: "other" } },
    { type: "block_delta", index: 1, delta: { type: "tool_args", partial: "{}" } },
  ];
  const out = evs.flatMap(u);
  assert.deepEqual(out, [
    { type: "block_start", index: 0, block: { type: "tool_call", id: "t1", name: "exec", kind: "custom" } },
    { type: "block_delta", index: 0, delta: { type: "tool_args", partial: "a\nb" } },
    { type: "block_stop", index: 0 },
    evs[4],
    evs[5],
  ]);
});
