/**
 * What counts as "the agent completed the tool-using turn through the router": pure checks over what the CLI
 * printed, what the fake upstream saw, what the tap saw of the router's responses, and the router's ledger.
 */
import type { ClientId, RunResult } from "./clients.js";
import { FINAL_TEXT, MARKER, type Seen } from "./fake-upstream.js";
import type { Format } from "./replies.js";
import type { LedgerRow } from "./router.js";
import type { TapRecord } from "./tap.js";

export type Status = "PASS" | "FAIL" | "SKIP" | "INFO";
export interface Check {
  name: string;
  status: Status;
  detail: string;
}

export interface Evidence {
  client: ClientId;
  inbound: Format;
  /** Forced model id, or undefined when the CLI talked to the fake upstream directly. */
  model: string | undefined;
  /** Upstream formats the model may be called in (from the router's catalog, else by family). */
  formats: Format[];
  run: RunResult;
  fileText: string | undefined;
  seen: Seen[];
  tap: TapRecord[] | undefined;
  ledger: LedgerRow[] | string | undefined;
  /** The model name the upstream should be asked for (the catalog's upstream_id). */
  upstreamModel: string;
}

export interface CatalogEntry {
  format: Format;
  upstream_id?: string;
}

/** The provider format a model is served in: the catalog's `format`, else judged by its family name. */
export function expectedFormats(model: string, entry?: CatalogEntry): Format[] {
  if (entry?.format) return [entry.format];
  if (model.startsWith("claude")) return ["anthropic-messages"];
  if (model.startsWith("gemini")) return ["gemini"];
  return ["openai-chat", "openai-responses"];
}

