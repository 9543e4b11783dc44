/**
 * The dashboard served at `GET /`: one self-contained HTML page (inline CSS and JS, no CDN, works offline),
 * built once at import. A strict Content-Security-Policy allows exactly this page's script and style (by hash)
 * and fetches to this origin only.
 */
import { createHash } from "node:crypto";
import { DASHBOARD_JS } from "./client.js";
import { DASHBOARD_CSS } from "./style.js";

const sha256 = (s: string) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`;

const LOGO = `<svg viewBox="0 0 24 24" aria-hidden="true"><rect width="24" height="24" rx="6" fill="#2563eb"/><path d="M6 8h5l3 4-3 4H6m7-8h5m-5 8h5" fill="none" stroke="#fff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
const FAVICON = `data:image/svg+xml,${encodeURIComponent(LOGO.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" '))}`;

const kpi = (id: string, label: string, cls = "") =>
  `<div class="kpi${cls}"><div class="label">${label}</div><div class="value" id="k-${id}">–</div><div class="sub" id="k-${id}-sub">&nbsp;</div></div>`;

export const DASHBOARD_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>CodeRouter</title>
<link rel="icon" href="${FAVICON}">
<style>${DASHBOARD_CSS}</style>
</head>
<body>
<header class="top">
  <div class="brand">${LOGO}<span>CodeRouter</span><small>routing ledger</small></div>
  <nav class="ranges" id="ranges" aria-label="Time range"></nav>
  <div class="live" id="live"><span class="dot"></span><span id="live-text">connecting…</span></div>
</header>
<main>
  <section class="kpis">
    ${kpi("requests", "Requests")}
    ${kpi("cost", "Cost")}
    ${kpi("baseline", "Cost if all-Opus")}
    ${kpi("savings", "Saved", " save")}
  </section>
  <section class="card">
    <div class="card-head"><h2>Savings over time</h2><span class="hint">cumulative</span>
      <div class="legend"><span><i class="base"></i>cost if all-Opus</span><span><i class="cost"></i>actual cost</span><span><i class="saved"></i>saved</span></div>
    </div>
    <div class="chart" id="chart"><div class="tip" id="tip"></div></div>
  </section>
  <div class="grid2">
    <section class="card"><div class="card-head"><h2>Phase mix</h2><span class="hint">what the classifier saw</span></div><div class="mix" id="phases"></div></section>
    <section class="card"><div class="card-head"><h2>Model mix</h2><span class="hint">where requests went</span></div><div class="mix" id="models"></div></section>
  </div>
  <section class="card">
    <div class="card-head"><h2>Live decisions</h2><span class="hint">newest first · click a row for the signals behind the phase</span></div>
    <div class="feed-wrap"><table>
      <thead><tr><th>Time</th><th>Phase</th><th>Confidence</th><th>Agent</th><th>Kind</th><th>Model</th><th class="num">Cost</th><th class="num">Saved</th></tr></thead>
      <tbody id="feed"></tbody>
    </table></div>
  </section>
  <section class="card">
    <div class="card-head"><h2>Sessions</h2><span class="hint">top by cost · click for the session summary</span></div>
    <table>
      <thead><tr><th>Session</th><th>Agent</th><th class="num">Requests</th><th class="num">Cost</th><th class="num">All-Opus</th><th class="num">Saved</th><th class="num">Last seen</th></tr></thead>
      <tbody id="sessions"></tbody>
    </table>
    <div class="session-detail" id="session-detail"></div>
  </section>
</main>
<footer><span id="f-backend">ledger</span><span id="f-overhead"></span><a href="/metrics">/metrics</a><a href="/v1/stats?since=7d">/v1/stats</a></footer>
<script>${DASHBOARD_JS}</script>
</body>
</html>
`;

export const DASHBOARD_HEADERS: Record<string, string | number> = {
  "content-type": "text/html; charset=utf-8",
  "content-length": Buffer.byteLength(DASHBOARD_HTML),
  "cache-control": "no-cache",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "content-security-policy": [
    "default-src 'none'",
    `script-src ${sha256(DASHBOARD_JS)}`,
    `style-src ${sha256(DASHBOARD_CSS)}`,
    "img-src data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; "),
};
