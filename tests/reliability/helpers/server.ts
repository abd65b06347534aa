import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { request } from "@/tests/reliability/helpers/api";

/**
 * Real server processes for the reliability suite: `scripts/start.ts` (migrate, seed an
 * empty database, `next start`) on a port of its own, against the build in
 * RELIABILITY_DIST_DIR (default `.next`; `npm run test:reliability` builds it when missing).
 * Each server runs in its own process group so a SIGKILL takes the start script and the
 * Next.js process behind it down together, like a machine losing power would.
 */
export const DIST_DIR = process.env.RELIABILITY_DIST_DIR || process.env.NEXT_DIST_DIR || ".next";

/** Every instance of one test shares it, so a session cookie from one is valid on another. */
export const AUTH_SECRET = "reliability-suite-secret-0123456789abcdef";

export type ServerOptions = { port: number; databaseUrl: string; env?: Record<string, string>; label?: string };

export type Server = {
  port: number;
  url: string;
  /** The process group id (the start script's pid). */
  pid: number;
  /** Everything the server printed, for failure messages. */
  output(): string;
  /** SIGKILL the whole group and wait until the start script is gone. */
  kill(): Promise<void>;
  /** SIGTERM the whole group (SIGKILL if it lingers) and wait. */
  stop(): Promise<void>;
};

export function assertBuilt(): void {
  if (!existsSync(path.join(DIST_DIR, "BUILD_ID"))) {
    throw new Error(`No production build in ${DIST_DIR}: run \`npm run test:reliability\` (it builds), or \`NEXT_DIST_DIR=${DIST_DIR} npx next build\`.`);
  }
}

/** A port in [from, to] that nothing listens on right now. */
export async function freePort(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port += 1) {
    if (await portIsFree(port)) return port;
  }
  throw new Error(`No free port between ${from} and ${to}.`);
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host: "0.0.0.0" }, () => probe.close(() => resolve(true)));
  });
}

export async function startServer(options: ServerOptions): Promise<Server> {
  assertBuilt();
  let log = "";
  const child = spawn(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/start.ts"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: options.databaseUrl,
      PORT: String(options.port),
      GATEBOARD_DEMO_SEED: "auto",
      BETTER_AUTH_SECRET: AUTH_SECRET,
      // Load comes from a handful of test clients, not abusers.
      GATEBOARD_RATE_LIMIT_PER_MINUTE: "1000000",
      ...options.env,
    },
  });
  const append = (chunk: Buffer) => {
    log += chunk.toString();
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stdout!.on("data", append);
  child.stderr!.on("data", append);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;
  const server: Server = {
    port: options.port,
    url,
    pid: child.pid!,
    output: () => log,
    kill: async () => {
      signalGroup(child, "SIGKILL");
      await exited;
      await waitUntilPortFree(options.port);
    },
    stop: async () => {
      signalGroup(child, "SIGTERM");
      const lingering = setTimeout(() => signalGroup(child, "SIGKILL"), 10_000);
      await exited;
      clearTimeout(lingering);
      // The Next.js process may outlive the start script by a moment.
      signalGroup(child, "SIGKILL");
      await waitUntilPortFree(options.port);
    },
  };
  try {
    await waitReady(url, exited, () => log);
  } catch (error) {
    await server.kill();
    throw error;
  }
  return server;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // The group is already gone.
  }
}

async function waitReady(url: string, exited: Promise<void>, log: () => string): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`The server exited before it was ready:\n${log().slice(-4000)}`);
    try {
      const response = await fetch(`${url}/api/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server at ${url} was not ready within 120 s:\n${log().slice(-4000)}`);
}

async function waitUntilPortFree(port: number): Promise<void> {
  for (let attempt = 0; attempt < 100 && !(await portIsFree(port)); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A small seeded PRNG (mulberry32) so a failing run can be replayed with its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `count` jobs with at most `concurrency` in flight. */
export async function pool<T>(count: number, concurrency: number, job: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await job(index);
      }
    }),
  );
  return results;
}

/** A server action's id in the build, from its file and export name (the server-reference manifest). */
export function serverActionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(DIST_DIR, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName);
  if (!found) throw new Error(`No server action ${exportedName} of ${filename} in ${DIST_DIR}: rebuild (npm run test:reliability -- --rebuild).`);
  return found[0];
}

/** Signs a person in through Better Auth's endpoint, as the sign-in page does; returns the Cookie header and the raw Set-Cookie lines. */
export async function signIn(baseUrl: string, email: string, password = "gateboard"): Promise<{ cookie: string; setCookie: string[] }> {
  const response = await request(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${email} failed: ${response.status} ${response.text}`);
  const setCookie = response.headers["set-cookie"] ?? [];
  const cookie = setCookie.map((line) => line.split(";")[0]).join("; ");
  return { cookie, setCookie };
}
