/**
 * The request pipeline for the four inbound APIs:
 * body → JSON → IR → classify + route → [attempt candidate → forward → translate back]… → ledger.
 * Before the first byte reaches the client a failed attempt moves on to the next candidate; after it the client
 * gets a well-formed error event in its own format.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { RouterError, toRouterError } from "../errors/index.js";
import { ClientAbort, upstreamStatusError } from "../forward/index.js";
import { customCallUnwrapper, unwrapCustomCalls, wrappedCustomTools } from "../ir/custom-tools.js";
import type { ApiKind, DecisionTrailer, IRRequest, IRStreamEvent, IRUsage } from "../ir/types.js";
import { emptyUsage } from "../ir/types.js";
import { redactSecrets } from "../log/index.js";
import { SSEParser } from "../sse/parser.js";
import { hasCarriedReasoning } from "../wire/reasoning-carry.js";
import type { StreamDecoder, WireFormat } from "../wire/types.js";
import { checkContentType, parseJsonBody, readBody } from "./body.js";
import type { AppDeps } from "./deps.js";
import { costHeaders, decisionHeaders } from "./headers.js";
import { newRequestId } from "./request-id.js";
import { spliceModel } from "./splice.js";
import type { Candidate, RoutePlan } from "./types.js";
import { clientKey, upstreamHeaders, upstreamUrl } from "./upstream.js";

const REQUEST_ID = "x-coderouter-request-id";

export interface Attempt {
  model: string;
  provider: string;
  status: number;
  error?: string;
  ms: number;
}

/** Everything known about one request, turned into a ledger row at the end. */
interface Ctx {
  id: string;
  api: ApiKind;
  wire: WireFormat;
  t0: number;
  stream: boolean;
  plan?: RoutePlan;
  ir?: IRRequest;
  requestedModel: string;
  chosen?: Candidate;
  attempts: Attempt[];
  usage: IRUsage;
  cost: number;
  baseline: number;
  overheadMs: number;
  ttfbMs: number | null;
  status: number;
  error: string | null;
  keyId: string | null;
  /** The spend went to `deps.settle` when the answer was priced (so `record` must not charge it again). */
  settled: boolean;
  /** The ledger row was handed to `deps.record` (see `recordOnce`). */
  recorded: boolean;
  /** The provider key sent upstream on the current attempt: scrubbed from anything an upstream echoes back. */
  upstreamKey?: string;
}

export async function handleProxy(
  deps: AppDeps,
  api: ApiKind,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  pathModel?: string,
  pathStream?: boolean,
): Promise<void> {
  const wire = deps.wires[api];
  const ctx: Ctx = {
    id: newRequestId(),
    api,
    wire,
    t0: performance.now(),
    stream: false,
    requestedModel: pathModel ?? "",
    attempts: [],
    usage: emptyUsage(),
    cost: 0,
    baseline: 0,
    overheadMs: 0,
    ttfbMs: null,
    status: 200,
    error: null,
    keyId: null,
    settled: false,
    recorded: false,
  };
  const abort = new ClientAbort();
  const onClose = () => {
    if (!res.writableFinished) abort.abort();
  };
  res.on("close", onClose);
  try {
    ctx.keyId = (await deps.authorize?.(api, req.headers, url)) ?? null;
    checkContentType(req.headers["content-type"]);
    const raw = await readBody(req, deps.config.limits.max_body_bytes);
    const body = parseJsonBody(raw);
    const ir = wire.decodeRequest(body, { pathModel, stream: pathStream });
    ctx.ir = ir;
    ctx.stream = ir.stream;
    ctx.requestedModel = ir.model;
    const headers = req.headers as Record<string, string | undefined>;
    const plan = await deps.engine.plan({ api, headers, body, path: url.pathname, ir, rawBytes: raw.length });
    ctx.plan = plan;
    await deps.beforeCall?.(ctx.keyId, plan);
    await attemptAll(deps, ctx, req, res, raw, abort, url);
  } catch (e) {
    const err = toRouterError(e);
    if (err.code === "CR_INTERNAL") deps.log.error({ err: e, request_id: ctx.id }, "internal error");
    fail(ctx, res, err);
  } finally {
    res.off("close", onClose);
    if (abort.aborted && ctx.status < 400) {
      ctx.status = 499;
      ctx.error = "client closed the connection";
    }
    recordOnce(deps, ctx);
    if (ctx.plan && ctx.chosen && ctx.status < 400) deps.engine.commit(ctx.plan.sessionId, ctx.chosen.model, ctx.usage);
  }
}

