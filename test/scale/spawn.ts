/** Starts test/scale/instance-child.ts as its own process; its stdout (after the first {url} line) and stderr are kept. */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { TEST_KEYS } from "../helpers/router.js";

export interface Instance {
  url: string;
  child: ChildProcess;
  /** Everything the process printed (logs) after it started listening. */
  output: string[];
  stop(): Promise<void>;
}

export async function spawnInstance(config: unknown, env: NodeJS.ProcessEnv = TEST_KEYS): Promise<Instance> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/scale/instance-child.ts"], {
    env: { ...process.env, ...env, CR_CHILD_CONFIG: JSON.stringify(config) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stderr!.on("data", (d) => output.push(String(d)));
  const lines = createInterface({ input: child.stdout! });
  const first = await Promise.race([
    once(lines, "line").then(([l]) => l as string),
    once(child, "exit").then(([code]) => {
      throw new Error(`instance exited early (${code}): ${output.join("")}`);
    }),
  ]);
  lines.on("line", (l) => output.push(l));
  return {
    url: JSON.parse(first).url,
    child,
    output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}
