// Measures audit chain verification on a throwaway database filled with N chained events.
// Usage: tsx --conditions=react-server scripts/audit-bench.ts [events=100000]
// TEST_DATABASE=postgresql DATABASE_URL_PG=… runs it on PostgreSQL.
import { createTestDatabase } from "../tests/helpers/test-database";

const total = Number(process.argv[2] ?? 100_000);
const database = await createTestDatabase();
const { disconnectDb, writeTransaction } = await import("../lib/db");
const { recordAudit } = await import("../lib/server/record-audit");
const { verifyAuditChain } = await import("../lib/server/verify-audit-chain");
const { SYSTEM_ACTOR } = await import("../lib/domain/permissions");

try {
  const fillStarted = performance.now();
  const batch = 1_000;
  for (let done = 0; done < total; done += batch) {
    await writeTransaction((tx) =>
      recordAudit(
        tx,
        { ...SYSTEM_ACTOR, requestId: `bench-${done}` },
        Array.from({ length: Math.min(batch, total - done) }, (_, i) => ({
          action: "ticket.updated",
          entityType: "ticket",
          entityId: `gb-${(done + i).toString(16).padStart(4, "0")}`,
          boardId: "bench-board",
          before: { title: `Title ${done + i}`, priority: 2, labels: ["payments"] },
          after: { title: `Title ${done + i} (edited)`, priority: 1, labels: ["payments", "urgent"] },
          reason: i % 10 === 0 ? "triage" : null,
        })),
      ),
    );
  }
  console.log(`${database.kind}: wrote ${total} events in ${Math.round(performance.now() - fillStarted)} ms`);
  const runs: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const result = await verifyAuditChain();
    runs.push(performance.now() - started);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
    if (!result.ok || result.checked !== total) throw new Error(`unexpected result ${JSON.stringify(result)}`);
  }
  // CPU time next to wall time: on a shared box the wall clock also counts other processes.
  const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!);
  console.log(
    `${database.kind}: verified ${total} events, wall ${runs.map((ms) => `${Math.round(ms)} ms`).join(", ")}; this process's CPU ${cpu.map((ms) => `${Math.round(ms)} ms`).join(", ")} ` +
      `(5 runs; median wall ${median(runs)} ms, CPU ${median(cpu)} ms)`,
  );
} finally {
  await disconnectDb();
  await database.drop();
}
