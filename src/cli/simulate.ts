/** `coderouter simulate FILE.jsonl [--json] [--providers a,b] [--config FILE] [--at ISO]` */

import { createRouter } from "../route/router.js";
import { type SimulationReport, simulate } from "../route/simulate.js";
import { parseArgs, readInput } from "./io.js";
import { loadRouterConfig } from "./route.js";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const usd = (x: number) => `$${x.toFixed(4)}`;

export function formatReport(r: SimulationReport): string {
  const rows = [["phase", "calls", "% calls", "model mix", "blended $/M", "all-Opus $/M", "cost", "all-Opus"]];
  for (const [phase, p] of Object.entries(r.per_phase)) {
    if (!p) continue;
    const mix = Object.entries(p.models)
      .sort((a, b) => b[1] - a[1])
      .map(([m, n]) => `${m} ${Math.round((n / p.requests) * 100)}%`)
      .join(", ");
    rows.push([
      phase,
      String(p.requests),
      pct(p.share),
      mix,
      `$${p.blended_usd_per_m.toFixed(3)}`,
      `$${p.baseline_usd_per_m.toFixed(3)}`,
      usd(p.cost),
      usd(p.baseline_cost),
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const lines = rows.map((row) => row.map((c, i) => c.padEnd(widths[i])).join("  "));
  lines.push("");
  lines.push(
    `requests ${r.requests}   routed ${usd(r.cost)}   all-${r.baseline_model} ${usd(r.baseline_cost)}   savings ${usd(r.savings)} (${pct(r.savings_pct)})`,
  );
  if (r.usage_estimated) lines.push(`usage estimated for ${r.usage_estimated} lines (${r.output_assumption})`);
  return `${lines.join("\n")}\n`;
}

export async function run(args: string[]): Promise<number> {
  const { flags, positionals } = parseArgs(args, ["json"]);
  if (!positionals[0]) {
    process.stderr.write(
      "usage: coderouter simulate FILE.jsonl [--json] [--providers a,b] [--config FILE] [--at ISO]\n",
    );
    return 2;
  }
  const config = await loadRouterConfig(typeof flags.config === "string" ? flags.config : undefined);
  const router = createRouter(config);
  const lines = readInput(positionals[0])
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  const providers = typeof flags.providers === "string" ? flags.providers.split(",").map((s) => s.trim()) : undefined;
  const at = typeof flags.at === "string" ? new Date(flags.at) : undefined;
  const report = await simulate(router, lines, { availableProviders: providers, at });
  if (flags.json) {
    const { requests, cost, baseline_cost, savings, per_phase } = report;
    process.stdout.write(
      `${JSON.stringify({ requests, cost, baseline_cost, savings, savings_pct: report.savings_pct, baseline_model: report.baseline_model, usage_estimated: report.usage_estimated, output_assumption: report.output_assumption, per_phase }, null, 2)}\n`,
    );
  } else process.stdout.write(formatReport(report));
  return 0;
}
