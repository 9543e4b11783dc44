/**
 * Classifier latency: p50/p99 µs per request on the dev set and on synthetic Claude Code requests of ~10 KB,
 * ~100 KB and ~1 MB built from a real capture with a longer history. Not a test; run directly or from `npm run bench`:
 *   node --import tsx bench/classifier.ts
 */
import { readFileSync } from "node:fs";
import { classify } from "../src/classify/index.js";
import { toClassifyInput } from "../src/classify/input.js";
import { percentile } from "../src/classify/metrics.js";
import { readJsonl, rowInput } from "../src/classify/train.js";
import type { ClassifyInput } from "../src/classify/types.js";

const root = new URL("../", import.meta.url);

function time(inputs: ClassifyInput[], rounds: number): { p50: number; p99: number } {
  for (let r = 0; r < 3; r++) for (const i of inputs) classify(i); // warm-up
  const ts: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const i of inputs) {
      const t0 = process.hrtime.bigint();
      classify(i);
      ts.push(Number(process.hrtime.bigint() - t0) / 1000);
    }
  }
  ts.sort((a, b) => a - b);
  return { p50: percentile(ts, 0.5), p99: percentile(ts, 0.99) };
}

/** A Claude Code request grown to about `bytes` by repeating a realistic tool loop in its history. */
function claudeOfSize(bytes: number): ClassifyInput {
  const doc = JSON.parse(
    readFileSync(new URL("test/fixtures/clients/claude/30-interactive-tui-main.json", root), "utf8"),
  );
  const input = toClassifyInput(doc)!;
  const body = structuredClone(input.body);
  const first = body.messages[0];
  const loop = [
    {
      role: "assistant",
      content: [
        { type: "text", text: "Let me look at the file." },
        { type: "tool_use", id: "toolu_x", name: "Read", input: { file_path: "src/utils.py" } },
      ],
    },
    {
      role: "user",
      content: [
        {
          type: "tool_result",
          tool_use_id: "toolu_x",
          content: "def parse_date(s):\n    return datetime.fromisoformat(s)\n".repeat(40),
        },
      ],
    },
  ];
  const msgs = [first];
  let size = JSON.stringify(body).length;
  const step = JSON.stringify(loop).length;
  while (size < bytes) {
    msgs.push(...structuredClone(loop));
    size += step;
  }
  msgs.push({ role: "user", content: [{ type: "text", text: "Why does parse_date fail on '2024-01-01Z'? Fix it." }] });
  body.messages = msgs;
  return { ...input, body };
}

export async function benchClassifier(): Promise<string> {
  const dev = readJsonl(new URL("test/fixtures/eval/dev.jsonl", root).pathname).map(rowInput);
  const rows: [string, ClassifyInput[], number][] = [
    [`dev set (${dev.length} requests)`, dev, 20],
    ["Claude Code ~10 KB", [claudeOfSize(10_000)], 2000],
    ["Claude Code ~100 KB", [claudeOfSize(100_000)], 2000],
    ["Claude Code ~1 MB", [claudeOfSize(1_000_000)], 1000],
    [
      "Claude Code capture 12-refactor-main (125 KB)",
      [
        toClassifyInput(
          JSON.parse(readFileSync(new URL("test/fixtures/clients/claude/12-refactor-main.json", root), "utf8")),
        )!,
      ],
      2000,
    ],
  ];
  const lines = ["| classifier input | p50 µs | p99 µs |", "|---|---:|---:|"];
  for (const [name, inputs, rounds] of rows) {
    const r = time(inputs, rounds);
    lines.push(`| ${name} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} |`);
  }
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchClassifier().then((t) => process.stdout.write(`${t}\n`));
}
