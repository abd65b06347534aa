// Measures importBeads on the 5.7k-line legacy beads export: first import, then a re-import
// of the same file (all unchanged), on a throwaway database.
// Usage: tsx --conditions=react-server scripts/benchmarks/import-beads-bench.ts [file]
// TEST_DATABASE=postgresql DATABASE_URL_PG=… runs it on PostgreSQL.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createTestDatabase } from "../../tests/helpers/test-database";

const file = process.argv[2] ?? path.resolve(import.meta.dirname, "../../../shared/fixtures/beads/beads-legacy-large.jsonl");
const text = readFileSync(file, "utf8");
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
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const result = await importBeads(SYSTEM_ACTOR, "bench", text);
    const cpu = process.cpuUsage(cpuStarted);
    const counts = `created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}, skipped ${JSON.stringify(result.skipped)}, errors ${result.errors.length}`;
    // CPU time next to wall time: on a shared box the wall clock also counts other processes.
    console.log(`${database.kind}: ${label}: wall ${Math.round(performance.now() - started)} ms, CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms (${counts})`);
  }
} finally {
  await disconnectDb();
  await database.drop();
}
