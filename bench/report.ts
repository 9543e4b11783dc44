/** Medians over rounds, differences to direct, and the markdown tables (summary, details, goals). */
import type { ProxyResults, TargetResult } from "./runner.js";

export interface ClassifierResult {
  markdown: string;
  /** p99 in µs on the 100 KB request, when the classifier bench reports it. */
  p99At100KbUs?: number;
}

export function median(xs: number[]): number {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return Number.NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
}

export interface Agg {
  p50: number;
  p99: number;
  ttfbP50: number;
  dP50: number;
  dP99: number;
  dTtfb: number;
  n: number;
}

export interface LoadAgg {
  rps: number;
  directRps: number;
  cpu: number;
  errors: number;
}

export function aggC1(t: TargetResult, scenario: string): Agg | undefined {
  const pairs = t.c1[scenario];
  if (!pairs?.length) return undefined;
  return {
    p50: median(pairs.map((p) => p.target.p50)),
    p99: median(pairs.map((p) => p.target.p99)),
    ttfbP50: median(pairs.map((p) => p.target.ttfbP50)),
    dP50: median(pairs.map((p) => p.target.p50 - p.direct.p50)),
    dP99: median(pairs.map((p) => p.target.p99 - p.direct.p99)),
    dTtfb: median(pairs.map((p) => p.target.ttfbP50 - p.direct.ttfbP50)),
    n: median(pairs.map((p) => p.target.n)),
  };
}

export function aggC32(t: TargetResult, scenario: string): LoadAgg | undefined {
  const pairs = t.c32[scenario];
  if (!pairs?.length) return undefined;
  return {
    rps: median(pairs.map((p) => p.target.rps)),
    directRps: median(pairs.map((p) => p.direct.rps)),
    cpu: median(pairs.map((p) => p.target.cpuMsPerReq ?? Number.NaN)),
    errors: pairs.reduce((a, p) => a + p.target.errors, 0),
  };
}

/** The direct baseline, pooled over every pair of every target. */
function directC1(r: ProxyResults, scenario: string) {
  const pairs = r.targets.flatMap((t) => t.c1[scenario] ?? []);
  if (!pairs.length) return undefined;
  return {
    p50: median(pairs.map((p) => p.direct.p50)),
    p99: median(pairs.map((p) => p.direct.p99)),
    ttfbP50: median(pairs.map((p) => p.direct.ttfbP50)),
    n: median(pairs.map((p) => p.direct.n)),
  };
}

function directRps(r: ProxyResults, scenario: string): number {
  return median(r.targets.flatMap((t) => (t.c32[scenario] ?? []).map((p) => p.direct.rps)));
}

const ms = (x: number) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms` : "—");
const dms = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? "+" : "−"}${ms(Math.abs(x))}` : "—");
const int = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "—");
const cpu = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 1 ? 3 : 2) : "—");
const mb = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? `${Math.round(x)} MB` : "—");

function naOf(t: TargetResult, scenario: string): string | undefined {
  return t.na ?? t.scenarioNa[scenario];
}

function cellC1(t: TargetResult, scenario: string, pick: (a: Agg) => string): string {
  const na = naOf(t, scenario);
  if (na) return `n/a (${na})`;
  const a = aggC1(t, scenario);
  return a ? pick(a) : "—";
}

function cellC32(t: TargetResult, scenario: string, pick: (a: LoadAgg) => string): string {
  const na = naOf(t, scenario);
  if (na) return "n/a";
  const a = aggC32(t, scenario);
  return a ? pick(a) : "—";
}

const streamCell = (a: Agg) => `${dms(a.dTtfb)} / ${dms(a.dP50)}`;

export function summaryTable(r: ProxyResults): string {
  const head =
    "| | Δp50 2 KB | Δp50 2 KB stream (first / last byte) | Δp50 100 KB | Δp50 100 KB stream (first / last byte) | p99 2 KB | req/s c=32, 2 KB | CPU ms/req c=32, 2 KB | RSS peak |\n" +
    "|---|---|---|---|---|---|---|---|---|";
  const d2 = directC1(r, "2 KB");
  const d2s = directC1(r, "2 KB stream");
  const d100 = directC1(r, "100 KB");
  const d100s = directC1(r, "100 KB stream");
  const direct = `| direct (absolute) | ${ms(d2?.p50 ?? Number.NaN)} | ${ms(d2s?.ttfbP50 ?? Number.NaN)} / ${ms(d2s?.p50 ?? Number.NaN)} | ${ms(d100?.p50 ?? Number.NaN)} | ${ms(d100s?.ttfbP50 ?? Number.NaN)} / ${ms(d100s?.p50 ?? Number.NaN)} | ${ms(d2?.p99 ?? Number.NaN)} | ${int(directRps(r, "2 KB"))} | — | — |`;
  const rows = r.targets.map((t) => {
    if (t.na) return `| ${t.label} | n/a (${t.na}) | | | | | | | |`;
    return [
      t.label,
      cellC1(t, "2 KB", (a) => dms(a.dP50)),
      cellC1(t, "2 KB stream", streamCell),
      cellC1(t, "100 KB", (a) => dms(a.dP50)),
      cellC1(t, "100 KB stream", streamCell),
      cellC1(t, "2 KB", (a) => ms(a.p99)),
      cellC32(t, "2 KB", (a) => int(a.rps)),
      cellC32(t, "2 KB", (a) => cpu(a.cpu)),
      mb(t.rssMb),
    ].join(" | ");
  });
  return [head, direct, ...rows.map((row) => (row.startsWith("|") ? row : `| ${row} |`))].join("\n");
}

