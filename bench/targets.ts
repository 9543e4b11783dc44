/**
 * What the benchmark measures: the fake upstream itself (direct), the floor forwarder, CodeRouter in two
 * configurations and the peer gateways. Each `start` spawns the server in its own process and returns where
 * to send the Anthropic /v1/messages requests.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PHASES } from "../src/classify/types.js";
import { compileStandalone, freePort, type Proc, ROOT, startProcess, WORK_DIR } from "./child.js";
import { CCR, ensurePeer, PORTKEY } from "./peers.js";

export interface Running {
  origin: string;
  path: string;
  /** Added to the request's own headers. */
  headers: Record<string, string>;
  /** The measured process (CPU, RSS); undefined for the direct baseline. */
  proc?: Proc;
  version?: string;
  stop(): Promise<void>;
}

export interface Ctx {
  upstream: string;
  log(s: string): void;
  /** When set, node processes we start write a .cpuprofile here. */
  cpuProfDir?: string;
}

export interface TargetSpec {
  key: string;
  label: string;
  start(ctx: Ctx): Promise<Running>;
}

const profArgs = (ctx: Ctx) => (ctx.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${ctx.cpuProfDir}`] : []);

function running(proc: Proc, port: number, headers: Record<string, string> = {}, version?: string): Running {
  return { origin: `http://127.0.0.1:${port}`, path: "/v1/messages", headers, proc, version, stop: () => proc.stop() };
}

export const DIRECT: TargetSpec = {
  key: "direct",
  label: "direct (fake upstream)",
  start: async (ctx) => ({ origin: ctx.upstream, path: "/v1/messages", headers: {}, stop: async () => {} }),
};

export const FLOOR: TargetSpec = {
  key: "floor",
  label: "floor: node:http + JSON parse/stringify",
  start: async (ctx) => {
    const port = await freePort();
    const proc = await startProcess({
      name: "floor",
      args: [
        ...profArgs(ctx),
        compileStandalone(join(import.meta.dirname, "floor.ts")),
        "--port",
        String(port),
        "--upstream",
        ctx.upstream,
      ],
      readyUrl: `http://127.0.0.1:${port}/`,
    });
    return running(proc, port);
  },
};

function coderouter(key: string, label: string, model: string, models: object[] = []): TargetSpec {
  return {
    key,
    label,
    start: async (ctx) => {
      const { proc, port } = await startCodeRouter({
        name: key,
        dir: join(WORK_DIR, key),
        bin: join(ROOT, "bin", "coderouter.js"),
        upstream: ctx.upstream,
        model,
        models,
        nodeArgs: profArgs(ctx),
      });
      return running(proc, port);
    },
  };
}

/** Writes a config that routes every phase to `model` through `upstream`, and starts that CodeRouter build. */
export async function startCodeRouter(o: {
  name: string;
  dir: string;
  bin: string;
  upstream: string;
  model: string;
  models: object[];
  nodeArgs?: string[];
}): Promise<{ proc: Proc; port: number }> {
  rmSync(o.dir, { recursive: true, force: true });
  mkdirSync(o.dir, { recursive: true });
  const config = {
    log_level: "warn",
    providers: {
      anthropic: { base_url: o.upstream },
      openai: { base_url: `${o.upstream}/v1` },
      google: { base_url: o.upstream },
    },
    models: o.models,
    routing: { policy: Object.fromEntries(PHASES.map((p) => [p, [o.model]])) },
  };
  writeFileSync(join(o.dir, "config.json"), JSON.stringify(config, null, 2));
  const port = await freePort();
  const proc = await startProcess({
    name: o.name,
    args: [
      ...(o.nodeArgs ?? []),
      o.bin,
      "serve",
      "--config",
      join(o.dir, "config.json"),
      "--port",
      String(port),
      "--host",
      "127.0.0.1",
      "--data",
      o.dir,
    ],
    env: { ANTHROPIC_API_KEY: "dummy", OPENAI_API_KEY: "dummy", GEMINI_API_KEY: "dummy", CODEROUTER_CONFIG: undefined },
    readyUrl: `http://127.0.0.1:${port}/healthz`,
  });
  return { proc, port };
}