const ok = (cond: boolean, name: string, detail: string): Check => ({ name, status: cond ? "PASS" : "FAIL", detail });
const clip = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n)}…` : s).replace(/\s+/g, " ").trim();

export function evaluate(e: Evidence): Check[] {
  const out: Check[] = [];
  const secs = (e.run.ms / 1000).toFixed(1);
  out.push(
    ok(
      e.run.code === 0 && !e.run.timedOut,
      "CLI exited 0",
      e.run.timedOut ? `timed out after ${secs}s` : `exit ${e.run.code ?? e.run.signal} in ${secs}s`,
    ),
  );
  out.push(
    ok(
      e.run.stdout.includes(FINAL_TEXT),
      `CLI printed "${FINAL_TEXT}"`,
      `stdout: ${JSON.stringify(clip(e.run.stdout, 80))}`,
    ),
  );
  out.push(
    ok(
      (e.fileText ?? "").includes(MARKER),
      "tool ran (out.txt written)",
      e.fileText === undefined ? "out.txt missing" : `out.txt = ${JSON.stringify(e.fileText.trim())}`,
    ),
  );

  const model = e.seen.filter((s) => s.format && s.method === "POST");
  const call = model.find((s) => s.reply.startsWith("tool:"));
  const answer = model.find((s) => s.answers !== undefined);
  out.push(
    ok(
      !!call,
      "upstream: 1st reply was a tool call",
      call
        ? `#${call.n} ${call.format} ${call.path} model=${call.model} → ${call.reply.split("#")[0]}`
        : `no request offered a shell tool (tools seen: ${clip(model.map((s) => s.tools.join(",")).join(" | "), 120)})`,
    ),
  );
  const result = answer?.toolResults.find((r) => r.id === answer.answers);
  const issuedId = call?.reply.split("#")[1] ?? "";
  // Same id as issued, or renamed consistently: the request's own assistant turn carries the call with that id.
  const idOk = !!result && (result.id === issuedId || JSON.stringify(answer?.body).split(result.id).length > 2);
  const idNote = !result ? "" : result.id === issuedId ? "call id kept" : `call id ${issuedId} → ${result.id}`;
  out.push(
    ok(
      !!answer && !!call && answer.n > call.n && !!result?.text.includes(MARKER) && idOk,
      "upstream: 2nd request carried the tool result",
      answer && result
        ? `#${answer.n} ${result.where}, ${idNote}: ${JSON.stringify(clip(result.text.slice(Math.max(0, result.text.indexOf(MARKER) - 30)), 90))}`
        : `no later request answered the call (last request ended with: ${clip(JSON.stringify(model.at(-1)?.toolResults ?? "nothing"), 120)})`,
    ),
  );
  out.push(
    ok(
      model.length === 2,
      "upstream saw 2 model requests",
      `${model.length}: ${model.map((s) => `#${s.n} ${s.format}${s.stream ? " stream" : ""} → ${s.reply.split("#")[0]}`).join("; ")}`,
    ),
  );

  const violations = model.flatMap((s) => s.violations.map((v) => `#${s.n} ${v}`));
  const notes = model.flatMap((s) => s.notes.map((n) => `#${s.n} ${n}`));
  out.push(
    ok(
      violations.length === 0,
      "requests valid for the real provider",
      `${violations.length ? violations.join("; ") : "no documented-rule violations"}; reasoning: ${notes.join("; ") || (model.some((s) => s.signature) ? "issued, not checked" : "not requested")}`,
    ),
  );
  out.push(timings(e, model));
  if (!e.model) {
    for (const name of [
      "routed cross-format",
      "router headers name the model",
      "response names the requested model",
      "stream trailer has coderouter cost",
      "ledger records the model",
    ])
      out.push({ name, status: "SKIP", detail: "direct mode (no router)" });
    return out;
  }
  const want = e.formats;
  const formats = [...new Set(model.map((s) => s.format))];
  out.push(
    ok(
      model.length > 0 &&
        formats.every((f) => f && want.includes(f) && f !== e.inbound) &&
        model.every((s) => s.model === e.upstreamModel),
      "routed cross-format",
      `${e.inbound} in → ${formats.join(",") || "nothing"} out (upstream model ${[...new Set(model.map((s) => s.model))].join(",")})`,
    ),
  );
  const posts = (e.tap ?? []).filter((r) => r.method === "POST");
  const named = posts.filter((r) => r.decision["x-coderouter-model"] === e.model);
  const h = posts[0]?.decision ?? {};
  out.push(
    ok(
      posts.length > 0 && named.length === posts.length,
      "router headers name the model",
      posts.length
        ? `${named.length}/${posts.length} responses x-coderouter-model=${e.model}; provider=${h["x-coderouter-provider"]} phase=${h["x-coderouter-phase"]} agent=${h["x-coderouter-agent"]}`
        : "no POST went through the router",
    ),
  );
  const renamed = posts.filter((r) => r.respondedModels.some((m) => m !== r.requestedModel));
  out.push(
    ok(
      posts.length > 0 && renamed.length === 0 && posts.every((r) => r.respondedModels.length > 0),
      "response names the requested model",
      `asked ${[...new Set(posts.map((r) => r.requestedModel))].join(",")}, got ${[...new Set(posts.flatMap((r) => r.respondedModels))].join(",") || "none"}`,
    ),
  );
  const trailers = posts
    .map((r) => r.trailer)
    .filter((x) => x && x.model === e.model && typeof x.cost_usd === "number");
  const tr = trailers[0];
  out.push(
    ok(
      posts.length > 0 && trailers.length === posts.length,
      "stream trailer has coderouter cost",
      tr
        ? `${trailers.length}/${posts.length}; e.g. model=${tr.model} cost_usd=${tr.cost_usd} cost_if_opus_usd=${tr.cost_if_opus_usd} savings_pct=${tr.savings_pct}`
        : `${trailers.length}/${posts.length} responses carried a coderouter object naming ${e.model}`,
    ),
  );
  if (typeof e.ledger === "string" || e.ledger === undefined) {
    out.push({ name: "ledger records the model", status: "SKIP", detail: e.ledger ?? "not read" });
  } else {
    const rows = e.ledger.filter((r) => r.model === e.model);
    out.push(
      ok(
        rows.length >= 2 && rows.every((r) => r.status === 200),
        "ledger records the model",
        `${rows.length}/${e.ledger.length} rows model=${e.model}; ${e.ledger.map((r) => `${r.api} ${r.requested_model}→${r.model} ${r.status} ${r.phase}`).join("; ")}`,
      ),
    );
  }
  return out;
}

/** Informational: the CLI's wall time and, through the tap, how long the router took per request. */
function timings(e: Evidence, model: Seen[]): Check {
  const posts = (e.tap ?? []).filter((r) => r.method === "POST");
  const parts = [`CLI ${(e.run.ms / 1000).toFixed(1)}s`];
  if (posts.length === model.length && posts.length > 0) {
    parts.push(`router request→upstream ${posts.map((p, i) => model[i].at - p.t.req).join("/")} ms`);
    parts.push(`request→response headers ${posts.map((p) => p.t.headers - p.t.req).join("/")} ms`);
  }
  return { name: "timings", status: "INFO", detail: parts.join("; ") };
}
