// Floors: what the simplest possible version of the work costs on this machine right now,
// so each figure reads as a multiple of it. A one-row UPDATE, autocommitted, on a table
// shaped like the ticket table's hot columns, with the app's connection settings.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { percentile } from "./stats";

export type FloorRound = { p50: number; p99: number; updates: number };

const ROWS = 1_000;

/** better-sqlite3 directly, WAL and synchronous=NORMAL like lib/db.ts; ms per UPDATE. */
export function sqliteUpdateFloor(rounds: number, updates: number): FloorRound[] {
  const dir = mkdtempSync(path.join(tmpdir(), "gateboard-bench-floor-"));
  try {
    const db = new Database(path.join(dir, "floor.db"));
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.exec("CREATE TABLE ticket (id TEXT PRIMARY KEY, phase TEXT NOT NULL, rank TEXT NOT NULL, version INTEGER NOT NULL)");
    const insert = db.prepare("INSERT INTO ticket (id, phase, rank, version) VALUES (?, 'review', ?, 1)");
    db.transaction(() => {
      for (let i = 0; i < ROWS; i += 1) insert.run(`t-${i}`, `a${i}`);
    })();
    const update = db.prepare("UPDATE ticket SET version = version + 1, phase = ? WHERE id = ?");
    const result: FloorRound[] = [];
    for (let round = -1; round < rounds; round += 1) {
      const samples: number[] = [];
      for (let i = 0; i < updates; i += 1) {
        const started = performance.now();
        update.run(i % 2 === 0 ? "done" : "review", `t-${i % ROWS}`);
        samples.push(performance.now() - started);
      }
      // Round -1 warms the page cache and the statement.
      if (round >= 0) result.push({ p50: percentile(samples, 50), p99: percentile(samples, 99), updates });
    }
    db.close();
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same on PostgreSQL through `pg`, in a scratch table of the benchmark's database. */
export async function postgresUpdateFloor(url: string, rounds: number, updates: number): Promise<FloorRound[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("CREATE TABLE bench_floor (id TEXT PRIMARY KEY, phase TEXT NOT NULL, rank TEXT NOT NULL, version INTEGER NOT NULL)");
    await client.query("INSERT INTO bench_floor SELECT 't-' || i, 'review', 'a' || i, 1 FROM generate_series(0, $1 - 1) AS i", [ROWS]);
    const result: FloorRound[] = [];
    for (let round = -1; round < rounds; round += 1) {
      const samples: number[] = [];
      for (let i = 0; i < updates; i += 1) {
        const started = performance.now();
        await client.query({ name: "floor", text: "UPDATE bench_floor SET version = version + 1, phase = $1 WHERE id = $2", values: [i % 2 === 0 ? "done" : "review", `t-${i % ROWS}`] });
        samples.push(performance.now() - started);
      }
      if (round >= 0) result.push({ p50: percentile(samples, 50), p99: percentile(samples, 99), updates });
    }
    await client.query("DROP TABLE bench_floor");
    return result;
  } finally {
    await client.end();
  }
}
