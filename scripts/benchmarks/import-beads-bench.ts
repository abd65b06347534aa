// Measures importBeads on the 5.7k-line legacy beads export: first import, then a re-import
// of the same file (all unchanged), on a throwaway database, with the number of SQL
// statements each import sent to the database.
// Usage: tsx --conditions=react-server scripts/benchmarks/import-beads-bench.ts [file] [--rounds N]
// TEST_DATABASE=postgresql DATABASE_URL_PG=… runs it on PostgreSQL. With --rounds, each round
// runs in a process of its own on a fresh database (the environment is read once per
// process), and the medians with min and max close the output.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { createTestDatabase } from "../../tests/helpers/test-database";

type Sample = { label: string; wall: number; cpu: number; statements: number };

const args = process.argv.slice(2);
const roundsAt = args.indexOf("--rounds");
const rounds = roundsAt >= 0 ? Math.max(1, Number(args[roundsAt + 1]) || 1) : 0;
const asChild = args.includes("--child");
const fileArg = args.find((arg, index) => !arg.startsWith("--") && index !== roundsAt + 1);
const file = fileArg ?? path.resolve(import.meta.dirname, "../../../shared/fixtures/beads/beads-legacy-large.jsonl");

if (rounds > 0) await runRounds(rounds);
else await runOnce();

async function runRounds(count: number): Promise<void> {
  const samples: Sample[] = [];
  for (let round = 1; round <= count; round += 1) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), file, "--child"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    if (child.status !== 0) throw new Error(`round ${round} failed (exit ${child.status})`);
    for (const line of child.stdout.split("\n")) {
      if (line.startsWith("{")) samples.push(JSON.parse(line) as Sample);
      else if (line.trim() !== "") console.log(`round ${round}: ${line}`);
    }
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  const figure = (values: number[]) => `${Math.round(median(values))} ms (min ${Math.round(Math.min(...values))}, max ${Math.round(Math.max(...values))})`;
  for (const label of ["first import", "re-import"]) {
    const list = samples.filter((sample) => sample.label === label);
    console.log(`median of ${list.length}: ${label}: wall ${figure(list.map((s) => s.wall))}, CPU ${figure(list.map((s) => s.cpu))}, ${median(list.map((s) => s.statements))} statements`);
  }
}

async function runOnce(): Promise<void> {
  const text = readFileSync(file, "utf8");
  // Prisma's adapters send every statement, raw or not, through one of these two driver
  // calls, so counting them counts the import's round trips to the database.
  let statements = 0;
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: Database.Database, ...rest: Parameters<typeof prepare>) {
    statements += 1;
    return prepare.apply(this, rest);
  } as typeof prepare;
  const query = pg.Client.prototype.query as (...rest: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...rest: unknown[]) {
    statements += 1;
    return query.apply(this, rest);
  } as typeof pg.Client.prototype.query;

  const database = await createTestDatabase();
  const { disconnectDb } = await import("../../lib/db");
  const { SYSTEM_ACTOR } = await import("../../lib/domain/permissions");
  const { createBoard } = await import("../../lib/server/create-board");
  const { importBeads } = await import("../../lib/server/import-beads");
  try {
    await createBoard(SYSTEM_ACTOR, { name: "Bench", key: "bench", workflow: "software-development" });
    const lines = text.split("\n").filter((line) => line.trim() !== "").length;
    console.log(`${database.kind}: ${path.basename(file)}, ${lines} lines, ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(2)} MB`);
    for (const label of ["first import", "re-import"]) {
      const statementsBefore = statements;
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const result = await importBeads(SYSTEM_ACTOR, "bench", text);
      const cpu = process.cpuUsage(cpuStarted);
      const sample: Sample = { label, wall: performance.now() - started, cpu: (cpu.user + cpu.system) / 1000, statements: statements - statementsBefore };
      const counts = `created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}, skipped ${JSON.stringify(result.skipped)}, errors ${result.errors.length}`;
      // CPU time next to wall time: on a shared box the wall clock also counts other processes.
      console.log(`${database.kind}: ${label}: wall ${Math.round(sample.wall)} ms, CPU ${Math.round(sample.cpu)} ms, ${sample.statements} statements (${counts})`);
      if (asChild) console.log(JSON.stringify(sample));
    }
  } finally {
    await disconnectDb();
    await database.drop();
  }
}
