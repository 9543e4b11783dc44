/**
 * `npm run bench [-- --quick] [--only proxy|classifier] [--rounds N] [--targets floor,coderouter,…]
 *                 [--profile [--profile-seconds S]] [--wait-idle] [--no-build] [--no-write]`
 * Proxy overhead against the direct upstream, the floor forwarder and peer gateways; the classifier's latency
 * (bench/classifier.ts, when present); results printed and written into BENCHMARKS.md between markers.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs, promisify } from "node:util";
import { killAll, ROOT } from "./child.js";
import { loadGenerator } from "./load.js";
import { CCR, installedVersion, PORTKEY } from "./peers.js";
import { runProfile } from "./profile.js";
import { type ClassifierResult, detailTable, goalsTable, summaryTable } from "./report.js";
import { runProxy } from "./runner.js";
import { FULL, QUICK } from "./scenarios.js";
import { ALL_TARGETS, CODEROUTERS } from "./targets.js";

const run = promisify(execFile);
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

const { values: flags } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string" },
    rounds: { type: "string" },
    targets: { type: "string" },
    profile: { type: "boolean", default: false },
    "profile-seconds": { type: "string", default: "4" },
    "no-build": { type: "boolean", default: false },
    "no-write": { type: "boolean", default: false },
    "wait-idle": { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

const load1 = () => loadavg()[0] ?? 0;

function loadNote(atStart: number): string {
  const cores = cpus().length;
  const end = load1();
  const busy = Math.max(atStart, end) > cores * 0.75;
  return `- 1-minute load average at start / end: ${atStart.toFixed(1)} / ${end.toFixed(1)} on ${cores} cores${busy ? " — **other work was running on the machine: absolute figures are inflated, Δs are noisy**" : ""}`;
}

/** `--wait-idle`: wait (up to 10 minutes) for the 1-minute load average to drop below half the cores. */
async function waitIdle(): Promise<void> {
  const limit = cpus().length / 2;
  const deadline = Date.now() + 10 * 60_000;
  while (load1() > limit && Date.now() < deadline) {
    log(`waiting for the machine to go idle (load ${load1().toFixed(1)} > ${limit}) …`);
    await new Promise((r) => setTimeout(r, 15_000));
  }
}

function machine(gen: string): string {
  const cpu = cpus();
  return [
    `- Date: ${new Date().toISOString().replace(/\.\d+Z$/, "Z")}`,
    `- Machine: ${cpu[0]?.model ?? "unknown CPU"}, ${cpu.length} cores shared by the load generator, the hop under test and the fake upstream (each its own process); Linux ${release()}`,
    `- Node ${process.version}; load generator: undici loop for concurrency 1, ${gen} for concurrency 32`,
    `- Peers (npm, in bench/.peers/): @portkey-ai/gateway ${installedVersion(PORTKEY) ?? "not installed"} (with @hono/node-server 1.13.8), @musistudio/claude-code-router ${installedVersion(CCR) ?? "not installed"}`,
  ].join("\n");
}

/** bench/classifier.ts belongs to the classifier work; use its `benchClassifier()` when it exists. */
async function classifier(quick: boolean): Promise<ClassifierResult> {
  const file = join(import.meta.dirname, "classifier.ts");
  if (!existsSync(file)) return { markdown: "_bench/classifier.ts is not there yet: no classifier numbers._" };
  const mod = await import(pathToFileURL(file).href);
  if (typeof mod.benchClassifier !== "function")
    return { markdown: "_bench/classifier.ts has no `benchClassifier()` export._" };
  const r = await mod.benchClassifier({ quick });
  if (typeof r === "string") {
    // Its markdown table: "| Claude Code ~100 KB | p50 | p99 |" — the goal reads the p99 of that row.
    const row = r.split("\n").find((l) => /^\|[^|]*~?100\s*KB[^|]*\|/i.test(l));
    const p99 = row ? Number(row.split("|").at(-2)) : Number.NaN;
    return { markdown: r, p99At100KbUs: Number.isFinite(p99) ? p99 : undefined };
  }
  const markdown = r?.markdown ?? r?.table ?? `\`\`\`json\n${JSON.stringify(r, null, 2)}\n\`\`\``;
  const rows: any[] = Array.isArray(r?.rows) ? r.rows : [];
  const big = rows.find((x) => /100\s*KB/i.test(String(x.name ?? x.label ?? x.input ?? "")));
  const p99 = r?.p99At100KbUs ?? big?.p99_us ?? big?.p99Us ?? big?.p99;
  return { markdown, p99At100KbUs: typeof p99 === "number" ? p99 : undefined };
}