export const CODEROUTER_PASS = coderouter(
  "coderouter",
  "CodeRouter (passthrough, Anthropic → Anthropic)",
  "claude-sonnet-5",
);
/** Same wire pair as claude-code-router: gpt-5.5 called over Chat Completions instead of its default Responses. */
export const CODEROUTER_CHAT = coderouter(
  "coderouter-chat",
  "CodeRouter (translate, Anthropic → OpenAI Chat)",
  "gpt-5.5",
  [{ id: "gpt-5.5", provider: "openai", format: "openai-chat" }],
);
export const CODEROUTER_RESPONSES = coderouter(
  "coderouter-responses",
  "CodeRouter (translate, Anthropic → OpenAI Responses)",
  "gpt-5.5",
);

export const PORTKEY_GW: TargetSpec = {
  key: "portkey",
  label: `Portkey gateway ${PORTKEY.version}`,
  start: async (ctx) => {
    const pkgDir = await ensurePeer(PORTKEY, ctx.log);
    const port = await freePort();
    const proc = await startProcess({
      name: "portkey",
      args: [...profArgs(ctx), join(pkgDir, "build", "start-server.js"), `--port=${port}`, "--headless"],
      cwd: join(WORK_DIR, PORTKEY.name),
      env: { NODE_ENV: "production" },
      readyUrl: `http://127.0.0.1:${port}/`,
    });
    // Anthropic provider, base URL overridden to the fake upstream (README: x-portkey-custom-host).
    const headers = { "x-portkey-provider": "anthropic", "x-portkey-custom-host": `${ctx.upstream}/v1` };
    return running(proc, port, headers, PORTKEY.version);
  },
};

export const CCR_GW: TargetSpec = {
  key: "ccr",
  label: `claude-code-router ${CCR.version} (Anthropic → OpenAI Chat)`,
  start: async (ctx) => {
    const pkgDir = await ensurePeer(CCR, ctx.log);
    const port = await freePort();
    // It reads ~/.claude-code-router/config.json: give it its own HOME.
    const home = join(WORK_DIR, "ccr-home");
    rmSync(home, { recursive: true, force: true });
    mkdirSync(join(home, ".claude-code-router"), { recursive: true });
    const config = {
      PORT: port,
      HOST: "127.0.0.1",
      LOG: false,
      LOG_LEVEL: "error",
      NON_INTERACTIVE_MODE: true,
      Providers: [
        { name: "bench", api_base_url: `${ctx.upstream}/v1/chat/completions`, api_key: "dummy", models: ["gpt-5.5"] },
      ],
      Router: { default: "bench,gpt-5.5" },
    };
    writeFileSync(join(home, ".claude-code-router", "config.json"), JSON.stringify(config, null, 2));
    const proc = await startProcess({
      name: "ccr",
      args: [...profArgs(ctx), join(pkgDir, "dist", "cli.js"), "start"],
      cwd: home,
      env: { HOME: home },
      readyUrl: `http://127.0.0.1:${port}/`,
    });
    return running(proc, port, {}, CCR.version);
  },
};

export const CODEROUTERS: TargetSpec[] = [CODEROUTER_PASS, CODEROUTER_CHAT, CODEROUTER_RESPONSES];
export const ALL_TARGETS: TargetSpec[] = [FLOOR, ...CODEROUTERS, PORTKEY_GW, CCR_GW];

/** The fake upstream, in its own process. */
export async function startUpstream(): Promise<{ origin: string; proc: Proc }> {
  const port = await freePort();
  const proc = await startProcess({
    name: "upstream",
    args: [
      compileStandalone(join(import.meta.dirname, "upstream.ts")),
      "--port",
      String(port),
      "--fixtures",
      join(ROOT, "test", "fixtures", "upstream"),
    ],
    readyUrl: `http://127.0.0.1:${port}/healthz`,
  });
  return { origin: `http://127.0.0.1:${port}`, proc };
}
