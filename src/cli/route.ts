/** `coderouter route [FILE|-] [--providers a,b] [--config FILE]`: the decision, without calling a model. */
import type { Config } from "../config/types.js";
import { resolveProviders, usableProviders } from "../providers/resolve.js";
import { dryRun, toEnvelope } from "../route/dry-run.js";
import { createRouter } from "../route/router.js";
import { parseArgs, readInput } from "./io.js";

/** Config for the CLI: the config file when given (or found by the loader), else defaults. */
export async function loadRouterConfig(file?: string): Promise<Pick<Config, "routing" | "models" | "providers">> {
  try {
    const mod: any = await import("../config/load.js");
    if (typeof mod.loadConfig === "function") return await mod.loadConfig(file);
  } catch (e) {
    if (file) throw e;
  }
  return { routing: {}, models: [], providers: {} };
}

export async function run(args: string[]): Promise<number> {
  const { flags, positionals } = parseArgs(args, ["keys-only"]);
  const config = await loadRouterConfig(typeof flags.config === "string" ? flags.config : undefined);
  const router = createRouter(config);
  const raw = readInput(positionals[0]);
  const env = toEnvelope(JSON.parse(raw));
  // Default: route as if every provider had a key; --keys-only restricts to providers with keys in the environment.
  const providers =
    typeof flags.providers === "string"
      ? flags.providers.split(",").map((s) => s.trim())
      : flags["keys-only"]
        ? [...usableProviders(resolveProviders(config), config)]
        : undefined;
  const out = await dryRun(router, env, { availableProviders: providers, rawBytes: Buffer.byteLength(raw) });
  process.stdout.write(
    `${JSON.stringify({ classification: out.classification, features: out.features, session_id: out.sessionId, decision: out.decision }, null, 2)}\n`,
  );
  return 0;
}
