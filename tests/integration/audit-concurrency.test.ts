import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/tests/helpers/test-database";
import type { WorkerReport } from "@/tests/helpers/audit-worker";

// 2,000 mixed changes from concurrent OS processes (each running two async clients):
// creates, updates, stale updates that must be refused, and transactions forced to throw
// after their audit event was written. The chain must come out linear, gap-free and exact.
// Two processes with four clients each: SQLite waiters poll for the write lock with growing
// sleeps, so more processes (rather than more in-process clients, which queue without
// sleeping) only make the run slower; on PostgreSQL all eight clients run in parallel.
const PROCESSES = 2;
const LOOPS = 4;
const OPS_PER_LOOP = 250;
const HOT_TICKETS = 12;

let database: TestDatabase;
const hot: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const { createBoard } = await import("@/lib/server/create-board");
  const { createTicket } = await import("@/lib/server/create-ticket");
  const { SYSTEM_ACTOR } = await import("@/lib/domain/permissions");
  await createBoard(SYSTEM_ACTOR, { name: "Concurrency", key: "cc" });
  for (let i = 0; i < HOT_TICKETS; i += 1) hot.push((await createTicket(SYSTEM_ACTOR, "cc", { title: `hot ${i}` })).id);
});

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  await database?.drop();
});

function runWorker(id: number): Promise<WorkerReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/helpers/audit-worker.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        SQLITE_BUSY_TIMEOUT_MS: "30000",
        PG_POOL_MAX: "3",
        AUDIT_WORKER_ID: String(id),
        AUDIT_WORKER_LOOPS: String(LOOPS),
        AUDIT_WORKER_OPS: String(OPS_PER_LOOP),
        AUDIT_WORKER_BOARD: "cc",
        AUDIT_WORKER_TICKETS: hot.join(","),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line.startsWith("{")) reject(new Error(`worker ${id} exited ${code}: ${err.slice(-2000)}`));
      else resolve(JSON.parse(line) as WorkerReport);
    });
  });
}

describe(`audit trail under concurrent writers on ${testDatabaseKind()}`, () => {
  it("records exactly one event per committed change and none for rolled-back ones, in one verified chain", { timeout: 180_000 }, async () => {
    const { db } = await import("@/lib/db");
    const { verifyAuditChain } = await import("@/lib/server/verify-audit-chain");
    const started = performance.now();
    const reports = await Promise.all(Array.from({ length: PROCESSES }, (_, i) => runWorker(i + 1)));
    const elapsed = performance.now() - started;

    const all = {
      created: reports.flatMap((r) => r.created),
      committed: reports.flatMap((r) => r.committedMarkers),
      rolledBack: reports.flatMap((r) => r.rolledBackMarkers),
      rolledBackCreates: reports.flatMap((r) => r.rolledBackCreates),
      conflicts: reports.reduce((sum, r) => sum + r.conflicts, 0),
      unexpected: reports.flatMap((r) => r.unexpected),
    };
    expect(all.unexpected).toEqual([]);
    const ops = all.created.length + all.committed.length + all.rolledBack.length;
    expect(ops).toBe(PROCESSES * LOOPS * OPS_PER_LOOP);
    // The mix really contains every kind of change.
    expect(all.conflicts).toBeGreaterThan(50);
    expect(all.rolledBackCreates.length).toBeGreaterThan(10);
    expect(all.committed.length).toBeGreaterThan(500);

    const tickets = await db().ticket.findMany({ select: { id: true, version: true, title: true } });
    const events = await db().auditEvent.findMany({ orderBy: { seq: "asc" }, select: { seq: true, action: true, entityId: true, after: true } });

    // Creates: one ticket.created per ticket, none for a rolled-back create.
    const createdEvents = events.filter((e) => e.action === "ticket.created");
    expect(createdEvents).toHaveLength(tickets.length);
    expect(tickets).toHaveLength(HOT_TICKETS + all.created.length);
    expect(new Set(createdEvents.map((e) => e.entityId))).toEqual(new Set(tickets.map((t) => t.id)));
    const createdIds = new Set(all.created);
    for (const id of all.rolledBackCreates) if (!createdIds.has(id)) expect(tickets.some((t) => t.id === id), id).toBe(false);

    // Updates: each ticket's version counts its ticket.updated events exactly.
    const updates = events.filter((e) => e.action === "ticket.updated");
    const perTicket = new Map<string, number>();
    for (const e of updates) perTicket.set(e.entityId, (perTicket.get(e.entityId) ?? 0) + 1);
    for (const ticket of tickets) expect(perTicket.get(ticket.id) ?? 0, ticket.id).toBe(ticket.version - 1);

    // Every committed update left exactly one event; no rolled-back one left any.
    const markers = updates.map((e) => (e.after as { title?: string }).title);
    expect(markers.sort()).toEqual([...all.committed].sort());
    const rolledBack = new Set(all.rolledBack);
    const titles = events.map((e) => (e.after as { title?: string } | null)?.title);
    expect(titles.filter((m) => m !== undefined && rolledBack.has(m))).toEqual([]);
    expect(tickets.filter((t) => rolledBack.has(t.title))).toEqual([]);

    // One linear chain: 1..n without gaps, and it verifies.
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(await verifyAuditChain()).toEqual({ ok: true, checked: events.length, firstBadSeq: null });

    console.log(
      `[${testDatabaseKind()}] ${ops} changes from ${PROCESSES} processes × ${LOOPS} clients in ${Math.round(elapsed)} ms: ` +
        `${all.created.length} created, ${all.committed.length} updated, ${all.conflicts} version conflicts, ` +
        `${all.rolledBack.length - all.conflicts} forced rollbacks (${all.rolledBackCreates.length} of them creates); ${events.length} events, chain verified`,
    );
  });
});
