// `npm run bench`: builds the production app once, then for SQLite (and PostgreSQL when
// DATABASE_URL_PG is set) starts it on a fresh, seeded database, measures P1–P9 and the
// floors from separate processes on 127.0.0.1, and writes bench/results/latest.json plus a
// table on stdout. Missed targets are reported, not failed: the exit code is non-zero only
// when the harness itself broke. See README § Benchmarks.
//
// Options: --no-build (reuse .next-bench when it has a build), --rounds N (default 3),
// --scale X (multiply request counts, e.g. 0.1 for a smoke run), --sqlite-only,
// --no-browser, --port-base N (default 3400: ports N+1…N+3), --out FILE.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { killRunningServers, startAppServer, type AppServer } from "./lib/app-server";
import { createBenchDatabase, type BenchDatabase, type DbKind } from "./lib/databases";
import { postgresUpdateFloor, sqliteUpdateFloor, type FloorRound } from "./lib/floors";
import { sampleMemory, type MemoryReport } from "./lib/process-tree";
import { renderTable, row, type Row } from "./lib/report";
import { BENCH_BOARD, COLUMN_SIZE_BOARD, LARGE_BOARD, type SeedInfo } from "./lib/seed-info";
import type { LoadConfig, LoadFigure, LoadResult, RoundResult } from "./load/config";
import type { BrowserConfig, BrowserResult } from "./browser/board-browser";

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string, fallback: string) => {
  const index = argv.indexOf(name);
  return index >= 0 && argv[index + 1] !== undefined ? argv[index + 1]! : fallback;
};
const ROUNDS = Math.max(1, Number(option("--rounds", "3")));
const SCALE = Number(option("--scale", "1"));
const PORT_BASE = Number(option("--port-base", "3400"));
const OUT = path.resolve(option("--out", "bench/results/latest.json"));
const RESULTS_DIR = path.dirname(OUT);
const DIST_DIR = ".next-bench";
const BEADS_FILE = path.resolve("..", "shared", "fixtures", "beads", "beads-legacy-large.jsonl");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TSX = path.join("node_modules", ".bin", "tsx");
const started = new Date();
mkdirSync(RESULTS_DIR, { recursive: true });
// The app servers run in process groups of their own: take them down with us.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    killRunningServers();
    process.exit(130);
  });
}

const rows: Row[] = [];
const raw: Record<string, unknown> = {};
const notes: string[] = [];
/** Harness failures: a figure that could not be measured. They make the exit code 1. */
const failures: string[] = [];

function log(message: string): void {
  process.stderr.write(`[bench ${((Date.now() - started.getTime()) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);
}

/** Runs a child process whose last stdout line is JSON; its stderr goes to a log file. */
function runJson<T>(label: string, args: string[], env: Record<string, string> = {}, timeoutMs = 300_000): Promise<T> {
  const logFile = path.join(RESULTS_DIR, `${label}.log`);
  const logStream = createWriteStream(logFile);
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, args, { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      logStream.write(chunk);
    });
    child.stderr.pipe(logStream);
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      logStream.end();
      const last = stdout.trim().split("\n").pop() ?? "";
      if (code !== 0) {
        reject(new Error(`${label} failed (${signal ?? `exit ${code}`}); see ${logFile}`));
        return;
      }
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${label} printed no JSON result; see ${logFile}`));
      }
    });
  });
}

/** Runs one measurement; a harness failure is recorded and the run goes on with the rest. */
async function attempt(label: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const message = `${label}: ${(error as Error).message}`;
    failures.push(message);
    log(`FAILED ${message}`);
  }
}

const pick = (rounds: RoundResult[], key: string) => rounds.map((round) => round[key] ?? Number.NaN);
const floorRef = (name: string, value: number | undefined) => (value === undefined ? [] : [{ floor: name, value }]);