function fail(ctx: Ctx, res: ServerResponse, err: RouterError): void {
  ctx.status = err.status;
  ctx.error = err.message;
  if (res.headersSent) {
    if (!res.writableEnded && !res.destroyed) res.end(ctx.wire.encodeStreamError(err));
    return;
  }
  const shape = ctx.wire.encodeError(err);
  // The request id goes first in every writeHead instead of a setHeader up front: the same bytes on the wire, but
  // node's writeHead takes its fast path only when no header was set before it (~4 µs per request).
  const headers: Record<string, string | number> = { [REQUEST_ID]: ctx.id, "content-type": "application/json" };
  if (err.retryAfter !== undefined) headers["retry-after"] = String(Math.ceil(err.retryAfter));
  if (ctx.plan) Object.assign(headers, decisionHeaders(ctx.plan, ctx.chosen, ctx.attempts));
  res.writeHead(shape.status, headers);
  res.end(JSON.stringify(shape.body));
}

async function attemptAll(
  deps: AppDeps,
  ctx: Ctx,
  req: IncomingMessage,
  res: ServerResponse,
  raw: Buffer,
  signal: ClientAbort,
  url: URL,
): Promise<void> {
  const plan = ctx.plan!;
  if (plan.candidates.length === 0)
    throw new RouterError(
      "not_found",
      `No model is available for this request (phase ${plan.classification.phase}): ${plan.reason}`,
      {
        code: "CR_NO_CANDIDATE",
      },
    );
  let last: RouterError | undefined;
  const health = deps.providerHealth;
  const open: string[] = [];
  for (const cand of plan.candidates) {
    if (signal.aborted)
      throw new RouterError("api_error", "client closed the connection", { status: 499, code: "CR_ABORTED" });
    if (health && !(await health.usable([cand.provider]))[0]) {
      open.push(cand.model);
      continue; // circuit open: skipped before any network call
    }
    const started = performance.now();
    try {
      const done = await attemptOne(deps, ctx, cand, req, res, raw, signal, url);
      if (done) {
        void health?.report(cand.provider, true);
        return;
      }
    } catch (e) {
      const err = toRouterError(e);
      ctx.attempts.push({
        model: cand.model,
        provider: cand.provider,
        status: err.status,
        error: err.message,
        ms: performance.now() - started,
      });
      if (health && err.isRetryable && err.code !== "CR_MISSING_KEY" && err.code !== "CR_ABORTED" && !signal.aborted)
        void health.report(cand.provider, false);
      if (res.headersSent) throw err; // after the first byte: no more fallbacks
      last = err;
      if (!err.isRetryable) throw err;
      deps.onFallback?.(cand, err);
    }
  }
  if (!last && open.length > 0)
    throw new RouterError(
      "overloaded",
      `Every provider this request can use is failing (circuit open for ${open.join(", ")}); try again shortly`,
      {
        status: 503,
        code: "CR_CIRCUIT_OPEN",
      },
    );
  if (ctx.attempts.length > 0 && ctx.attempts.every((a) => a.error?.startsWith("No API key"))) {
    const envs = [...new Set(plan.candidates.map((c) => deps.providers(c.provider)?.keyEnv).filter(Boolean))];
    throw new RouterError(
      "authentication",
      `No provider key is configured for any model this request can use (${plan.candidates.map((c) => c.model).join(", ")}): set ${envs.join(" or ")} in the router's environment`,
      { code: "CR_MISSING_KEY", retryable: false },
    );
  }
  throw last ?? new RouterError("api_error", "All candidates failed");
}

