/**
 * A loopback port whose accept queue is full, so a TCP connect to it hangs (the only honest way to get a connect
 * timeout without leaving loopback). Node accepts every connection itself, so a tiny Python listener does it.
 */
import { type ChildProcess, spawn } from "node:child_process";

const SCRIPT = `
import socket, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(0)
port = s.getsockname()[1]
fill = []
for _ in range(4):
    c = socket.socket(); c.setblocking(False); c.connect_ex(("127.0.0.1", port)); fill.append(c)
time.sleep(0.2)
print(port, flush=True)
time.sleep(600)
`;

export async function startBlackhole(): Promise<{ port: number; stop(): void } | null> {
  let p: ChildProcess;
  try {
    p = spawn("python3", ["-u", "-c", SCRIPT], { stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return null;
  }
  const port = await new Promise<number | null>((resolve) => {
    p.once("error", () => resolve(null));
    p.stdout!.once("data", (d) => resolve(Number(String(d).trim())));
  });
  if (!port) return null;
  return { port, stop: () => p.kill("SIGKILL") };
}

/** A port nothing listens on (bound, then closed). */
export async function closedPort(): Promise<number> {
  const { createServer } = await import("node:net");
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
