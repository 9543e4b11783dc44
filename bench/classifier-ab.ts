/**
 * A/B of two classifier checkouts in one process, interleaved per request: the minimum of `ROUNDS` timings per dev
 * request for each side (minima filter out the VM's noise, which swamps single bench runs here). Not a test; e.g.
 *   git worktree add /tmp/base <rev> && ln -s "$PWD/node_modules" /tmp/base/node_modules
 *   node --import tsx bench/classifier-ab.ts /tmp/base .
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const ROUNDS = 30;
const [a, b] = process.argv.slice(2).map((p) => pathToFileURL(`${resolve(p)}/`));
if (!a || !b) {
  process.stderr.write("usage: node --import tsx bench/classifier-ab.ts BASE_CHECKOUT OTHER_CHECKOUT\n");
  process.exit(2);
}
const A = await import(new URL("src/classify/index.ts", a).href);
const B = await import(new URL("src/classify/index.ts", b).href);
const { readJsonl, rowInput } = await import(new URL("src/classify/train.ts", b).href);
const dev = readJsonl(new URL("test/fixtures/eval/dev.jsonl", b).pathname).map(rowInput);

for (let r = 0; r < 15; r++)
  for (const input of dev) {
    A.classify(input);
    B.classify(input);
  }
const minA = new Float64Array(dev.length).fill(Infinity);
const minB = new Float64Array(dev.length).fill(Infinity);
const time = (f: (x: unknown) => unknown, x: unknown) => {
  const t0 = process.hrtime.bigint();
  f(x);
  return Number(process.hrtime.bigint() - t0) / 1000;
};
for (let r = 0; r < ROUNDS; r++)
  for (let k = 0; k < dev.length; k++) {
    minA[k] = Math.min(minA[k], time(A.classify, dev[k]));
    minB[k] = Math.min(minB[k], time(B.classify, dev[k]));
  }
const sorted = (x: Float64Array) => [...x].sort((p, q) => p - q);
const at = (x: number[], q: number) => x[Math.min(x.length - 1, Math.floor(q * x.length))].toFixed(1);
const sum = (x: Float64Array) => x.reduce((s, v) => s + v, 0);
const [sa, sb] = [sorted(minA), sorted(minB)];
process.stdout.write(
  `per-request minima over ${ROUNDS} rounds, ${dev.length} dev requests (µs)\n` +
    `  sum  ${sum(minA).toFixed(0)} → ${sum(minB).toFixed(0)}\n` +
    `  p50  ${at(sa, 0.5)} → ${at(sb, 0.5)}\n  p99  ${at(sa, 0.99)} → ${at(sb, 0.99)}\n`,
);