/** Returns true when the response was written. Throws a RouterError for a failed attempt. */
async function attemptOne(
  deps: AppDeps,
  ctx: Ctx,
  cand: Candidate,
  req: IncomingMessage,
  res: ServerResponse,
  raw: Buffer,
  signal: ClientAbort,
  url: URL,
): Promise<boolean> {
  const provider = deps.providers(cand.provider);
  if (!provider)
    throw new RouterError("not_found", `Unknown provider '${cand.provider}' for model ${cand.model}`, {
      retryable: true,
    });
  const key =
    provider.key ??
    (provider.passthroughClientKey && !deps.routerKeysEnabled
      ? clientKeyFor(ctx.api, provider.format, req, url)
      : undefined);
  ctx.upstreamKey = key;
  if (!key && !provider.keyless)
    throw new RouterError(
      "authentication",
      `No API key for provider '${provider.id}' (model ${cand.model}): set ${provider.keyEnv ?? "its api_key"} in the router's environment`,
      { code: "CR_MISSING_KEY", retryable: true },
    );
  const out = deps.wires[cand.format];
  const ir = ctx.ir!;
  let payload: string | Buffer | null = null;
  // Same format: splice the model into the raw bytes — unless the history carries another family's reasoning
  // wrapped for this client (cr1.…), which only a re-encode unwraps.
  if (cand.format === ctx.api && !hasCarriedReasoning(ir)) {
    payload = cand.format === "gemini" ? raw : spliceModel(raw, cand.upstreamModel);
  }
  if (payload === null) {
    const enc = out.encodeRequest(ir, cand.upstreamModel);
    payload = JSON.stringify(enc.body);
  }
  const target = upstreamUrl(provider, cand.format, cand.upstreamModel, ctx.stream);
  const headers = upstreamHeaders(provider, cand.format, key, ctx.api, req.headers, ctx.stream);
  const started = performance.now();
  ctx.overheadMs = started - ctx.t0;
  const up = await deps.forwarder.send(target, headers, payload, signal);
  if (up.status >= 400) {
    const text = await up.body.text().catch(() => "");
    // providers echo a bad key in their 401 text: never pass it on to the client, the ledger or the logs
    throw upstreamStatusError(up.status, provider.id, scrub(ctx, text), up.headers["retry-after"]);
  }
  ctx.chosen = cand;
  const clientModel = deps.config.response_model === "routed" ? cand.model : ctx.requestedModel || cand.model;
  if (!ctx.stream) {
    let json: unknown;
    try {
      json = await up.body.json();
    } catch (e) {
      throw new RouterError(
        "bad_gateway",
        `Upstream ${provider.id} sent an invalid JSON body: ${(e as Error).message}`,
        { code: "CR_UPSTREAM_BAD_JSON" },
      );
    }
    const ir = out.decodeResponse(json);
    const custom = wrappedCustomTools(ctx.ir!, cand.format);
    if (custom) unwrapCustomCalls(ir, custom);
    ctx.usage = ir.usage;
    const trailer = trailerFor(deps, ctx, cand, ir.usage);
    const body = ctx.wire.encodeResponse(ir, { model: clientModel, trailer });
    ctx.ttfbMs = performance.now() - ctx.t0;
    ctx.attempts.push({ model: cand.model, provider: cand.provider, status: 200, ms: performance.now() - started });
    res.writeHead(200, {
      [REQUEST_ID]: ctx.id,
      "content-type": "application/json",
      ...decisionHeaders(ctx.plan!, cand, ctx.attempts),
      ...costHeaders(trailer),
    });
    recordOnce(deps, ctx);
    res.end(JSON.stringify(body));
    return true;
  }
  await pipeStream(deps, ctx, cand, up.body, out, res, clientModel, started);
  return true;
}

function clientKeyFor(api: ApiKind, providerFormat: ApiKind, req: IncomingMessage, url: URL): string | undefined {
  // A client's key only works on the provider family its own API belongs to.
  const family = (f: ApiKind) => (f === "openai-chat" || f === "openai-responses" ? "openai" : f);
  if (family(api) !== family(providerFormat)) return undefined;
  return clientKey(api, req.headers, url);
}

