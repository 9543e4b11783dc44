/**
 * `coderouter <command>`: each command lives in its own module exporting `run(args): Promise<number>`,
 * loaded on demand so `coderouter classify` does not pay for the server's imports.
 */

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<number> }> }> =
  {
    serve: { summary: "start the gateway", load: () => import("./serve.js") },
    classify: { summary: "classify one request: coderouter classify [FILE|-]", load: () => import("./classify.js") },
    eval: {
      summary: "score the classifier on a labelled set: coderouter eval FILE.jsonl [--json]",
      load: () => import("./eval.js"),
    },
    route: {
      summary: "routing decision without calling a model: coderouter route [FILE|-]",
      load: () => import("./route.js"),
    },
    simulate: {
      summary: "replay a workload through the router: coderouter simulate FILE.jsonl [--json]",
      load: () => import("./simulate.js"),
    },
    models: { summary: "print the model catalog", load: () => import("./models.js") },
    stats: {
      summary: "ledger totals: coderouter stats [--since 7d] [--json] [--export FILE]",
      load: () => import("./stats.js"),
    },
  };

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `usage: coderouter <command> [options]\n\ncommands:\n${lines.join("\n")}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === "-h" || cmd === "--help" || cmd === "help") {
    process.stdout.write(usage());
    return cmd ? 0 : 1;
  }
  if (cmd === "--version" || cmd === "-v") {
    const { readFileSync } = await import("node:fs");
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const entry = COMMANDS[cmd];
  if (!entry) {
    process.stderr.write(`coderouter: unknown command '${cmd}'\n\n${usage()}`);
    return 2;
  }
  const mod = await entry.load();
  return mod.run(rest);
}

// Also runnable straight from source: `node --import tsx src/cli/main.ts <command> …` (bin/coderouter.js runs dist/).
if (process.argv[1] && import.meta.url === (await import("node:url")).pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`coderouter: ${err?.message ?? err}\n`);
      process.exitCode = 1;
    },
  );
}
