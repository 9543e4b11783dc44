/** `coderouter models [--json] [--config FILE]`: the catalog with prices, context, features, scores and key status. */
import { PHASES } from "../classify/types.js";
import { ratesFor } from "../cost/price.js";
import { resolveProviders, usableProviders } from "../providers/resolve.js";
import { createCatalog } from "../route/catalog.js";
import { parseArgs } from "./io.js";
import { loadRouterConfig } from "./route.js";

export async function run(args: string[]): Promise<number> {
  const { flags } = parseArgs(args, ["json"]);
  const config = await loadRouterConfig(typeof flags.config === "string" ? flags.config : undefined);
  const catalog = createCatalog(config.models ?? [], { baseline: config.routing?.baseline_model });
  const keyed = usableProviders(resolveProviders(config), config);
  const rows = catalog.models.map((m) => {
    const r = ratesFor(m, 1000);
    return {
      id: m.id,
      provider: m.provider,
      upstream_id: m.upstreamId,
      format: m.format,
      tier: m.tier,
      usd_per_m: {
        input: r.input,
        output: r.output,
        cache_read: r.cacheRead,
        cache_write_5m: r.cacheWrite5m,
        cache_write_1h: r.cacheWrite1h,
      },
      context_window: m.contextWindow,
      max_output: m.maxOutput,
      features: m.features,
      scores: m.scores,
      key_available: keyed.has(m.provider),
      baseline: m.id === catalog.baselineId,
      evidence: m.evidence,
    };
  });
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const head = [
    "id",
    "provider",
    "tier",
    "in $/M",
    "out $/M",
    "cache r/w $/M",
    "context",
    "features",
    ...PHASES.map((p) => p.slice(0, 5)),
    "key",
  ];
  const feat = (f: (typeof rows)[number]["features"]) =>
    [f.tools && "tools", f.images && "img", f.reasoning && "think", f.promptCaching && "cache"]
      .filter(Boolean)
      .join(",");
  const table = [
    head,
    ...rows.map((r) => [
      r.id + (r.baseline ? "*" : ""),
      r.provider,
      r.tier,
      String(r.usd_per_m.input),
      String(r.usd_per_m.output),
      `${r.usd_per_m.cache_read}/${r.usd_per_m.cache_write_5m}`,
      `${Math.round(r.context_window / 1000)}K`,
      feat(r.features),
      ...PHASES.map((p) => String(r.scores[p])),
      r.key_available ? "yes" : "no",
    ]),
  ];
  const w = head.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  process.stdout.write(
    `${table.map((row) => row.map((c, i) => c.padEnd(w[i])).join("  ")).join("\n")}\n* baseline for Cost-If-Opus. Scores: data/catalog.json (sources per model).\n`,
  );
  return 0;
}