function trailerFor(deps: AppDeps, ctx: Ctx, cand: Candidate, usage: IRUsage): DecisionTrailer {
  const p = deps.engine.price(cand.model, usage);
  ctx.cost = p.cost;
  ctx.baseline = p.baseline;
  // Priced: charge the key now, before the answer's last bytes go out (see AppDeps.settle).
  if (deps.settle && !ctx.settled) {
    ctx.settled = true;
    deps.settle({
      key_id: ctx.keyId,
      cost_usd: p.cost,
      input_tokens: usage.inputTokens,
      output_tokens: usage.outputTokens,
      cache_read_tokens: usage.cacheReadTokens,
      cache_write_tokens: usage.cacheWriteTokens,
    });
  }
  const c = ctx.plan!.classification;
  const savings = p.baseline - p.cost;
  return {
    request_id: ctx.id,
    phase: c.phase,
    phase_confidence: round(c.confidence, 3),
    agent: c.agent,
    model: cand.model,
    provider: cand.provider,
    cost_usd: round(p.cost, 8),
    cost_if_opus_usd: round(p.baseline, 8),
    savings_usd: round(savings, 8),
    savings_pct: p.baseline > 0 ? round((savings / p.baseline) * 100, 1) : 0,
  };
}

const round = (x: number, d: number) => {
  const f = 10 ** d;
  return Math.round(x * f) / f;
};

/**
 * Streams upstream SSE → IR → client SSE. Headers are held back until the first real event, so an upstream that
 * opens with an error event still counts as a failed attempt (fallback) rather than a broken 200 stream.
 */
async function pipeStream(
  deps: AppDeps,
  ctx: Ctx,
  cand: Candidate,
  body: AsyncIterable<Buffer> & { destroy(err?: Error): unknown },
  out: WireFormat,
  res: ServerResponse,
  clientModel: string,
  started: number,
): Promise<void> {
  const parser = new SSEParser();
  const decoder = withCustomUnwrap(out.createStreamDecoder(), wrappedCustomTools(ctx.ir!, cand.format));
  const encoder = ctx.wire.createStreamEncoder({
    model: clientModel,
    trailer: (usage) => trailerFor(deps, ctx, cand, usage),
  });
  let committed = false;
  let finished = false;
  let closed = false;
  /** Ends the answer once: the attempt and the ledger row are recorded before its last bytes leave. */
  const close = (): void => {
    if (closed) return;
    closed = true;
    ctx.attempts.push({
      model: cand.model,
      provider: cand.provider,
      status: ctx.status,
      ms: performance.now() - started,
      ...(ctx.error ? { error: ctx.error } : {}),
    });
    if (res.destroyed) return;
    recordOnce(deps, ctx);
    res.end();
  };
  const commit = () => {
    committed = true;
    ctx.ttfbMs = performance.now() - ctx.t0;
    res.writeHead(200, {
      [REQUEST_ID]: ctx.id,
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      connection: "keep-alive",
      "x-accel-buffering": "no",
      ...decisionHeaders(ctx.plan!, cand, [
        ...ctx.attempts,
        { model: cand.model, provider: cand.provider, status: 200, ms: 0 },
      ]),
    });
  };
  const emit = (events: IRStreamEvent[]): void => {
    let text = "";
    for (const ev of events) {
      if (ev.type === "message_start" && ev.usage) Object.assign(ctx.usage, ev.usage);
      if (ev.type === "error") {
        ev.error.message = scrub(ctx, ev.error.message);
        if (!committed) {
          throw new RouterError(
            kindFromType(ev.error.type, ev.error.status),
            `Upstream ${cand.provider} stream error: ${ev.error.message}`,
            {
              status: ev.error.status,
              code: "CR_UPSTREAM_STREAM_ERROR",
            },
          );
        }
        finished = true;
        ctx.status = ev.error.status || 502;
        ctx.error = ev.error.message;
      }
      if (ev.type === "finish") {
        ctx.usage = ev.usage;
        finished = true;
      }
      if (!committed) commit();
      text += encoder.push(ev);
    }
    if (text) res.write(text);
  };
  try {
    let linger: NodeJS.Timeout | undefined;
    for await (const chunk of body) {
      // After the final event, drain what is left instead of breaking out: breaking destroys the body with an
      // AbortError (a stack trace per request). An upstream that lingers is cut after a second.
      if (finished || res.destroyed) continue;
      emit(flatten(parser.push(chunk), decoder));
      if (finished) {
        close();
        linger = setTimeout(() => body.destroy(), 1000);
        linger.unref();
      }
    }
    clearTimeout(linger);
    if (!finished && !res.destroyed) {
      const tail: IRStreamEvent[] = [];
      for (const ev of parser.end()) tail.push(...decoder.push(ev));
      tail.push(...decoder.end());
      emit(tail);
    }
  } catch (e) {
    body.destroy();
    if (!committed) throw e;
    if (finished) {
      // an upstream that lingered after its final event was cut: the client already has the whole answer
    } else if (res.destroyed) {
      // the client went away: our own abort of the upstream read is not an upstream failure
      ctx.status = 499;
      ctx.error = "client closed the connection";
    } else {
      const err = toRouterError(e);
      ctx.status = err.status >= 400 ? err.status : 502;
      ctx.error = err.message;
      res.write(ctx.wire.encodeStreamError(err));
    }
  }
  if (!committed) {
    // the upstream closed without a single event
    throw new RouterError("bad_gateway", `Upstream ${cand.provider} closed the stream without any event`, {
      code: "CR_UPSTREAM_EMPTY_STREAM",
    });
  }
  if (!finished && !res.destroyed) {
    const tail = encoder.end();
    if (tail) res.write(tail);
  }
  close();
  if (!finished) body.destroy();
}

