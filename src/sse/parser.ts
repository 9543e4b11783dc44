/**
 * Byte-level Server-Sent Events parser (WHATWG EventSource rules) that works on Buffer chunks as they arrive,
 * without re-splitting the whole buffer on every chunk. Handles \n, \r\n and \r line endings, comments,
 * multi-line data, and events split anywhere across chunks.
 */

export interface SSEEvent {
  /** `event:` field; undefined when absent (OpenAI/Gemini streams send data-only events). */
  event?: string;
  data: string;
  id?: string;
}

const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;
const SPACE = 0x20;

export class SSEParser {
  #pending: Buffer | null = null;
  #event: string | undefined;
  #data: string[] = [];
  #id: string | undefined;
  #sawCR = false;
  #decoder = new TextDecoder();

  /** Feed one chunk; returns the complete events it finished. */
  push(chunk: Uint8Array): SSEEvent[] {
    const out: SSEEvent[] = [];
    let buf = this.#pending
      ? Buffer.concat([this.#pending, chunk])
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.#pending = null;
    let start = 0;
    let i = 0;
    if (this.#sawCR && buf.length > 0 && buf[0] === LF) {
      start = i = 1;
    }
    this.#sawCR = false;
    for (; i < buf.length; i++) {
      const c = buf[i];
      if (c !== LF && c !== CR) continue;
      this.#line(buf, start, i, out);
      if (c === CR) {
        if (i + 1 < buf.length) {
          if (buf[i + 1] === LF) i++;
        } else {
          this.#sawCR = true;
        }
      }
      start = i + 1;
    }
    if (start < buf.length) this.#pending = Buffer.from(buf.subarray(start));
    buf = Buffer.alloc(0);
    return out;
  }

  /** Flush at end of stream: a last event without its blank line is still dispatched (lenient, like browsers are not). */
  end(): SSEEvent[] {
    const out: SSEEvent[] = [];
    if (this.#pending && this.#pending.length > 0) {
      const p = this.#pending;
      this.#pending = null;
      this.#line(p, 0, p.length, out);
    }
    this.#dispatch(out);
    return out;
  }

  #line(buf: Buffer, start: number, end: number, out: SSEEvent[]): void {
    if (start === end) {
      this.#dispatch(out);
      return;
    }
    if (buf[start] === COLON) return; // comment
    let colon = -1;
    for (let j = start; j < end; j++) {
      if (buf[j] === COLON) {
        colon = j;
        break;
      }
    }
    let field: string;
    let value: string;
    if (colon === -1) {
      field = buf.toString("latin1", start, end);
      value = "";
    } else {
      field = buf.toString("latin1", start, colon);
      let vs = colon + 1;
      if (vs < end && buf[vs] === SPACE) vs++;
      value = this.#decoder.decode(buf.subarray(vs, end));
    }
    switch (field) {
      case "data":
        this.#data.push(value);
        break;
      case "event":
        this.#event = value;
        break;
      case "id":
        this.#id = value;
        break;
      default:
        break; // retry and unknown fields are ignored
    }
  }

  #dispatch(out: SSEEvent[]): void {
    if (this.#data.length === 0 && this.#event === undefined) return;
    const ev: SSEEvent = { data: this.#data.join("\n") };
    if (this.#event !== undefined) ev.event = this.#event;
    if (this.#id !== undefined) ev.id = this.#id;
    out.push(ev);
    this.#data = [];
    this.#event = undefined;
  }
}

/** Serialises one SSE event. `data` is written as given (callers pass JSON text without newlines). */
export function formatSSE(data: string, event?: string): string {
  return event === undefined ? `data: ${data}\n\n` : `event: ${event}\ndata: ${data}\n\n`;
}
