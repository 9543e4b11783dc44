/** The dashboard's stylesheet: system fonts, CSS variables, light and dark from `prefers-color-scheme`. */
export const DASHBOARD_CSS = `
:root {
  color-scheme: light dark;
  --bg: #f5f6f8; --card: #ffffff; --line: #e2e5ea; --grid: #eceef2; --text: #1b1f24; --muted: #5f6873; --faint: #8b949e;
  --accent: #2563eb; --save: #16803c; --save-soft: rgba(22, 128, 60, 0.13); --base: #b45309; --bad: #c9302c;
  --bar: #d9dee5; --hover: #f0f3f7; --chip: #eef1f5; --shadow: 0 1px 2px rgba(16, 24, 40, 0.06);
  --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --card: #151b23; --line: #2a313c; --grid: #222a34; --text: #e6edf3; --muted: #9aa5b1; --faint: #6e7781;
    --accent: #58a6ff; --save: #3fb950; --save-soft: rgba(63, 185, 80, 0.16); --base: #e3a04f; --bad: #f85149;
    --bar: #2a323d; --hover: #1b222c; --chip: #222a35; --shadow: none;
  }
}
* { box-sizing: border-box; }
html, body { margin: 0; background: var(--bg); color: var(--text); }
body {
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif;
  -webkit-font-smoothing: antialiased;
}
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
.num, td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.mono { font-family: var(--mono); font-size: 12.5px; }
.muted { color: var(--muted); }

header.top {
  display: flex; align-items: center; gap: 20px; padding: 14px 28px; border-bottom: 1px solid var(--line);
  background: var(--card);
}
.brand { display: flex; align-items: center; gap: 10px; font-weight: 650; font-size: 16px; letter-spacing: -0.01em; }
.brand svg { width: 24px; height: 24px; }
.brand small { font-weight: 400; color: var(--muted); font-size: 13px; }
.ranges { display: flex; gap: 2px; margin-left: auto; background: var(--chip); padding: 3px; border-radius: 8px; }
.ranges button {
  font: inherit; font-size: 13px; border: 0; background: transparent; color: var(--muted); padding: 4px 11px;
  border-radius: 6px; cursor: pointer;
}
.ranges button[aria-pressed="true"] { background: var(--card); color: var(--text); box-shadow: var(--shadow); font-weight: 600; }
.live { display: flex; align-items: center; gap: 8px; color: var(--muted); font-size: 13px; min-width: 190px; justify-content: flex-end; }
.live .dot { width: 8px; height: 8px; border-radius: 50%; background: var(--faint); }
.live.ok .dot { background: var(--save); box-shadow: 0 0 0 3px var(--save-soft); }
.live.down .dot { background: var(--bad); }

main { max-width: 1320px; margin: 0 auto; padding: 22px 28px 12px; display: grid; gap: 18px; }
.kpis { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 18px; }
.card, .kpi { background: var(--card); border: 1px solid var(--line); border-radius: 12px; box-shadow: var(--shadow); }
.kpi { padding: 16px 18px; }
.kpi .label { color: var(--muted); font-size: 12.5px; font-weight: 500; text-transform: uppercase; letter-spacing: 0.04em; }
.kpi .value { font-size: 28px; font-weight: 650; letter-spacing: -0.02em; margin-top: 4px; font-variant-numeric: tabular-nums; }
.kpi .sub { color: var(--muted); font-size: 13px; margin-top: 2px; font-variant-numeric: tabular-nums; }
.kpi.save .value { color: var(--save); }
.card { padding: 16px 18px; min-width: 0; }
.card-head { display: flex; align-items: baseline; gap: 12px; margin-bottom: 10px; }
.card h2 { font-size: 14.5px; font-weight: 650; margin: 0; letter-spacing: -0.005em; }
.hint { color: var(--muted); font-size: 12.5px; }
.card-head .right { margin-left: auto; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; }

.legend { display: flex; gap: 16px; margin-left: auto; color: var(--muted); font-size: 12.5px; }
.legend span { display: inline-flex; align-items: center; gap: 6px; }
.legend i { display: inline-block; width: 14px; height: 0; border-top: 2px solid; }
.legend i.base { border-color: var(--base); border-top-style: dashed; }
.legend i.cost { border-color: var(--accent); }
.legend i.saved { height: 10px; border: 0; background: var(--save-soft); outline: 1px solid var(--save); outline-offset: -1px; }
.chart { position: relative; height: 240px; }
.chart svg { display: block; width: 100%; height: 100%; overflow: visible; }
.chart .axis { fill: var(--muted); font-size: 11px; font-variant-numeric: tabular-nums; }
.chart .gridline { stroke: var(--grid); }
.chart .empty { fill: var(--muted); font-size: 13px; }
.c-bar { fill: var(--bar); }
.c-area { fill: var(--save-soft); stroke: none; }
.c-base { fill: none; stroke: var(--base); stroke-width: 2; stroke-dasharray: 5 4; stroke-linejoin: round; }
.c-cost { fill: none; stroke: var(--accent); stroke-width: 2.25; stroke-linejoin: round; }
.c-basedot { fill: var(--base); }
.c-costdot { fill: var(--accent); }
.c-cross { stroke: var(--faint); stroke-dasharray: 3 3; }
.tip {
  position: absolute; pointer-events: none; background: var(--card); border: 1px solid var(--line); border-radius: 8px;
  padding: 8px 10px; font-size: 12.5px; box-shadow: 0 4px 14px rgba(0, 0, 0, 0.12); white-space: nowrap; display: none;
  font-variant-numeric: tabular-nums;
}
.tip b { font-weight: 600; }

.mix { display: grid; gap: 7px; }
.mix .row {
  display: grid; grid-template-columns: minmax(130px, 1.3fr) 1.5fr 36px 50px 78px 46px; gap: 10px; align-items: center;
  font-size: 13px; font-variant-numeric: tabular-nums;
}
.mix .head { color: var(--muted); font-size: 11.5px; text-transform: uppercase; letter-spacing: 0.04em; }
.mix .name { display: flex; align-items: center; gap: 8px; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.ellipsis { min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.sw { width: 9px; height: 9px; border-radius: 3px; flex: none; background: var(--faint); }
.track { height: 8px; border-radius: 4px; background: var(--bar); overflow: hidden; }
.track > div { height: 100%; border-radius: 4px; background: var(--accent); }
.mix .num { text-align: right; }
.saved { color: var(--save); }

table { width: 100%; border-collapse: collapse; font-size: 13px; }
th { text-align: left; color: var(--muted); font-weight: 500; font-size: 11.5px; text-transform: uppercase; letter-spacing: 0.04em; padding: 6px 8px; border-bottom: 1px solid var(--line); }
td { padding: 7px 8px; border-bottom: 1px solid var(--grid); white-space: nowrap; font-variant-numeric: tabular-nums; }
tbody tr.rowlink { cursor: pointer; }
tbody tr.rowlink:hover td { background: var(--hover); }
tr.open td { background: var(--hover); border-bottom-color: transparent; }
.feed-wrap { max-height: 520px; overflow: auto; margin: 0 -8px; }
.feed-wrap table { margin: 0 8px; width: calc(100% - 16px); }
.feed-wrap thead th { position: sticky; top: 0; background: var(--card); z-index: 1; }
.pill {
  display: inline-flex; align-items: center; gap: 6px; padding: 1px 8px 1px 7px; border-radius: 999px; font-size: 12px;
  font-weight: 550; background: var(--chip);
}
.meter { display: inline-block; width: 38px; height: 5px; border-radius: 3px; background: var(--bar); vertical-align: middle; margin-right: 6px; overflow: hidden; }
.meter > div { height: 100%; background: var(--muted); }
.badge { display: inline-block; font-size: 11px; font-weight: 600; padding: 0 6px; border-radius: 4px; color: #fff; background: var(--bad); margin-left: 6px; }
.tag { font-size: 11px; color: var(--muted); border: 1px solid var(--line); border-radius: 4px; padding: 0 5px; margin-left: 6px; }
tr.detail td { white-space: normal; padding: 4px 8px 14px 8px; }
.detail-grid { display: grid; grid-template-columns: 110px 1fr; gap: 4px 14px; font-size: 12.5px; }
.detail-grid dt { color: var(--muted); }
.detail-grid dd { margin: 0; }
.chips { display: flex; flex-wrap: wrap; gap: 5px; }
.chip { font-family: var(--mono); font-size: 11.5px; background: var(--chip); border: 1px solid var(--line); border-radius: 5px; padding: 1px 6px; }
.empty-row td { color: var(--muted); text-align: center; padding: 22px; }
.session-detail { margin-top: 12px; padding: 12px 14px; border: 1px solid var(--line); border-radius: 10px; background: var(--hover); display: none; }
.session-detail.show { display: block; }
.session-detail .kv { display: flex; flex-wrap: wrap; gap: 6px 22px; font-size: 13px; margin-top: 6px; }
.session-detail .kv span b { font-weight: 600; }
footer { max-width: 1320px; margin: 0 auto; padding: 4px 28px 26px; color: var(--muted); font-size: 12.5px; display: flex; gap: 18px; flex-wrap: wrap; }
@media (max-width: 980px) {
  .kpis { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .grid2 { grid-template-columns: 1fr; }
  header.top { flex-wrap: wrap; }
}
`;
