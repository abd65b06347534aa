// P9, one round: imports a beads JSONL export through the use case into a board on a fresh
// database (created here, dropped after) and prints the timing as JSON on stdout's last line.
// Usage: [TEST_DATABASE=postgresql DATABASE_URL_PG=…] tsx --conditions=react-server bench/setup/import-beads-round.ts <file.jsonl>
import { readFileSync } from "node:fs";
import { createTestDatabase } from "../../tests/helpers/test-database";

const file = process.argv[2];
if (!file) throw new Error("Usage: import-beads-round.ts <file.jsonl>");
const text = readFileSync(file, "utf8");
const database = await createTestDatabase();
const { disconnectDb } = await import("../../lib/db");
const { SYSTEM_ACTOR } = await import("../../lib/domain/permissions");
const { createBoard } = await import("../../lib/server/create-board");
const { importBeads } = await import("../../lib/server/import-beads");

try {
  await createBoard(SYSTEM_ACTOR, { name: "Benchmark import", key: "benchimp", workflow: "software-development" });
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const result = await importBeads(SYSTEM_ACTOR, "benchimp", text);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  const lines = text.split("\n").filter((line) => line.trim() !== "").length;
  process.stdout.write(
    `${JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, lines, created: result.created, updated: result.updated, unchanged: result.unchanged, errors: result.errors.length })}\n`,
  );
} finally {
  await disconnectDb();
  await database.drop();
}
