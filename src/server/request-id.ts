import { randomBytes } from "node:crypto";

/**
 * A short id a user can quote in a ticket: `cr_` + 16 base32 characters (80 random bits). Entropy is drawn from
 * the OS in 4 KB batches, not once per request.
 */
const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
const POOL = 4096;
let pool = randomBytes(POOL);
let offset = 0;

export function newRequestId(): string {
  if (offset + 10 > POOL) {
    pool = randomBytes(POOL);
    offset = 0;
  }
  let out = "cr_";
  for (let i = 0; i < 10; i += 5) {
    // 5 bytes = 40 bits = 8 base32 characters
    let hi = (pool[offset + i] << 12) | (pool[offset + i + 1] << 4) | (pool[offset + i + 2] >> 4); // 20 bits
    let lo = ((pool[offset + i + 2] & 0x0f) << 16) | (pool[offset + i + 3] << 8) | pool[offset + i + 4]; // 20 bits
    let s = "";
    for (let k = 0; k < 4; k++) {
      s = ALPHABET[lo & 31] + s;
      lo >>= 5;
    }
    for (let k = 0; k < 4; k++) {
      s = ALPHABET[hi & 31] + s;
      hi >>= 5;
    }
    out += s;
  }
  offset += 10;
  return out;
}