function build(): void {
  const haveBuild = existsSync(path.join(DIST_DIR, "BUILD_ID"));
  if (flag("--no-build") && haveBuild) {
    log(`--no-build: using the existing build in ${DIST_DIR}`);
    return;
  }
  if (flag("--no-build")) log(`--no-build, but ${DIST_DIR} has no build: building`);
  log(`building the production app into ${DIST_DIR} (next build)…`);
  // `next build` may rewrite tsconfig.json and next-env.d.ts for its dist dir: put them back.
  const kept = ["tsconfig.json", "next-env.d.ts"].map((file) => ({ file, content: existsSync(file) ? readFileSync(file, "utf8") : null }));
  const buildLog = path.join(RESULTS_DIR, "build.log");
  const result = spawnSync(path.join("node_modules", ".bin", "next"), ["build"], {
    env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  writeFileSync(buildLog, `${result.stdout ?? ""}\n${result.stderr ?? ""}`);
  for (const { file, content } of kept) {
    if (content === null) continue;
    if (!existsSync(file) || readFileSync(file, "utf8") !== content) writeFileSync(file, content);
  }
  if (result.status !== 0) {
    process.stderr.write(`${(result.stdout ?? "").split("\n").slice(-30).join("\n")}\n${result.stderr ?? ""}\n`);
    throw new Error(`next build failed (exit ${result.status}); see ${buildLog}`);
  }
  log("build done");
}

function load(figure: LoadFigure, server: AppServer, token: string, extra: Partial<LoadConfig> = {}, boardKey: string = BENCH_BOARD.key): Promise<LoadResult> {
  const config: LoadConfig = { figure, port: server.port, token, boardKey, rounds: ROUNDS, scale: SCALE, ...extra };
  return runJson<LoadResult>(`load-${figure}-${server.port}${extra.subscriberPort ? `-${extra.subscriberPort}` : ""}`, ["bench/load/main.ts", JSON.stringify(config)]);
}

type ModeFloors = { httpP50?: number; httpP99?: number; dbP50?: number; dbP99?: number };

async function runMode(kind: DbKind, sqliteFloor: FloorRound[]): Promise<void> {
  const db: DbKind = kind;
  const ports = kind === "sqlite" ? [PORT_BASE + 1] : [PORT_BASE + 2, PORT_BASE + 3];
  log(`${kind}: creating a fresh database and seeding it (not timed)…`);
  const database: BenchDatabase = await createBenchDatabase(kind, "app");
  let server: AppServer | undefined;
  let memory: { stop(): MemoryReport } | undefined;
  const floors: ModeFloors = {};
  try {
    const seedStarted = Date.now();
    const seed = await runJson<SeedInfo>(`seed-${kind}`, ["--conditions=react-server", "bench/setup/seed-board.ts"], {
      DATABASE_URL: database.url,
      GATEBOARD_WORKFLOWS_DIR: "bench/workflows",
    });
    log(`${kind}: seeded ${seed.boards.main.tickets.length} + ${seed.boards.columnSize.tickets.length} tickets in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);

    const dbFloor = kind === "sqlite" ? sqliteFloor : await postgresUpdateFloor(database.url, ROUNDS, Math.max(50, Math.round(1_000 * SCALE)));
    floors.dbP50 = summaryMedian(dbFloor.map((round) => round.p50));
    floors.dbP99 = summaryMedian(dbFloor.map((round) => round.p99));
    rows.push(
      row({ figure: "floor", metric: `bare ${kind === "sqlite" ? "SQLite" : "PostgreSQL"} UPDATE p50`, db, unit: "ms", target: null, rounds: dbFloor.map((r) => r.p50), what: "one-row UPDATE, autocommit, no app" }),
      row({ figure: "floor", metric: `bare ${kind === "sqlite" ? "SQLite" : "PostgreSQL"} UPDATE p99`, db, unit: "ms", target: null, rounds: dbFloor.map((r) => r.p99), what: "one-row UPDATE, autocommit, no app" }),
    );
    raw[`${kind} floor-db`] = dbFloor;

    const serverEnv = {
      DATABASE_URL: database.url,
      NEXT_DIST_DIR: DIST_DIR,
      GATEBOARD_DEMO_SEED: "never",
      BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
      // The limiter still runs on every request; it just must not refuse the load generator.
      GATEBOARD_RATE_LIMIT_PER_MINUTE: "1000000",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    log(`${kind}: starting the app on 127.0.0.1:${ports[0]}…`);
    server = await startAppServer(ports[0]!, serverEnv, RESULTS_DIR, kind);
    const app = server;
    memory = sampleMemory(app.pid);

    await attempt(`${kind} floor (empty route)`, async () => {
      const result = await load("floor-http", app, seed.token);
      remember(`${kind} floor-http`, result);
      floors.httpP50 = summaryMedian(pick(result.rounds, "p50"));
      floors.httpP99 = summaryMedian(pick(result.rounds, "p99"));
      rows.push(
        row({ figure: "floor", metric: "empty route p50", db, unit: "ms", target: null, rounds: pick(result.rounds, "p50"), what: "GET /api/health/live" }),
        row({ figure: "floor", metric: "empty route p99", db, unit: "ms", target: null, rounds: pick(result.rounds, "p99"), what: "GET /api/health/live" }),
      );
      if (result.serverTiming) notes.push("The app sent Server-Timing headers; latencies here are still client-observed.");
    });
    const http50 = floorRef("http", floors.httpP50);
    const http99 = floorRef("http", floors.httpP99);
    const db50 = floorRef("db", floors.dbP50);
    const db99 = floorRef("db", floors.dbP99);

    log(`${kind}: P1 board data…`);
    await attempt(`${kind} P1`, async () => {
      const result = await load("board", app, seed.token);
      remember(`${kind} P1`, result);
      const what = "GET /api/v1/boards/bench (1,000 tickets), 1 client";
      rows.push(
        row({ figure: "P1", metric: "board data p50", db, unit: "ms", target: { kind: "max", value: 30 }, rounds: pick(result.rounds, "p50"), floors: http50, what }),
        row({ figure: "P1", metric: "board data p99", db, unit: "ms", target: { kind: "max", value: 60 }, rounds: pick(result.rounds, "p99"), floors: http99, what }),
        row({ figure: "P1", metric: "payload", db, unit: "KB", target: { kind: "max", value: 300 }, rounds: pick(result.rounds, "payloadBytes").map((b) => b / 1024), what: "uncompressed JSON body" }),
      );
      checkErrors(`${kind} P1`, result);
    });

    log(`${kind}: P3 move, 1 client…`);
    await attempt(`${kind} P3`, async () => {
      const result = await load("move-single", app, seed.token);
      remember(`${kind} P3`, result);
      const what = "POST /api/v1/tickets/{id}/move, 1 client";
      rows.push(
        row({ figure: "P3", metric: "move p50", db, unit: "ms", target: { kind: "max", value: 5 }, rounds: pick(result.rounds, "p50"), floors: [...http50, ...db50], what }),
        row({ figure: "P3", metric: "move p99", db, unit: "ms", target: { kind: "max", value: 20 }, rounds: pick(result.rounds, "p99"), floors: [...http99, ...db99], what }),
      );
      checkErrors(`${kind} P3`, result);
    });

    log(`${kind}: P4 move, 16 clients…`);
    await attempt(`${kind} P4`, async () => {
      const result = await load("move-concurrent", app, seed.token);
      remember(`${kind} P4`, result);
      const what = "16 concurrent clients, own tickets";
      rows.push(
        row({ figure: "P4", metric: "move p50", db, unit: "ms", target: { kind: "max", value: 60 }, rounds: pick(result.rounds, "p50"), floors: [...http50, ...db50], what }),
        row({ figure: "P4", metric: "move p99", db, unit: "ms", target: { kind: "max", value: 150 }, rounds: pick(result.rounds, "p99"), floors: [...http99, ...db99], what }),
        row({ figure: "P4", metric: "throughput", db, unit: "moves/s", target: { kind: "min", value: 300 }, rounds: pick(result.rounds, "movesPerSecond"), what }),
        row({ figure: "P4", metric: "errors", db, unit: "count", target: { kind: "max", value: 0 }, rounds: pick(result.rounds, "errors"), what: "non-2xx answers per round" }),
      );
    });

    log(`${kind}: P5 move cost against column size…`);
    await attempt(`${kind} P5`, async () => {
      const result = await load("move-column-size", app, seed.token, {}, COLUMN_SIZE_BOARD.key);
      remember(`${kind} P5`, result);
      const what = "p50 into 1,000-ticket column ÷ p50 into 50-ticket column";
      rows.push(
        row({ figure: "P5", metric: "move p50 ratio 1000/50", db, unit: "ratio", target: { kind: "band", low: 0.8, high: 1.2 }, rounds: pick(result.rounds, "ratio"), what }),
        row({ figure: "P5", metric: "move p50 into 1,000", db, unit: "ms", target: null, rounds: pick(result.rounds, "bigP50"), floors: [...http50, ...db50], what: "for reference" }),
        row({ figure: "P5", metric: "move p50 into 50", db, unit: "ms", target: null, rounds: pick(result.rounds, "smallP50"), floors: [...http50, ...db50], what: "for reference" }),
      );
      checkErrors(`${kind} P5`, result);
    });

    log(`${kind}: P6 live update…`);
    await attempt(`${kind} P6`, async () => {
      const result = await load("live-update", app, seed.token);
      remember(`${kind} P6`, result);
      const what = "move response start → SSE event at another subscriber, same instance";
      rows.push(
        row({ figure: "P6", metric: "live update p50", db, unit: "ms", target: { kind: "max", value: 15 }, rounds: pick(result.rounds, "p50"), floors: http50, what }),
        row({ figure: "P6", metric: "live update p99", db, unit: "ms", target: { kind: "max", value: 40 }, rounds: pick(result.rounds, "p99"), floors: http99, what }),
      );
      checkErrors(`${kind} P6`, result);
    });

    if (kind === "sqlite") {
      if (flag("--no-browser")) notes.push("P2 and P8 skipped (--no-browser).");
      else if (!existsSync(CHROMIUM)) {
        notes.push(`P2 and P8 skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`);
        log(`no Chromium at ${CHROMIUM}: skipping P2 and P8`);
      } else {
        const large = { key: LARGE_BOARD.key, tickets: seed.boards.large.tickets.length, overColumn: "ready", overCards: LARGE_BOARD.columns.ready };
        const boards: Array<{ key: string; tickets: number; overColumn: string; overCards: number; label: string; drag: boolean; query?: string }> = [
          { key: BENCH_BOARD.key, tickets: seed.boards.main.tickets.length, overColumn: "ready", overCards: BENCH_BOARD.columns.ready, label: "", drag: true },
          { ...large, label: " (2,000 tickets)", drag: true },
          // Swimlanes lay cards out differently (the board scrolls as a whole, its cells are
          // virtualized against it); no P8 there: it drags over one column's own scroll.
          { ...large, label: " (2,000 tickets, swimlanes by assignee)", query: "?lanes=assignee", drag: false },
        ];
        for (const board of boards) {
          log(`${kind}: P2${board.drag ? " and P8" : ""} in Chromium on ${board.key}${board.query ?? ""} (${board.tickets} tickets)…`);
          await attempt(`${kind} P2${board.drag ? "/P8" : ""}${board.label}`, async () => {
            const config: BrowserConfig = {
              port: app.port,
              email: seed.email,
              password: seed.password,
              boardKey: board.key,
              overColumn: board.overColumn,
              fromColumn: "backlog",
              expectedCards: board.tickets,
              rounds: ROUNDS,
              query: board.query,
              drag: board.drag,
              screenshot: path.join(RESULTS_DIR, `board-${board.key}${board.query ? "-lanes" : ""}.png`),
            };
            const result = await runJson<BrowserResult>("browser", ["bench/browser/board-browser.ts", JSON.stringify(config)], {}, 900_000);
            remember(`${kind} browser${board.label}`, result);
            const tickets = board.tickets.toLocaleString("en-US");
            rows.push(
              row({ figure: "P2", metric: `navigation to usable${board.label}`, db, unit: "ms", target: { kind: "max", value: 2_000 }, rounds: result.p2.map((r) => r.usableMs), what: `headless Chromium, ${tickets}-ticket board on screen and hydrated` }),
              row({ figure: "P2", metric: `long tasks total${board.label}`, db, unit: "ms", target: { kind: "max", value: 1_000 }, rounds: result.p2.map((r) => r.longTaskMs), what: "sum of long tasks during the load" }),
            );
            if (board.drag) {
              rows.push(row({ figure: "P8", metric: `drag frame time p95${board.label}`, db, unit: "ms", target: { kind: "max", value: 16.7 }, rounds: result.p8.map((r) => r.p95), what: `card dragged over the ${board.overCards}-card column` }));
            }
          });
        }
      }
    }

    if (kind === "postgresql") {
      log(`${kind}: P6 across two instances (second app on 127.0.0.1:${ports[1]})…`);
      await attempt(`${kind} P6 two instances`, async () => {
        const second = await startAppServer(ports[1]!, serverEnv, RESULTS_DIR, `${kind}-second`);
        try {
          const result = await load("live-update", app, seed.token, { subscriberPort: second.port });
          remember(`${kind} P6-two-instances`, result);
          const what = "mover on instance A, SSE subscriber on instance B (LISTEN/NOTIFY)";
          rows.push(
            row({ figure: "P6", metric: "two instances p50", db, unit: "ms", target: null, rounds: pick(result.rounds, "p50"), floors: http50, what }),
            row({ figure: "P6", metric: "two instances p99", db, unit: "ms", target: { kind: "max", value: 100 }, rounds: pick(result.rounds, "p99"), floors: http99, what }),
          );
          checkErrors(`${kind} P6 two instances`, result);
        } finally {
          await second.stop();
        }
      });
    }

    const peak = memory.stop();
    memory = undefined;
    raw[`${kind} P7`] = peak;
    // Over the whole run there is one peak, so the "rounds" are that one value.
    rows.push(
      row({
        figure: "P7",
        metric: "peak RSS, server process",
        db,
        unit: "MB",
        target: kind === "sqlite" ? { kind: "max", value: 300 } : null,
        rounds: [peak.peakProcessMb],
        what: `VmHWM of the serving process over all figures above; whole tree peak ${peak.peakTreeMb.toFixed(0)} MB`,
      }),
    );
  } finally {
    memory?.stop();
    await server?.stop();
    await database.drop();
  }

  log(`${kind}: P9 beads import (a fresh database per round)…`);
  await attempt(`${kind} P9`, async () => {
    if (!existsSync(BEADS_FILE)) throw new Error(`the fixture ${BEADS_FILE} is missing`);
    const results: Array<{ ms: number; cpuMs: number; lines: number; created: number; errors: number }> = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      results.push(
        await runJson(`p9-${kind}-${round + 1}`, ["--conditions=react-server", "bench/setup/import-beads-round.ts", BEADS_FILE], {
          TEST_DATABASE: kind,
          GATEBOARD_WORKFLOWS_DIR: "workflows",
        }),
      );
    }
    raw[`${kind} P9`] = results;
    rows.push(
      row({ figure: "P9", metric: "beads import", db, unit: "ms", target: { kind: "max", value: 2_000 }, rounds: results.map((r) => r.ms), what: `${results[0]?.lines ?? "?"} lines, ${results[0]?.created ?? "?"} tickets created, via importBeads` }),
      row({ figure: "P9", metric: "beads import CPU", db, unit: "ms", target: null, rounds: results.map((r) => r.cpuMs), what: "the importing process's CPU time (less sensitive to a busy machine)" }),
    );
  });
}

/** Keeps a figure's raw rounds for the JSON and its notes for the table's footer. */
function remember(label: string, result: LoadResult | BrowserResult): void {
  raw[label] = result;
  notes.push(...result.notes.map((note) => `${label}: ${note}`));
}

function summaryMedian(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length / 2) - 1]!;
}

function checkErrors(label: string, result: LoadResult): void {
  const total = Object.values(result.errors).reduce((sum, n) => sum + n, 0);
  if (total > 0) notes.push(`${label}: ${total} error answer(s): ${JSON.stringify(result.errors)}`);
}

async function main(): Promise<void> {
  const kinds: DbKind[] = ["sqlite"];
  if (process.env.DATABASE_URL_PG && !flag("--sqlite-only")) kinds.push("postgresql");
  else notes.push(flag("--sqlite-only") ? "PostgreSQL skipped (--sqlite-only)." : "PostgreSQL skipped: DATABASE_URL_PG is not set.");
  const loadStart = os.loadavg();
  log(`rounds ${ROUNDS}, scale ${SCALE}, databases ${kinds.join(" + ")}; machine: ${os.cpus().length} CPUs, load average ${loadStart.map((n) => n.toFixed(2)).join(" ")}`);

  build();

  log("floor: bare SQLite UPDATE via better-sqlite3…");
  const sqliteFloor = sqliteUpdateFloor(ROUNDS, Math.max(200, Math.round(5_000 * SCALE)));
  for (const kind of kinds) {
    await attempt(`${kind} run`, () => runMode(kind, sqliteFloor));
  }

  const finished = new Date();
  const report = {
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationSeconds: Math.round((finished.getTime() - started.getTime()) / 1000),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "?",
      memoryMb: Math.round(os.totalmem() / 1024 / 1024),
      node: process.version,
      loadAverageAtStart: loadStart,
      loadAverageAtEnd: os.loadavg(),
    },
    options: { rounds: ROUNDS, scale: SCALE, databases: kinds, ports: { sqlite: PORT_BASE + 1, postgresql: PORT_BASE + 2, postgresqlSecond: PORT_BASE + 3 } },
    method: {
      latency:
        "Client-observed on loopback: the load generator (a separate Node process) times each request with node:http over a keep-alive connection to 127.0.0.1, from sending it to the last byte. The app sends no Server-Timing header, so there is no server-side timing to report.",
      rounds: `Each figure is measured in ${ROUNDS} rounds after a warm-up; a round gives one value (its p50, p99, …); the table shows the median round with the min and max round. "met?" judges the median round.`,
      floors: "Measured in the same run: an empty route handler (GET /api/health/live) through the same client, and a one-row UPDATE straight on the database (better-sqlite3 / pg). × floor = median ÷ floor (p50 against p50, p99 against p99).",
      rateLimit: "GATEBOARD_RATE_LIMIT_PER_MINUTE is raised to 1,000,000 for the benchmark server so the limiter (still on every request) never refuses the load.",
    },
    figures: rows,
    notes,
    failures,
    raw,
  };
  writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);

  process.stdout.write(`\nGateboard benchmarks, ${started.toISOString()} (${report.durationSeconds} s, ${os.cpus().length} CPUs, load average ${loadStart.map((n) => n.toFixed(2)).join(" ")} → ${os.loadavg().map((n) => n.toFixed(2)).join(" ")})\n`);
  process.stdout.write("Latency is client-observed on loopback (the app sends no Server-Timing). median/min/max are over rounds.\n\n");
  process.stdout.write(`${renderTable(rows)}\n\n`);
  for (const note of notes) process.stdout.write(`note: ${note}\n`);
  const judged = rows.filter((r) => r.met !== null);
  process.stdout.write(`targets met: ${judged.filter((r) => r.met).length} of ${judged.length}; results in ${path.relative(process.cwd(), OUT)}\n`);
  if (failures.length > 0) {
    process.stdout.write(`\nThe harness could not measure everything:\n${failures.map((failure) => `  - ${failure}`).join("\n")}\n`);
    process.exitCode = 1;
  }
}

await main();
