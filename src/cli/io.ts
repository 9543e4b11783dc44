import { readFileSync } from "node:fs";

/** Reads a file argument, or standard input for `-` / no argument. */
export function readInput(file: string | undefined): string {
  if (!file || file === "-") return readFileSync(0, "utf8");
  return readFileSync(file, "utf8");
}

/** Minimal flag parser: --flag, --key value, --key=value; the rest are positionals. */
export function parseArgs(
  args: string[],
  booleans: string[] = [],
): { flags: Record<string, string | true>; positionals: string[] } {
  const flags: Record<string, string | true> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      if (eq > 0) flags[a.slice(2, eq)] = a.slice(eq + 1);
      else if (booleans.includes(a.slice(2)) || i + 1 >= args.length || args[i + 1].startsWith("--"))
        flags[a.slice(2)] = true;
      else flags[a.slice(2)] = args[++i];
    } else positionals.push(a);
  }
  return { flags, positionals };
}
