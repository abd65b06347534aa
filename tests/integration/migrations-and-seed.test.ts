import { describe, expect, it } from "vitest";
import { withTestDatabase, testDatabaseKind } from "@/tests/helpers/test-database";
import { DEMO_TICKETS, DEMO_USERS } from "@/prisma/seed/demo-data";

const database = withTestDatabase();

describe(`migrations and the demo seed on ${testDatabaseKind()}`, () => {
  it("applies every migration and reports nothing pending", async () => {
    const { migrationStatus, migrate, readMigrations } = await import("@/lib/migrate");
    const status = await migrationStatus(database.url);
    expect(status.pending).toEqual([]);
    expect(status.applied).toEqual(readMigrations(database.kind).map((m) => m.name));
    // Running again (a second instance starting) applies nothing.
    expect((await migrate(database.url)).newlyApplied).toEqual([]);
  });

  it("seeds the demo board and reads it back through the real client", async () => {
    const { seedDemo } = await import("@/lib/server/seed-demo");
    const { getBoard } = await import("@/lib/server/get-board");
    const result = await seedDemo(new Date("2026-11-20T10:00:00Z"));
    expect(result).toEqual({ seeded: true, tickets: DEMO_TICKETS.length });

    const board = await getBoard({ kind: "user", id: "t", role: "viewer" }, "gb");
    expect(board.phases.map((phase) => phase.key)).toEqual(["backlog", "analyzing", "building", "testing", "review", "deploying", "done"]);
    expect(board.tickets).toHaveLength(DEMO_TICKETS.length);
    const analyzing = board.phases.find((phase) => phase.key === "analyzing")!;
    expect(analyzing).toMatchObject({ wipPolicy: "hard", wipMax: 5 });
    // The maintained column counter equals the real number of tickets in every column.
    for (const phase of board.phases) {
      expect(phase.count, phase.key).toBe(board.tickets.filter((ticket) => ticket.phase === phase.key).length);
    }
    // Each column is ordered by rank, and ranks are unique within it.
    for (const phase of board.phases) {
      const ranks = board.tickets.filter((ticket) => ticket.phase === phase.key).map((ticket) => ticket.rank);
      expect([...ranks].sort()).toEqual(ranks);
      expect(new Set(ranks).size).toBe(ranks.length);
    }
    const epic = board.tickets.find((ticket) => ticket.id === "gb-a3f8.1")!;
    expect(epic.parentId).toBe("gb-a3f8");
    expect(epic.assignee).toEqual({ kind: "agent", name: "claude-worker-1" });
  });

  it("refuses to seed a database that already has data", async () => {
    const { seedDemo } = await import("@/lib/server/seed-demo");
    expect(await seedDemo()).toMatchObject({ seeded: false });
    const { db } = await import("@/lib/db");
    expect(await db().user.count()).toBe(DEMO_USERS.length);
  });

  it("stores demo passwords hashed, never in clear", async () => {
    const { db } = await import("@/lib/db");
    const accounts = await db().account.findMany({ select: { password: true } });
    expect(accounts).toHaveLength(DEMO_USERS.length);
    for (const account of accounts) {
      expect(account.password).toBeTruthy();
      expect(account.password).not.toContain("gateboard");
    }
    const { verifyPassword } = await import("better-auth/crypto");
    expect(await verifyPassword({ hash: accounts[0]!.password!, password: "gateboard" })).toBe(true);
  });

  it("writes a verifiable audit chain, and the database refuses to edit or delete events", async () => {
    const { db } = await import("@/lib/db");
    const { verifyChain } = await import("@/lib/domain/audit/hash-chain");
    const events = await db().auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(events.length).toBeGreaterThan(DEMO_TICKETS.length);
    const result = verifyChain(events.map((event) => ({ ...event, at: event.at.toISOString() })));
    expect(result).toEqual({ ok: true, checked: events.length, firstBadSeq: null });
    // (The SQLite adapter reports the trigger's abort as a constraint error, so the
    // assertion is on the outcome: refused, and the event unchanged.)
    await expect(db().auditEvent.update({ where: { seq: 1 }, data: { reason: "edited" } })).rejects.toThrow();
    await expect(db().auditEvent.delete({ where: { seq: 1 } })).rejects.toThrow();
    await expect(db().auditEvent.deleteMany({})).rejects.toThrow();
    const first = await db().auditEvent.findUniqueOrThrow({ where: { seq: 1 } });
    expect(first.reason).toBeNull();
    expect(first.hash).toBe(events[0]!.hash);
    expect(await db().auditEvent.count()).toBe(events.length);
  });
});
