import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { spliceModel } from "../../src/server/splice.js";

test("replaces only the top-level model, keeping every other byte", () => {
  const raw =
    '{"messages":[{"role":"user","content":"say \\"model\\": \\"x\\""}],"tools":[{"input_schema":{"properties":{"model":{"type":"string"}}}}],  "model" : "claude-opus-4-8","stream":true}';
  const out = spliceModel(Buffer.from(raw), "gpt-5.5")!.toString();
  assert.equal(out, raw.replace('"claude-opus-4-8"', '"gpt-5.5"'));
  assert.deepEqual(JSON.parse(out).tools, JSON.parse(raw).tools);
});

test("returns null when there is no top-level string model", () => {
  assert.equal(spliceModel(Buffer.from('{"a":{"model":"x"}}'), "y"), null);
  assert.equal(spliceModel(Buffer.from('{"model":3}'), "y"), null);
  assert.equal(spliceModel(Buffer.from('{"x":"model","y":1}'), "y"), null);
});

test("agrees with JSON.parse + stringify on arbitrary objects", () => {
  fc.assert(
    fc.property(
      fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 6 }),
      fc.string(),
      fc.string(),
      (obj, model, next) => {
        const withModel = { ...obj, model };
        const out = spliceModel(Buffer.from(JSON.stringify(withModel)), next);
        assert.ok(out);
        assert.deepEqual(JSON.parse(out.toString()), JSON.parse(JSON.stringify({ ...withModel, model: next })));
      },
    ),
    { numRuns: 500 },
  );
});
