import assert from "node:assert/strict";
import { test } from "node:test";
import { newRequestId } from "../../src/server/request-id.js";

test("request ids are cr_ + 16 base32 characters, unique across pool refills", () => {
  const seen = new Set<string>();
  for (let i = 0; i < 5000; i++) {
    const id = newRequestId();
    assert.match(id, /^cr_[a-km-np-z2-9]{16}$/);
    seen.add(id);
  }
  assert.equal(seen.size, 5000);
});
