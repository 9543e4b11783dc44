import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { describe, it } from "node:test";
import { createLogger, redactSecrets, requestLogger } from "../../src/log/index.js";

function capture() {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  });
  return { destination, text: () => chunks.join("") };
}

const ANTHROPIC = "sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
const OPENAI = "sk-proj-ZYXWVUTSRQPONMLKJIHGFEDCBA987654";
const GOOGLE = "AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUv";
const ROUTER = "my-router-key-2f9c1e7a";

describe("logger", () => {
  it("never prints a key: headers, nested objects, error messages, URLs", () => {
    const out = capture();
    const log = createLogger({ destination: out.destination, secrets: [ROUTER], level: "debug" });
    const req = requestLogger(log, "req_123", { agent: "claude-code" });
    req.info(
      {
        headers: {
          authorization: `Bearer ${OPENAI}`,
          "x-api-key": ANTHROPIC,
          "x-goog-api-key": GOOGLE,
          "user-agent": "claude-cli/1.0",
        },
        upstream: { req: { headers: { authorization: `Bearer ${ROUTER}` } } },
        provider: { api_key: ANTHROPIC, apiKey: GOOGLE, key: ROUTER },
      },
      "forwarding",
    );
    req.error(
      { err: new Error(`upstream said: invalid x-api-key ${ANTHROPIC}`) },
      `failed calling https://generativelanguage.googleapis.com/v1beta/models?key=${GOOGLE}`,
    );
    req.warn(`client presented ${ROUTER}`);
    const text = out.text();
    for (const secret of [ANTHROPIC, OPENAI, GOOGLE, ROUTER])
      assert.ok(!text.includes(secret), `secret ${secret.slice(0, 8)}… leaked:\n${text}`);
    // Partial leaks too (a long prefix of a key).
    for (const secret of [ANTHROPIC, OPENAI, GOOGLE]) assert.ok(!text.includes(secret.slice(0, 20)));
    const lines = text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    assert.equal(lines.length, 3, "every line is still valid JSON");
    assert.ok(lines.every((l) => l.req_id === "req_123" && l.agent === "claude-code"));
    assert.equal(lines[0].headers["user-agent"], "claude-cli/1.0", "harmless headers stay");
    assert.equal(lines[0].headers.authorization, "[REDACTED]");
    assert.equal(lines[0].msg, "forwarding");
  });

  it("secrets added after creation are redacted too", () => {
    const out = capture();
    const secrets: string[] = [];
    const log = createLogger({ destination: out.destination, secrets });
    secrets.push("late-added-secret-value");
    log.info("value late-added-secret-value here");
    assert.ok(!out.text().includes("late-added-secret-value"));
  });

  it("redactSecrets", () => {
    assert.equal(redactSecrets("key=abcdefgh1 and abcdefgh1", ["abcdefgh1"]), "key=[REDACTED] and [REDACTED]");
    assert.equal(redactSecrets("short abc", ["abc"]), "short abc", "secrets under 6 chars are ignored");
    assert.equal(redactSecrets(`Authorization: Bearer ${OPENAI}`), "Authorization: Bearer [REDACTED]");
    assert.equal(redactSecrets(`x ${GOOGLE} y`), "x [REDACTED] y");
    assert.equal(redactSecrets("nothing to see", ["something-else"]), "nothing to see");
  });
});
