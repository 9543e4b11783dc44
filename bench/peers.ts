/**
 * Peer gateways, installed with npm into bench/.peers/<name>/ (gitignored), never as project dependencies.
 * An install that fails leaves the peer "n/a" in the report; the rest of the run goes on.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { WORK_DIR } from "./child.js";

const run = promisify(execFile);

export interface PeerSpec {
  name: string;
  pkg: string;
  version: string;
  /** package.json of the install folder: pins and overrides. */
  manifest: Record<string, unknown>;
  ignoreScripts?: boolean;
}

export const PORTKEY: PeerSpec = {
  name: "portkey",
  pkg: "@portkey-ai/gateway",
  version: "1.15.2",
  // 1.15.2 streams fail with newer @hono/node-server.
  manifest: {
    dependencies: { "@portkey-ai/gateway": "1.15.2", "@hono/node-server": "1.13.8" },
    overrides: { "@hono/node-server": "1.13.8" },
  },
  ignoreScripts: true,
};

export const CCR: PeerSpec = {
  name: "ccr",
  pkg: "@musistudio/claude-code-router",
  // 3.1.1 does not install.
  version: "2.0.0",
  manifest: { dependencies: { "@musistudio/claude-code-router": "2.0.0" } },
};

export function peerDir(p: PeerSpec): string {
  return join(WORK_DIR, p.name);
}

export function installedVersion(p: PeerSpec): string | undefined {
  const file = join(peerDir(p), "node_modules", p.pkg, "package.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).version : undefined;
}

/** Installs the peer unless the pinned version is already there; returns its package folder. */
export async function ensurePeer(p: PeerSpec, log: (s: string) => void): Promise<string> {
  const dir = peerDir(p);
  if (installedVersion(p) !== p.version) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({ name: `bench-peer-${p.name}`, private: true, ...p.manifest }, null, 2),
    );
    log(`installing ${p.pkg}@${p.version} into ${dir} …`);
    const args = [
      "install",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      ...(p.ignoreScripts ? ["--ignore-scripts"] : []),
    ];
    try {
      await run("npm", args, { cwd: dir, timeout: 240_000, maxBuffer: 16 << 20 });
    } catch (err) {
      const e = err as { stderr?: string; message: string };
      throw new Error(`npm install failed: ${(e.stderr || e.message).trim().split("\n").slice(-3).join(" ")}`);
    }
    if (installedVersion(p) !== p.version) throw new Error(`npm install did not produce ${p.pkg}@${p.version}`);
  }
  return join(dir, "node_modules", p.pkg);
}
