// Starts the production app the way `npm start` does (scripts/start.ts → `next start`) on a
// port of its own, waits until it is ready, and stops it (its whole process group).
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export type AppServer = { pid: number; port: number; log: string; stop(): Promise<void> };

/** Process groups of the servers still running, for stopping them when the run is interrupted. */
const running = new Set<number>();

/** Kills every server this process started and has not stopped yet (Ctrl-C, a crash). */
export function killRunningServers(): void {
  for (const pid of running) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  running.clear();
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function waitReady(port: number, child: ChildProcess, log: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app on port ${port} exited with ${child.exitCode} before it was ready; see ${log}:\n${tail(log)}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app on port ${port} was not ready within ${timeoutMs / 1000} s; see ${log}:\n${tail(log)}`);
}

function tail(file: string): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-20).join("\n");
  } catch {
    return "(no log)";
  }
}

/** `env` is added to this process's environment; DATABASE_URL and the like go there. */
export async function startAppServer(port: number, env: Record<string, string>, logDir: string, name: string): Promise<AppServer> {
  if (await portInUse(port)) throw new Error(`Port ${port} is already in use: stop what listens there or pick other ports (--port-base).`);
  const log = path.join(logDir, `server-${name}.log`);
  const out = createWriteStream(log);
  const child = spawn(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/start.ts"], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so stopping it reaches `next start` too.
    detached: true,
  });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  const pid = child.pid!;
  running.add(pid);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-pid, "SIGTERM");
      } catch {
        // already gone
      }
      const timeout = setTimeout(() => {
        try {
          process.kill(-pid, "SIGKILL");
        } catch {
          // already gone
        }
      }, 10_000);
      await exited;
      clearTimeout(timeout);
    }
    running.delete(pid);
    out.end();
  };
  try {
    await waitReady(port, child, log, 180_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { pid, port, log, stop };
}