export function detailTable(r: ProxyResults): string {
  const lines = [
    "| target | scenario | requests/sample | p50 | p99 | first byte p50 | Δp50 | Δp99 | req/s c=32 | direct req/s c=32 | CPU ms/req c=32 |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const s of r.scenarios) {
    const d = directC1(r, s);
    if (d)
      lines.push(
        `| direct | ${s} | ${int(d.n)} | ${ms(d.p50)} | ${ms(d.p99)} | ${ms(d.ttfbP50)} | | | ${r.loadScenarios.includes(s) ? int(directRps(r, s)) : ""} | | |`,
      );
  }
  for (const t of r.targets)
    for (const s of r.scenarios) {
      const na = naOf(t, s);
      if (na) {
        lines.push(`| ${t.key} | ${s} | n/a (${na}) | | | | | | | | |`);
        continue;
      }
      const a = aggC1(t, s);
      const l = aggC32(t, s);
      if (!a) continue;
      const err = l && l.errors > 0 ? ` (${l.errors} errors)` : "";
      lines.push(
        `| ${t.key} | ${s} | ${int(a.n)} | ${ms(a.p50)} | ${ms(a.p99)} | ${ms(a.ttfbP50)} | ${dms(a.dP50)} | ${dms(a.dP99)} | ${l ? int(l.rps) + err : ""} | ${l ? int(l.directRps) : ""} | ${l ? cpu(l.cpu) : ""} |`,
      );
    }
  return lines.join("\n");
}

type Verdict = "✓" | "✗" | "—";
const check = (x: number | undefined, ok: (x: number) => boolean): Verdict =>
  x === undefined || !Number.isFinite(x) ? "—" : ok(x) ? "✓" : "✗";

export function goalsTable(r: ProxyResults, classifier?: ClassifierResult): string {
  const floor = r.targets.find((t) => t.key === "floor");
  const routers = r.targets.filter((t) => t.key.startsWith("coderouter"));
  const lines = [
    `| goal (issue 7) | floor | ${routers.map((t) => t.label).join(" | ")} |`,
    `|---|---|${routers.map(() => "---|").join("")}`,
  ];
  const row = (
    goal: string,
    value: (t: TargetResult) => number | undefined,
    fmt: (x: number) => string,
    ok: (x: number) => boolean,
  ) => {
    const f = floor && !floor.na ? value(floor) : undefined;
    const cells = routers.map((t) => {
      if (t.na) return "— (n/a)";
      const v = value(t);
      return v === undefined || !Number.isFinite(v) ? "—" : `${check(v, ok)} ${fmt(v)}`;
    });
    lines.push(`| ${goal} | ${f !== undefined && Number.isFinite(f) ? fmt(f) : "—"} | ${cells.join(" | ")} |`);
  };
  row(
    "Δp50 2 KB ≤ 0.2 ms",
    (t) => aggC1(t, "2 KB")?.dP50,
    dms,
    (x) => x <= 0.2,
  );
  row(
    "Δp50 2 KB stream ≤ 0.25 ms (last byte)",
    (t) => aggC1(t, "2 KB stream")?.dP50,
    dms,
    (x) => x <= 0.25,
  );
  row(
    "Δp50 100 KB ≤ 0.6 ms",
    (t) => aggC1(t, "100 KB")?.dP50,
    dms,
    (x) => x <= 0.6,
  );
  row(
    "p99 2 KB ≤ 1 ms (absolute, through the hop)",
    (t) => aggC1(t, "2 KB")?.p99,
    ms,
    (x) => x <= 1,
  );
  row(
    "≥ 10,000 req/s at c=32, 2 KB",
    (t) => aggC32(t, "2 KB")?.rps,
    int,
    (x) => x >= 10_000,
  );
  const floorRss = floor?.rssMb;
  row(
    "RSS peak ≤ floor's",
    (t) => t.rssMb,
    (x) => mb(x),
    (x) => floorRss !== undefined && x <= floorRss,
  );
  const c = classifier?.p99At100KbUs;
  const cell = c === undefined ? "— (classifier bench not run)" : `${check(c, (x) => x <= 100)} ${c.toFixed(1)} µs`;
  lines.push(
    `| classifier p99 ≤ 100 µs at 100 KB (same classifier in every mode) | | ${routers.map(() => cell).join(" | ")} |`,
  );
  return lines.join("\n");
}
