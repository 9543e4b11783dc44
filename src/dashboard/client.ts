/**
 * The dashboard's browser script (plain ES2020, no template literals so it can live in this string). It polls the
 * JSON endpoints every 2 s and renders with DOM nodes and `textContent` only: agent names, signals and session ids
 * come from clients, so nothing is ever parsed as HTML.
 */
export const DASHBOARD_JS = `
(function () {
  "use strict";
  var POLL_MS = 2000;
  var RANGES = ["1h", "24h", "7d", "30d", "all"];
  var PHASE_COLORS = {
    plan: "#8b5cf6", implement: "#3b82f6", debug: "#ef4444", test: "#d97706", refactor: "#0d9488",
    document: "#16a34a", small_edit: "#64748b", unknown: "#9ca3af"
  };
  var MODEL_COLORS = ["#3b82f6", "#8b5cf6", "#0d9488", "#d97706", "#db2777", "#65a30d", "#0891b2", "#9333ea"];
  var params = new URLSearchParams(location.search);
  var range = RANGES.indexOf(params.get("range")) >= 0 ? params.get("range") : "7d";
  var expanded = {};
  var selectedSession = null;
  var feedKey = "";
  var lastSeries = null;
  var timer = 0;
  var modelColor = {};

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else if (k.slice(0, 2) === "on") e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? "" : String(v));
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      if (Array.isArray(c)) c.forEach(function (x) { if (x) e.append(x); });
      else e.append(c);
    }
    return e;
  }
  var SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs) e.setAttribute(k, String(attrs[k]));
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function usd(v) {
    var a = Math.abs(v || 0);
    var d = a === 0 ? 2 : a >= 1 ? 2 : a >= 0.01 ? 4 : 6;
    return (v < 0 ? "\\u2212" : "") + "$" + a.toFixed(d);
  }
  /** Axis label: as many decimals as the tick step needs ($0.0005, $0.25, $100). */
  function usdTick(v, step) {
    var d = 0;
    while (d < 8 && Math.abs(step * Math.pow(10, d) - Math.round(step * Math.pow(10, d))) > 1e-6) d++;
    return "$" + v.toFixed(d);
  }
  function int(v) { return Number(v || 0).toLocaleString("en-US"); }
  function pct(part, whole) { return whole > 0 ? ((part / whole) * 100).toFixed(1) + "%" : "\\u2013"; }
  function savedPct(cost, base) { return base > 0 ? (((base - cost) / base) * 100).toFixed(0) + "%" : "\\u2013"; }
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function clock(ms, withSeconds) {
    var d = new Date(ms);
    return two(d.getHours()) + ":" + two(d.getMinutes()) + (withSeconds ? ":" + two(d.getSeconds()) : "");
  }
  function stamp(ms) {
    var d = new Date(ms);
    var today = new Date().toDateString() === d.toDateString();
    return today ? clock(ms, true) : d.toLocaleDateString("en-US", { month: "short", day: "numeric" }) + " " + clock(ms, false);
  }
  function ago(ms) {
    var s = Math.max(0, Math.round((Date.now() - ms) / 1000));
    if (s < 60) return s + "s ago";
    if (s < 3600) return Math.round(s / 60) + "m ago";
    if (s < 86400) return Math.round(s / 3600) + "h ago";
    return Math.round(s / 86400) + "d ago";
  }
  function phaseColor(p) { return PHASE_COLORS[p] || PHASE_COLORS.unknown; }
  function colorForModel(m) {
    if (!modelColor[m]) modelColor[m] = MODEL_COLORS[Object.keys(modelColor).length % MODEL_COLORS.length];
    return modelColor[m];
  }
  function swatch(color) { var s = el("span", { class: "sw" }); s.style.background = color; return s; }
  function pill(phase) {
    return el("span", { class: "pill" }, swatch(phaseColor(phase)), phase || "unknown");
  }
  function short(id, n) { return id && id.length > n ? id.slice(0, n - 1) + "\\u2026" : id || ""; }

  // With router keys configured, open the dashboard as /?key=<router key>: the key is kept for this tab only.
  var routerKey = new URLSearchParams(location.search).get("key") || sessionStorage.getItem("coderouter-key");
  if (routerKey) {
    sessionStorage.setItem("coderouter-key", routerKey);
    if (location.search) history.replaceState(null, "", location.pathname);
  }
  async function getJson(path) {
    var headers = { accept: "application/json" };
    if (routerKey) headers["x-api-key"] = routerKey;
    var r = await fetch(path, { cache: "no-store", headers: headers });
    if (!r.ok) throw new Error(path + " \\u2192 HTTP " + r.status);
    return r.json();
  }

  function setLive(ok, text) {
    var live = $("live");
    live.className = "live " + (ok ? "ok" : "down");
    $("live-text").textContent = text;
  }

  function renderKpis(s) {
    $("k-requests").textContent = int(s.requests);
    $("k-requests-sub").textContent = s.errors ? int(s.errors) + " errors" : "no errors";
    $("k-cost").textContent = usd(s.cost);
    $("k-cost-sub").textContent = int(s.input_tokens) + " in \\u00b7 " + int(s.output_tokens) + " out tokens";
    $("k-baseline").textContent = usd(s.baseline_cost);
    $("k-baseline-sub").textContent = "same requests on the baseline";
    $("k-savings").textContent = usd(s.savings);
    $("k-savings-sub").textContent = s.baseline_cost > 0 ? s.savings_pct.toFixed(1) + "% saved" : "nothing to compare yet";
    $("f-backend").textContent = "ledger: " + s.backend;
    $("f-overhead").textContent = "router overhead p50 " + s.overhead_ms.p50.toFixed(2) + " ms \\u00b7 p99 " + s.overhead_ms.p99.toFixed(2) + " ms";
    document.title = s.requests ? "CodeRouter \\u00b7 " + usd(s.savings) + " saved" : "CodeRouter";
  }

  function renderMix(target, groups, total, colorOf) {
    var box = $(target);
    var rows = [el("div", { class: "row head" },
      el("span", { text: target === "phases" ? "phase" : "model" }), el("span", { text: "requests" }),
      el("span", { class: "num", text: "req" }), el("span", { class: "num", text: "share" }),
      el("span", { class: "num", text: "cost" }), el("span", { class: "num", text: "saved" }))];
    var keys = Object.keys(groups);
    keys.forEach(function (k) {
      var g = groups[k];
      var fill = el("div");
      fill.style.width = (total > 0 ? (g.requests / total) * 100 : 0).toFixed(1) + "%";
      fill.style.background = colorOf(k);
      rows.push(el("div", { class: "row", title: k + ": " + int(g.requests) + " requests, " + usd(g.cost) + " (all-Opus " + usd(g.baseline_cost) + ")" },
        el("span", { class: "name" }, swatch(colorOf(k)), el("span", { class: "ellipsis", text: k })),
        el("div", { class: "track" }, fill),
        el("span", { class: "num", text: int(g.requests) }),
        el("span", { class: "num muted", text: pct(g.requests, total) }),
        el("span", { class: "num", text: usd(g.cost) }),
        el("span", { class: "num saved", text: savedPct(g.cost, g.baseline_cost) })));
    });
    if (!keys.length) rows.push(el("div", { class: "muted", text: "No requests in this range yet." }));
    box.replaceChildren.apply(box, rows);
  }

  function detailRow(r) {
    var dl = el("dl", { class: "detail-grid" });
    function add(k, v) { dl.append(el("dt", { text: k }), el("dd", null, v)); }
    var sig = (r.signals || []).map(function (s) { return el("span", { class: "chip", text: s }); });
    add("signals", sig.length ? el("div", { class: "chips" }, sig) : el("span", { class: "muted", text: "none recorded" }));
    add("classifier", (r.layer ? r.layer + " layer" : "layer n/a") + (r.mode ? " \\u00b7 mode " + r.mode : "") + " \\u00b7 confidence " + (r.confidence === null ? "n/a" : r.confidence.toFixed(2)));
    add("request", el("span", null, el("a", { class: "mono", href: "/v1/requests/" + encodeURIComponent(r.id), target: "_blank", text: r.id }),
      el("span", { class: "muted", text: "  " + r.api + (r.stream ? " \\u00b7 streamed" : "") + " \\u00b7 asked for " + (r.requested_model || "?") })));
    if (r.session_id) add("session", el("a", { class: "mono", href: "/v1/sessions/" + encodeURIComponent(r.session_id), target: "_blank", text: r.session_id }));
    add("tokens", int(r.input_tokens) + " in \\u00b7 " + int(r.output_tokens) + " out \\u00b7 " + int(r.cache_read_tokens) + " cache read \\u00b7 " + int(r.cache_write_tokens) + " cache write");
    add("cost", usd(r.cost_usd) + " vs " + usd(r.baseline_cost_usd) + " on the baseline (" + savedPct(r.cost_usd, r.baseline_cost_usd) + " saved)");
    add("latency", "router " + r.overhead_ms.toFixed(2) + " ms \\u00b7 first byte " + (r.ttfb_ms === null ? "\\u2013" : Math.round(r.ttfb_ms) + " ms") + " \\u00b7 total " + Math.round(r.total_ms) + " ms");
    if ((r.attempts || []).length > 1 || r.error) {
      add("attempts", (r.attempts || []).map(function (a) { return a.model + " \\u2192 " + (a.status || "no response") + (a.error ? " (" + a.error + ")" : ""); }).join(", ") || "none");
    }
    if (r.error) add("error", el("span", { class: "saved", text: r.status + " " + r.error }));
    return el("tr", { class: "detail" }, el("td", { colspan: 8 }, dl));
  }

  function renderFeed(rows) {
    var key = rows.map(function (r) { return r.id; }).join(",") + "|" + Object.keys(expanded).join(",");
    if (key === feedKey) return;
    feedKey = key;
    var body = $("feed");
    var out = [];
    if (!rows.length) out.push(el("tr", { class: "empty-row" }, el("td", { colspan: 8, text: "Waiting for the first request\\u2026 point your agent at this router." })));
    rows.forEach(function (r) {
      var open = !!expanded[r.id];
      var meter = el("span", { class: "meter" }, el("div"));
      meter.firstChild.style.width = Math.round((r.confidence || 0) * 100) + "%";
      meter.firstChild.style.background = phaseColor(r.phase);
      var failed = r.status >= 400;
      var tr = el("tr", {
        class: "rowlink" + (open ? " open" : ""), "data-id": r.id,
        title: "signals: " + ((r.signals || []).join(" \\u00b7 ") || "none") + " \\u2014 click for details",
        onclick: function () { if (expanded[r.id]) delete expanded[r.id]; else expanded[r.id] = true; renderFeed(rows); }
      },
        el("td", { class: "muted", text: stamp(r.ts) }),
        el("td", null, pill(r.phase)),
        el("td", null, meter, r.confidence === null ? "\\u2013" : r.confidence.toFixed(2)),
        el("td", { text: r.agent }),
        el("td", null, el("span", { class: "muted", text: r.kind || "\\u2013" })),
        el("td", null, r.model || el("span", { class: "muted", text: "none" }), failed ? el("span", { class: "badge", text: String(r.status) }) : null,
          (r.attempts || []).length > 1 ? el("span", { class: "tag", text: "fallback" }) : null),
        el("td", { class: "num", text: usd(r.cost_usd) }),
        el("td", { class: "num " + (r.baseline_cost_usd > r.cost_usd ? "saved" : "muted"), text: r.baseline_cost_usd > 0 ? usd(r.baseline_cost_usd - r.cost_usd) : "\\u2013" }));
      out.push(tr);
      if (open) out.push(detailRow(r));
    });
    body.replaceChildren.apply(body, out);
  }

  function renderSessions(list) {
    var body = $("sessions");
    var out = list.map(function (s) {
      return el("tr", {
        class: "rowlink" + (s.session_id === selectedSession ? " open" : ""), "data-session": s.session_id, title: s.session_id,
        onclick: function () { selectedSession = s.session_id; renderSessions(list); loadSession(); }
      },
        el("td", { class: "mono", text: short(s.session_id, 30) }),
        el("td", { text: s.agent }),
        el("td", { class: "num", text: int(s.requests) }),
        el("td", { class: "num", text: usd(s.cost) }),
        el("td", { class: "num", text: usd(s.baseline_cost) }),
        el("td", { class: "num saved", text: usd(s.baseline_cost - s.cost) + " \\u00b7 " + savedPct(s.cost, s.baseline_cost) }),
        el("td", { class: "num muted", text: ago(s.last_ts) }));
    });
    if (!out.length) out.push(el("tr", { class: "empty-row" }, el("td", { colspan: 7, text: "No sessions in this range yet." })));
    body.replaceChildren.apply(body, out);
  }

  async function loadSession() {
    var box = $("session-detail");
    if (!selectedSession) return;
    var href = "/v1/sessions/" + encodeURIComponent(selectedSession);
    try {
      var s = await getJson(href);
      box.replaceChildren(
        el("div", null, el("b", { text: "Session " }), el("span", { class: "mono", text: s.session_id }),
          el("a", { href: href, target: "_blank", text: "  raw JSON \\u2197" })),
        el("div", { class: "kv" },
          el("span", null, el("b", { text: int(s.requests) }), " requests"),
          el("span", null, "cost ", el("b", { text: usd(s.cost_usd) })),
          el("span", null, "all-Opus ", el("b", { text: usd(s.baseline_cost_usd) })),
          el("span", { class: "saved" }, "saved ", el("b", { text: usd(s.savings_usd) + " (" + savedPct(s.cost_usd, s.baseline_cost_usd) + ")" })),
          el("span", null, "models ", el("b", { text: (s.models || []).join(", ") || "\\u2013" })),
          el("span", { class: "muted", text: stamp(s.first_ts) + " \\u2192 " + stamp(s.last_ts) })));
    } catch (e) {
      box.replaceChildren(el("span", { class: "muted", text: "Could not load session: " + e.message }));
    }
    box.className = "session-detail show";
  }

  /** A round tick step so that 4 steps cover v (1, 2, 2.5, 5 × 10^n). */
  function niceStep(v) {
    if (!(v > 0)) return 0.25;
    var raw = v / 4, p = Math.pow(10, Math.floor(Math.log10(raw)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) if (steps[i] * p >= raw) return steps[i] * p;
    return 10 * p;
  }

  function drawChart(series) {
    lastSeries = series;
    var box = $("chart");
    var tip = $("tip");
    var W = Math.max(320, box.clientWidth), H = box.clientHeight || 240;
    var m = { l: 62, r: 14, t: 12, b: 26 };
    var iw = W - m.l - m.r, ih = H - m.t - m.b;
    var root = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "Cumulative cost vs the all-Opus baseline" });
    var pts = series.points || [];
    if (!pts.length) {
      root.append(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "empty" }, "No requests in this range yet."));
      box.replaceChildren(root, tip);
      return;
    }
    var x0 = Math.min(series.since_ms, pts[0].t), x1 = Math.max(series.now, pts[pts.length - 1].t + series.bucket_ms);
    x1 = Math.min(x1, series.now + series.bucket_ms);
    var cum = [{ t: x0, c: 0, b: 0, n: 0 }], c = 0, b = 0;
    pts.forEach(function (p) {
      // flat through empty time, then the bucket's spend
      if (p.t > cum[cum.length - 1].t) cum.push({ t: p.t, c: c, b: b, n: 0 });
      c += p.cost; b += p.baseline_cost;
      cum.push({ t: Math.min(p.t + series.bucket_ms, x1), c: c, b: b, n: p.requests });
    });
    if (cum[cum.length - 1].t < x1) cum.push({ t: x1, c: c, b: b, n: 0 });
    var yStep = niceStep(b || c), yMax = 4 * yStep;
    function X(t) { return m.l + ((t - x0) / Math.max(1, x1 - x0)) * iw; }
    function Y(v) { return m.t + ih - (v / yMax) * ih; }
    var g = svg("g", {});
    for (var i = 0; i <= 4; i++) {
      var v = yStep * i, y = Y(v);
      g.append(svg("line", { x1: m.l, x2: W - m.r, y1: y, y2: y, class: "gridline" }));
      g.append(svg("text", { x: m.l - 8, y: y + 4, "text-anchor": "end", class: "axis" }, usdTick(v, yStep)));
    }
    var span = x1 - x0, withSec = span < 15 * 60000, multiDay = span > 2 * 86400000;
    for (var j = 0; j <= 5; j++) {
      var t = x0 + (span * j) / 5;
      var lbl = multiDay ? new Date(t).toLocaleDateString("en-US", { month: "short", day: "numeric" }) : clock(t, withSec);
      g.append(svg("text", { x: X(t), y: H - 6, "text-anchor": j === 0 ? "start" : j === 5 ? "end" : "middle", class: "axis" }, lbl));
    }
    var maxN = Math.max.apply(null, pts.map(function (p) { return p.requests; }));
    var bw = Math.max(2, (series.bucket_ms / Math.max(1, x1 - x0)) * iw - 2);
    pts.forEach(function (p) {
      var h = (p.requests / maxN) * ih * 0.22;
      g.append(svg("rect", { x: X(p.t) + 1, y: m.t + ih - h, width: bw, height: h, rx: 1.5, class: "c-bar" }));
    });
    function path(key) { return cum.map(function (p, k) { return (k ? "L" : "M") + X(p.t).toFixed(1) + " " + Y(p[key]).toFixed(1); }).join(" "); }
    var back = cum.slice().reverse().map(function (p) { return "L" + X(p.t).toFixed(1) + " " + Y(p.c).toFixed(1); }).join(" ");
    g.append(svg("path", { d: path("b") + " " + back + " Z", class: "c-area" }));
    g.append(svg("path", { d: path("b"), class: "c-base" }));
    g.append(svg("path", { d: path("c"), class: "c-cost" }));
    var last = cum[cum.length - 1];
    g.append(svg("circle", { cx: X(last.t), cy: Y(last.b), r: 3.5, class: "c-basedot" }));
    g.append(svg("circle", { cx: X(last.t), cy: Y(last.c), r: 3.5, class: "c-costdot" }));
    var cross = svg("line", { y1: m.t, y2: m.t + ih, class: "c-cross", visibility: "hidden" });
    g.append(cross);
    var hit = svg("rect", { x: m.l, y: m.t, width: iw, height: ih, fill: "transparent" });
    hit.addEventListener("mousemove", function (ev) {
      var rect = root.getBoundingClientRect();
      var px = ((ev.clientX - rect.left) / rect.width) * W;
      var best = cum[0];
      cum.forEach(function (p) { if (Math.abs(X(p.t) - px) < Math.abs(X(best.t) - px)) best = p; });
      cross.setAttribute("x1", X(best.t)); cross.setAttribute("x2", X(best.t)); cross.setAttribute("visibility", "visible");
      var lines = [
        el("div", { class: "muted", text: stamp(best.t) }),
        el("div", null, "all-Opus ", el("b", { text: usd(best.b) })),
        el("div", null, "actual ", el("b", { text: usd(best.c) })),
        el("div", { class: "saved" }, "saved ", el("b", { text: usd(best.b - best.c) + " (" + savedPct(best.c, best.b) + ")" })),
      ];
      if (best.n) lines.push(el("div", { class: "muted", text: int(best.n) + " requests in this bucket" }));
      tip.replaceChildren.apply(tip, lines);
      tip.style.display = "block";
      var left = (X(best.t) / W) * rect.width + 12;
      if (left > rect.width - 190) left -= 210;
      tip.style.left = left + "px";
      tip.style.top = "12px";
    });
    hit.addEventListener("mouseleave", function () { tip.style.display = "none"; cross.setAttribute("visibility", "hidden"); });
    g.append(hit);
    root.append(g);
    box.replaceChildren(root, tip);
  }

  async function poll() {
    clearTimeout(timer);
    if (document.hidden) { timer = setTimeout(poll, POLL_MS); return; }
    try {
      var q = "since=" + encodeURIComponent(range);
      var res = await Promise.all([
        getJson("/v1/stats?" + q + "&sessions=8"),
        getJson("/v1/stats/timeseries?" + q + "&bucket=auto"),
        getJson("/v1/recent?limit=50")
      ]);
      renderKpis(res[0]);
      renderMix("phases", res[0].per_phase, res[0].requests, phaseColor);
      renderMix("models", res[0].per_model, res[0].requests, colorForModel);
      drawChart(res[1]);
      renderFeed(res[2].requests);
      renderSessions(res[0].per_session);
      if (selectedSession) loadSession();
      setLive(true, "live \\u00b7 updated " + clock(Date.now(), true));
      document.body.setAttribute("data-ready", "1");
    } catch (e) {
      setLive(false, "offline \\u2014 retrying");
    }
    timer = setTimeout(poll, POLL_MS);
  }

  function renderRanges() {
    var nav = $("ranges");
    nav.replaceChildren.apply(nav, RANGES.map(function (r) {
      return el("button", { type: "button", "aria-pressed": r === range ? "true" : "false", text: r === "all" ? "All" : r,
        onclick: function () {
          range = r;
          var u = new URL(location.href); u.searchParams.set("range", r); history.replaceState(null, "", u);
          renderRanges(); poll();
        } });
    }));
  }

  document.addEventListener("visibilitychange", function () { if (!document.hidden) poll(); });
  window.addEventListener("resize", function () { if (lastSeries) drawChart(lastSeries); });
  renderRanges();
  poll();
})();
`;
