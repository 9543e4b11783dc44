/** `coderouter classify [FILE|-]`: classify one request (body, envelope or capture fixture) and print JSON. */
import { classify } from "../classify/index.js";
import { toClassifyInput } from "../classify/input.js";
import { parseArgs, readInput } from "./io.js";

export async function run(args: string[]): Promise<number> {
  const { flags, positionals } = parseArgs(args, ["help", "compact"]);
  if (flags.help) {
    process.stdout.write(
      "usage: coderouter classify [FILE|-] [--compact]\n  input: a request body, {api,path,headers,body}, or {request:{path,headers,body}}\n",
    );
    return 0;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(readInput(positionals[0]));
  } catch (e) {
    process.stderr.write(`coderouter classify: cannot read JSON: ${(e as Error).message}\n`);
    return 2;
  }
  const input = toClassifyInput(doc);
  if (!input) {
    process.stderr.write("coderouter classify: the request has no body to classify (e.g. a HEAD probe)\n");
    return 2;
  }
  const t0 = process.hrtime.bigint();
  const result = classify(input);
  const us = Number(process.hrtime.bigint() - t0) / 1000;
  const out = { ...result, latency_us: Math.round(us * 10) / 10 };
  process.stdout.write(`${JSON.stringify(out, null, flags.compact ? 0 : 2)}\n`);
  return 0;
}
