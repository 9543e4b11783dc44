import { randomBytes } from "node:crypto";

/** A short id a user can quote in a ticket: `cr_` + 16 base32 characters (80 random bits). */
const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
export function newRequestId(): string {
  const b = randomBytes(10);
  let out = "cr_";
  let acc = 0;
  let bits = 0;
  for (const x of b) {
    acc = (acc << 8) | x;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(acc >> bits) & 31];
    }
  }
  return out;
}
