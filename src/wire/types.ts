import type { RouterError } from "../errors/index.js";
import type {
  ApiKind,
  DecisionTrailer,
  EncodeResult,
  IRRequest,
  IRResponse,
  IRStreamEvent,
  IRUsage,
} from "../ir/types.js";
import type { SSEEvent } from "../sse/parser.js";

/** Per-stream decoder: upstream SSE events in, IR stream events out. State lives in the instance (one per request). */
export interface StreamDecoder {
  push(ev: SSEEvent): IRStreamEvent[];
  /** Upstream closed. Emits a terminal `error` event if the stream ended without its final event. */
  end(): IRStreamEvent[];
}

export interface StreamEncoderOptions {
  /** Model name to report to the client (normally the one it asked for). */
  model: string;
  /** Called once when the final event is written; its result is added as a `coderouter` object. */
  trailer?: (usage: IRUsage) => DecisionTrailer | undefined;
}

/** Per-stream encoder: IR events in, SSE text for the client out. */
export interface StreamEncoder {
  push(ev: IRStreamEvent): string;
  /** Whatever must be written if the stream is cut short without a finish/error event (may be ""). */
  end(): string;
}

export interface ErrorShape {
  status: number;
  body: Record<string, unknown>;
}

/**
 * One adapter per wire format. All functions are pure except the stream codecs, which keep per-stream state.
 */
export interface WireFormat {
  readonly api: ApiKind;
  /** Inbound: client body → IR. Throws RouterError(invalid_request) with a clear message on bad input. */
  decodeRequest(body: unknown, ctx?: { pathModel?: string; stream?: boolean }): IRRequest;
  /** Outbound: IR → upstream body for `model`. */
  encodeRequest(req: IRRequest, model: string): EncodeResult;
  /** Upstream non-streamed body → IR. */
  decodeResponse(body: unknown): IRResponse;
  /** IR → client non-streamed body. `trailer` is added as `coderouter` where the format allows unknown fields. */
  encodeResponse(res: IRResponse, opts: { model: string; trailer?: DecisionTrailer }): Record<string, unknown>;
  createStreamDecoder(): StreamDecoder;
  createStreamEncoder(opts: StreamEncoderOptions): StreamEncoder;
  /** The error as this API's JSON error body and status. */
  encodeError(err: RouterError): ErrorShape;
  /** The error as this API's SSE error event text. */
  encodeStreamError(err: RouterError): string;
}
