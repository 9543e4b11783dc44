/**
 * Same-format passthrough: replace the value of the top-level `"model"` key in a raw JSON body without
 * re-serialising the rest (at 100 KB that is most of a router's cost). Returns null when the body has no
 * top-level string `model` (the caller then re-encodes).
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const MODEL = Buffer.from("model");

function skipString(buf: Buffer, i: number): number {
  // i points just past the opening quote; returns the index just past the closing quote
  for (; i < buf.length; i++) {
    const c = buf[i];
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return -1;
}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

export function spliceModel(buf: Buffer, model: string): Buffer | null {
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (c === QUOTE) {
      const start = i + 1;
      const end = skipString(buf, start);
      if (end < 0) return null;
      if (depth === 1 && expectKey && end - 1 - start === 5 && buf.compare(MODEL, 0, 5, start, start + 5) === 0) {
        let j = end;
        while (j < buf.length && isWs(buf[j])) j++;
        if (buf[j] !== COLON) return null;
        j++;
        while (j < buf.length && isWs(buf[j])) j++;
        if (buf[j] !== QUOTE) return null;
        const vEnd = skipString(buf, j + 1);
        if (vEnd < 0) return null;
        return Buffer.concat([buf.subarray(0, j), Buffer.from(JSON.stringify(model)), buf.subarray(vEnd)]);
      }
      expectKey = false;
      i = end - 1;
    } else if (c === LBRACE) {
      depth++;
      expectKey = depth === 1;
    } else if (c === LBRACKET) {
      depth++;
    } else if (c === RBRACE || c === RBRACKET) {
      depth--;
    } else if (c === COMMA) {
      if (depth === 1) expectKey = true;
    }
  }
  return null;
}
