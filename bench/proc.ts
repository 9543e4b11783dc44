/**
 * Per-process accounting from /proc: CPU time (utime+stime) and peak RSS (VmHWM) of one pid.
 * Linux only; on other systems every reading is undefined and the report shows "n/a".
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const TICKS_PER_SEC = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU milliseconds used so far by `pid` (user + system), or undefined when /proc is unavailable. */
export function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may contain spaces) start at field 3 (state).
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const utime = Number(rest[11]);
    const stime = Number(rest[12]);
    return ((utime + stime) * 1000) / TICKS_PER_SEC;
  } catch {
    return undefined;
  }
}

/** Peak resident set size of `pid` in MB (VmHWM), or undefined. */
export function rssPeakMb(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}