async function build(): Promise<string | undefined> {
  log("npm run build …");
  try {
    await run("npm", ["run", "build"], { cwd: ROOT, timeout: 300_000, maxBuffer: 16 << 20 });
    return undefined;
  } catch (e) {
    const out = String((e as { stdout?: string }).stdout ?? (e as Error).message);
    const errors = out.split("\n").filter((l) => l.includes("error TS"));
    return `${errors.length} TypeScript errors (dist/ may be stale or partial), first: ${errors[0] ?? out.slice(-200)}`;
  }
}

/** Replace (or append) the block between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`. */
function upsert(doc: string, name: string, body: string): string {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const block = `${open}\n${body.trim()}\n${close}`;
  const i = doc.indexOf(open);
  const j = doc.indexOf(close);
  if (i >= 0 && j > i) return doc.slice(0, i) + block + doc.slice(j + close.length);
  return `${doc.trimEnd()}\n\n${block}\n`;
}

async function main(): Promise<number> {
  if (flags.help) {
    process.stdout.write(
      readFileSync(new URL(import.meta.url), "utf8")
        .split("\n")
        .slice(1, 6)
        .map((l) => l.replace(/^ \*\/? ?/, ""))
        .join("\n") + "\n",
    );
    return 0;
  }
  const quick = flags.quick ?? false;
  const budget = { ...(quick ? QUICK : FULL) };
  if (flags.rounds) budget.rounds = Number(flags.rounds);
  const only = flags.only;
  const sections: Record<string, string> = {};
  const started = Date.now();
  const mode = `${quick ? "--quick" : "full"} run, ${budget.rounds} round(s)`;
  let classifierResult: ClassifierResult | undefined;

  if (only !== "proxy" && !flags.profile) {
    log("classifier …");
    classifierResult = await classifier(quick);
    sections.classifier = `## Classifier latency\n\n${classifierResult.markdown}`;
  }

  let buildNote: string | undefined;
  if ((only !== "classifier" || flags.profile) && !flags["no-build"]) buildNote = await build();

  if (flags["wait-idle"]) await waitIdle();
  const loadAtStart = load1();
  if (only !== "classifier" && !flags.profile) {
    const wanted = flags.targets?.split(",").map((s) => s.trim());
    const specs = wanted ? ALL_TARGETS.filter((t) => wanted.includes(t.key)) : ALL_TARGETS;
    const r = await runProxy(specs, budget, quick, log);
    const sizes = Object.entries(r.bodyBytes)
      .filter(([k]) => !k.includes("stream"))
      .map(([k, v]) => `${k} = ${v.toLocaleString("en-US")} bytes`)
      .join(", ");
    sections.proxy = [
      `## Proxy overhead (${mode})`,
      `${machine(await loadGenerator())}\n${loadNote(loadAtStart)}`,
      `- Requests: Claude Code captures (test/fixtures/clients/claude) resized to ${sizes}, sent to POST /v1/messages; the fake upstream answers instantly with recorded Anthropic / OpenAI responses (test/fixtures/upstream/*/text.{json,sse})`,
      `- Each figure is the median over rounds; Δ = the target minus the direct run measured just before it. Concurrency 1: p50/p99 of time to last byte (streams: first / last byte). CPU = the hop's own utime+stime (/proc) per request during the c=32 run; RSS = its VmHWM at the end.${buildNote ? `\n- Build: ${buildNote}` : ""}`,
      `### Summary\n\n${summaryTable(r)}`,
      `### Goals\n\n${goalsTable(r, classifierResult)}`,
      `### Details\n\n${detailTable(r)}`,
      `_Run took ${Math.round((Date.now() - started) / 1000)} s._`,
    ].join("\n\n");
  }

  if (flags.profile) {
    const md = await runProfile(CODEROUTERS, Number(flags["profile-seconds"]), log);
    sections.profile = `## CPU profile of CodeRouter under load (${new Date().toISOString().slice(0, 10)}, node --cpu-prof)\n\n${md}`;
  }

  for (const md of Object.values(sections)) process.stdout.write(`\n${md}\n`);
  if (!flags["no-write"]) {
    const file = join(ROOT, "BENCHMARKS.md");
    let doc = existsSync(file)
      ? readFileSync(file, "utf8")
      : "# Benchmarks\n\nGenerated by `npm run bench` (see bench/index.ts for flags); hand-written notes live outside the marked blocks.\n";
    for (const name of ["proxy", "classifier", "profile"])
      if (sections[name]) doc = upsert(doc, name, sections[name] as string);
    writeFileSync(file, doc);
    log(`wrote ${file}`);
  }
  return 0;
}

for (const sig of ["SIGINT", "SIGTERM"] as const)
  process.on(sig, () => {
    killAll();
    process.exit(130);
  });

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`bench: ${err?.stack ?? err}\n`);
    process.exit(1);
  },
);
