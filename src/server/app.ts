/**
 * The HTTP surface: a small static route table over node:http (the cheapest Node server there is), dispatching to
 * the proxy pipeline for the four inbound APIs and to small handlers for the rest.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { RouterError, toRouterError } from "../errors/index.js";
import type { ApiKind } from "../ir/types.js";
import { guessApi } from "../route/dry-run.js";
import { checkContentType, parseJsonBody, readBody } from "./body.js";
import { estimateInputTokens } from "./count-tokens.js";
import type { AppDeps } from "./deps.js";
import { handleProxy } from "./proxy.js";

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
};

const GEMINI_PATH = /^\/v1(?:beta|alpha)?\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;

/** Which API a path belongs to (for error shapes on unknown routes too). */
export function apiForPath(path: string): ApiKind {
  if (path.startsWith("/v1/messages")) return "anthropic-messages";
  if (path.startsWith("/v1beta") || path.startsWith("/v1alpha")) return "gemini";
  if (path.endsWith("/responses")) return "openai-responses";
  return "openai-chat";
}

export function createHandler(deps: AppDeps) {
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://localhost");
    } catch {
      json(res, 400, { error: { message: "Malformed request URL", type: "invalid_request_error" } });
      return;
    }
    const method = req.method ?? "GET";
    const path = url.pathname;
    try {
      if (method === "POST") {
        switch (path) {
          case "/v1/messages":
            return await handleProxy(deps, "anthropic-messages", req, res, url);
          case "/v1/chat/completions":
          case "/chat/completions":
            return await handleProxy(deps, "openai-chat", req, res, url);
          case "/v1/responses":
          case "/responses":
            return await handleProxy(deps, "openai-responses", req, res, url);
          case "/v1/messages/count_tokens":
            await guard(deps, req, url);
            return await countTokens(deps, req, res, url);
          case "/v1/route":
            await guard(deps, req, url);
            return await routeOnly(deps, req, res, url);
        }
        const g = GEMINI_PATH.exec(path);
        if (g)
          return await handleProxy(
            deps,
            "gemini",
            req,
            res,
            url,
            decodeURIComponent(g[1]),
            g[2] === "streamGenerateContent",
          );
      }
      if (method === "HEAD" && (path === "/" || path === "/healthz")) {
        res.writeHead(200);
        res.end();
        return;
      }
      if (method === "GET") {
        if (path === "/healthz") return json(res, 200, { status: "ok" });
        // the dashboard page itself holds no data; everything it reads (and every other route) needs a router key
        if (path !== "/") await guard(deps, req, url);
        if (path === "/v1/models" || path === "/models") return listModels(deps, res);
        if (deps.extraRoutes && (await deps.extraRoutes(method, url, res))) return;
        if (path === "/") return json(res, 200, { name: "coderouter", status: "ok" });
      }
      throw new RouterError("not_found", `No route for ${method} ${path}`, { code: "CR_NO_ROUTE" });
    } catch (e) {
      const err = toRouterError(e);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const shape = deps.wires[apiForPath(path)].encodeError(err);
      json(res, shape.status, shape.body);
    }
  };
}

/** With router keys configured, read-only and dry-run routes need a key too (they show spend and decisions). */
async function guard(deps: AppDeps, req: IncomingMessage, url: URL): Promise<void> {
  if (deps.authorize) await deps.authorize(apiForPath(url.pathname), req.headers, url);
}

function listModels(deps: AppDeps, res: ServerResponse): void {
  const data = [{ id: "coderouter/auto", provider: "coderouter" }, ...deps.engine.listModels()].map((m) => ({
    id: m.id,
    object: "model",
    created: 0,
    owned_by: m.provider,
    // Anthropic's /v1/models shape fields, so either SDK can list them
    type: "model",
    display_name: m.id,
  }));
  json(res, 200, { object: "list", data, has_more: false, first_id: data[0]?.id, last_id: data.at(-1)?.id });
}

async function readJson(deps: AppDeps, req: IncomingMessage) {
  checkContentType(req.headers["content-type"]);
  return parseJsonBody(await readBody(req, deps.config.limits.max_body_bytes));
}

async function countTokens(deps: AppDeps, req: IncomingMessage, res: ServerResponse, _url: URL): Promise<void> {
  const body = await readJson(deps, req);
  json(res, 200, { input_tokens: estimateInputTokens(body) });
}

/** POST /v1/route: the decision without calling a model. Body: an envelope {api, headers, body} or a bare request body. */
async function routeOnly(deps: AppDeps, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const raw = await readJson(deps, req);
  const env = raw.body && typeof raw.body === "object" ? raw : { api: guessApi(raw), headers: req.headers, body: raw };
  const api = (env.api as ApiKind) ?? guessApi(env.body as Record<string, unknown>);
  const wire = deps.wires[api];
  if (!wire) throw new RouterError("invalid_request", `Unknown api '${String(env.api)}'`);
  const body = env.body as Record<string, unknown>;
  const ir = wire.decodeRequest(body, {});
  const headers = Object.fromEntries(
    Object.entries((env.headers as Record<string, unknown>) ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
  );
  const plan = await deps.engine.plan({
    api,
    headers,
    body,
    path: url.pathname,
    ir,
    rawBytes: JSON.stringify(body).length,
    explain: true,
  });
  json(res, 200, {
    classification: plan.classification,
    session_id: plan.sessionId,
    candidates: plan.candidates,
    reason: plan.reason,
    decision: plan.detail,
  });
}
