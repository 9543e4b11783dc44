import assert from "node:assert/strict";
import { test } from "node:test";
import { formatSSE, SSEParser } from "../../src/sse/parser.js";

const enc = (s: string) => Buffer.from(s, "utf8");

test("parses events split at every byte boundary", () => {
  const text = 'event: a\ndata: {"x":1}\n\n: comment\ndata: line1\ndata: line2\n\nevent: b\r\ndata: é✓\r\n\r\n';
  const whole = new SSEParser().push(enc(text));
  assert.deepEqual(whole, [{ event: "a", data: '{"x":1}' }, { data: "line1\nline2" }, { event: "b", data: "é✓" }]);
  const bytes = enc(text);
  for (let cut = 1; cut < bytes.length; cut++) {
    const p = new SSEParser();
    const got = [...p.push(bytes.subarray(0, cut)), ...p.push(bytes.subarray(cut)), ...p.end()];
    assert.deepEqual(got, whole, `cut at ${cut}`);
  }
});

test("CR-only line endings and a CR split from its LF", () => {
  const p = new SSEParser();
  const out = [...p.push(enc("data: a\r")), ...p.push(enc("\n\r\n")), ...p.push(enc("data: b\r\r"))];
  assert.deepEqual(out, [{ data: "a" }, { data: "b" }]);
});

test("end() flushes a last event without its blank line", () => {
  const p = new SSEParser();
  assert.deepEqual(p.push(enc("data: [DONE]")), []);
  assert.deepEqual(p.end(), [{ data: "[DONE]" }]);
});

test("formatSSE writes both shapes", () => {
  assert.equal(formatSSE("{}"), "data: {}\n\n");
  assert.equal(formatSSE("{}", "ping"), "event: ping\ndata: {}\n\n");
});