/** Upstream text with the key we sent (and anything key-shaped) removed. */
function scrub(ctx: Ctx, text: string): string {
  return redactSecrets(text, ctx.upstreamKey ? [ctx.upstreamKey] : []);
}

function withCustomUnwrap(d: StreamDecoder, names: Set<string> | null): StreamDecoder {
  if (!names) return d;
  const unwrap = customCallUnwrapper(names);
  return {
    push: (ev) => d.push(ev).flatMap(unwrap),
    end: () => d.end().flatMap(unwrap),
  };
}

function flatten(events: ReturnType<SSEParser["push"]>, decoder: StreamDecoder): IRStreamEvent[] {
  if (events.length === 0) return [];
  if (events.length === 1) return decoder.push(events[0]);
  const out: IRStreamEvent[] = [];
  for (const ev of events) out.push(...decoder.push(ev));
  return out;
}

function kindFromType(type: string, status: number) {
  if (/overload/i.test(type) || status === 529 || status === 503) return "overloaded" as const;
  if (/rate/i.test(type) || status === 429) return "rate_limit" as const;
  if (/invalid/i.test(type) || status === 400) return "invalid_request" as const;
  return "api_error" as const;
}

/**
 * Hands the request's ledger row to `deps.record`, once: on an answer, just before its last bytes are written (a
 * process killed once the client has the whole answer must not lose the row); otherwise when the handler ends.
 */
function recordOnce(deps: AppDeps, ctx: Ctx): void {
  if (ctx.recorded) return;
  ctx.recorded = true;
  deps.record(toRecord(ctx), ctx.settled);
}

function toRecord(ctx: Ctx) {
  const c = ctx.plan?.classification;
  const now = performance.now();
  return {
    id: ctx.id,
    ts: Date.now(),
    session_id: ctx.plan?.sessionId ?? null,
    agent: c?.agent ?? "unknown",
    kind: c?.kind ?? "main",
    phase: c?.phase ?? null,
    confidence: c?.confidence ?? null,
    signals: c?.signals ?? [],
    layer: c?.layer ?? null,
    mode: c?.mode ?? null,
    api: ctx.api,
    requested_model: ctx.requestedModel,
    model: ctx.chosen?.model ?? null,
    provider: ctx.chosen?.provider ?? null,
    attempts: ctx.attempts,
    input_tokens: ctx.usage.inputTokens,
    output_tokens: ctx.usage.outputTokens,
    cache_read_tokens: ctx.usage.cacheReadTokens,
    cache_write_tokens: ctx.usage.cacheWriteTokens,
    cache_write_1h_tokens: ctx.usage.cacheWrite1hTokens,
    reasoning_tokens: ctx.usage.reasoningTokens,
    cost_usd: ctx.cost,
    baseline_cost_usd: ctx.baseline,
    overhead_ms: ctx.overheadMs,
    ttfb_ms: ctx.ttfbMs,
    total_ms: now - ctx.t0,
    status: ctx.status,
    error: ctx.error,
    stream: ctx.stream,
    key_id: ctx.keyId,
    content: null,
  };
}

export type ProxyRecord = ReturnType<typeof toRecord>;
