import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/tests/helpers/test-database";
import { actors, createBoardWithTickets } from "@/tests/helpers/board-fixture";
import type { Actor } from "@/lib/domain/permissions";

let database: TestDatabase;
const reviewer: Actor = { kind: "user", id: "rev-1", role: "reviewer", name: "Rita Reviewer" };
const reviewer2: Actor = { kind: "user", id: "rev-2", role: "reviewer", name: "Ravi Reviewer" };

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  await database.drop();
});

async function phaseOf(id: string) {
  const { db } = await import("@/lib/db");
  return (await db().ticket.findUniqueOrThrow({ where: { id }, select: { phase: { select: { key: true } } } })).phase.key;
}

const PASSING = `<?xml version="1.0"?><testsuites><testsuite name="unit" tests="2"><testcase classname="a" name="one"/><testcase classname="a" name="two"/></testsuite></testsuites>`;
const FAILING = `<testsuites><testsuite name="unit" tests="2"><testcase classname="a" name="one"/><testcase classname="a" name="two"><failure message="boom">trace</failure></testcase></testsuite></testsuites>`;

describe(`gates on ${testDatabaseKind()}`, () => {
  it("holds Review → Deploying for a reviewer's approval; the ticket then moves on by itself", async () => {
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { decideGate } = await import("@/lib/server/decide-gate");
    const { db } = await import("@/lib/db");
    const { ids } = await createBoardWithTickets("apr", { review: 1 });
    const id = ids.review![0]!;
    await db().ticket.update({ where: { id }, data: { assigneeUserId: null } });
    const pending = await moveTicket(actors.engineer, id, { toPhase: "deploying", version: 1 });
    if (pending.outcome !== "gate_pending") throw new Error("expected the approval gate to hold the move");
    expect(pending.needs.join(" ")).toMatch(/approval/i);

    // The engineer's role cannot decide gates at all; the requester cannot approve their own request.
    await expect(decideGate(actors.engineer, pending.gateRequestId, { decision: "approve" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { countGateRequestsForMe } = await import("@/lib/server/list-gate-requests");
    expect(await countGateRequestsForMe(reviewer)).toBe(1);
    expect(await countGateRequestsForMe(actors.engineer)).toBe(0);
    expect(await decideGate(reviewer, pending.gateRequestId, { decision: "approve" })).toMatchObject({ status: "completed", advance: "moved" });
    expect(await countGateRequestsForMe(reviewer)).toBe(0);
    expect(await phaseOf(id)).toBe("deploying");
    const moved = await db().auditEvent.findFirst({ where: { entityId: id, action: "ticket.moved" }, orderBy: { seq: "desc" } });
    expect(moved).toMatchObject({ actorKind: "system", after: expect.objectContaining({ phase: "deploying", gateRequestId: pending.gateRequestId }) });
    expect(await db().auditEvent.count({ where: { action: "access.denied", actorId: actors.engineer.id } })).toBe(1);
  });

  it("cancels, and records, a request whose ticket went elsewhere before it was approved", async () => {
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { decideGate } = await import("@/lib/server/decide-gate");
    const { db } = await import("@/lib/db");
    const { ids } = await createBoardWithTickets("gcan", { review: 1 });
    const id = ids.review![0]!;
    const pending = await moveTicket(actors.engineer, id, { toPhase: "deploying", version: 1 });
    if (pending.outcome !== "gate_pending") throw new Error("expected the approval gate to hold the move");
    await moveTicket(actors.engineer, id, { toPhase: "building", version: 1 });
    expect(await decideGate(reviewer, pending.gateRequestId, { decision: "approve" })).toMatchObject({ status: "cancelled", advance: "cancelled" });
    expect(await phaseOf(id)).toBe("building");
    const cancelled = await db().auditEvent.findFirst({ where: { entityId: pending.gateRequestId, action: "gate.cancelled" } });
    expect(cancelled).toMatchObject({ actorKind: "system", before: { status: "pending" }, after: { status: "cancelled", ticket: id }, reason: expect.stringContaining("left review (now in building)") });
  });

  it("never lets the assignee or the requester approve their own work", async () => {
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { decideGate } = await import("@/lib/server/decide-gate");
    const { db } = await import("@/lib/db");
    await db().user.createMany({ data: [{ id: reviewer.id, email: "r@x", name: "R", role: "reviewer" }] });
    const { ids } = await createBoardWithTickets("self", { review: 2 });
    const [mine, requestedByMe] = ids.review!;
    await db().ticket.update({ where: { id: mine! }, data: { assigneeUserId: reviewer.id } });
    const a = await moveTicket(actors.engineer, mine!, { toPhase: "deploying", version: 1 });
    const b = await moveTicket(reviewer2, requestedByMe!, { toPhase: "deploying", version: 1 });
    if (a.outcome !== "gate_pending" || b.outcome !== "gate_pending") throw new Error("expected gates");
    await expect(decideGate(reviewer, a.gateRequestId, { decision: "approve" })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("assignee") });
    await expect(decideGate(reviewer2, b.gateRequestId, { decision: "approve" })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("requested this gate") });
    await expect(decideGate(actors.agent, b.gateRequestId, { decision: "approve" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await phaseOf(mine!)).toBe("review");
    expect(await phaseOf(requestedByMe!)).toBe("review");
  });

  it("keeps an approved ticket waiting while the target column is full, and moves it when a card leaves", async () => {
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { decideGate } = await import("@/lib/server/decide-gate");
    const { db } = await import("@/lib/db");
    const { ids } = await createBoardWithTickets("cap", { review: 1, deploying: 3 });
    const id = ids.review![0]!;
    const pending = await moveTicket(actors.engineer, id, { toPhase: "deploying", version: 1 });
    if (pending.outcome !== "gate_pending") throw new Error("expected a gate");
    const decided = await decideGate(reviewer, pending.gateRequestId, { decision: "approve" });
    expect(decided).toMatchObject({ status: "approved", advance: "waiting_for_capacity" });
    expect(await phaseOf(id)).toBe("review");
    expect(await db().gateRequest.findUniqueOrThrow({ where: { id: pending.gateRequestId } })).toMatchObject({ waitingForCapacity: true, status: "approved" });

    await moveTicket(actors.engineer, ids.deploying![0]!, { toPhase: "review", version: 1 });
    expect(await phaseOf(id)).toBe("deploying");
    expect((await db().gateRequest.findUniqueOrThrow({ where: { id: pending.gateRequestId } })).status).toBe("completed");
  });

  it("requires a human for the Deploying → Done hard stop, then closes the ticket", async () => {
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { decideGate } = await import("@/lib/server/decide-gate");
    const { db } = await import("@/lib/db");
    const { ids } = await createBoardWithTickets("hard", { deploying: 1 });
    const id = ids.deploying![0]!;
    const pending = await moveTicket(actors.agent, id, { toPhase: "done", version: 1 });
    if (pending.outcome !== "gate_pending") throw new Error("expected the hard stop");
    await expect(decideGate(actors.agent, pending.gateRequestId, { decision: "approve" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await decideGate(reviewer, pending.gateRequestId, { decision: "approve" });
    const ticket = await db().ticket.findUniqueOrThrow({ where: { id }, select: { status: true, closedAt: true, phase: { select: { key: true } } } });
    expect(ticket).toMatchObject({ status: "closed", phase: { key: "done" }, closedAt: expect.any(Date) });
  });

  it("moves a ticket on when a passing JUnit report arrives, not a failing one", async () => {
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { attachArtifact } = await import("@/lib/server/attach-artifact");
    const { ids } = await createBoardWithTickets("tst", { building: 1 });
    const id = ids.building![0]!;
    expect((await moveTicket(actors.agent, id, { toPhase: "testing", version: 1 })).outcome).toBe("gate_pending");
    const failing = await attachArtifact(actors.agent, id, { kind: "junit", format: "junit", content: FAILING });
    expect(failing.gates).toEqual([{ requestId: expect.any(String), advance: "pending" }]);
    expect(await phaseOf(id)).toBe("building");
    const passing = await attachArtifact(actors.agent, id, { kind: "junit", format: "junit", content: PASSING });
    expect(passing.gates).toEqual([{ requestId: expect.any(String), advance: "moved" }]);
    expect(await phaseOf(id)).toBe("testing");
  });

  it("refuses a malformed JUnit report with a clear error and stores nothing", async () => {
    const { attachArtifact } = await import("@/lib/server/attach-artifact");
    const { db } = await import("@/lib/db");
    const { ids } = await createBoardWithTickets("bad", { building: 1 });
    await expect(attachArtifact(actors.agent, ids.building![0]!, { kind: "junit", format: "junit", content: "<testsuite><testcase name='x'>" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringMatching(/JUnit report cannot be read: .*line \d+/),
    });
    expect(await db().artifact.count({ where: { ticketId: ids.building![0]! } })).toBe(0);
  });

  it("needs a comment to reject; a rejection closes the request and the next attempt opens a new one", async () => {
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { decideGate } = await import("@/lib/server/decide-gate");
    const { ids } = await createBoardWithTickets("rej", { review: 1 });
    const id = ids.review![0]!;
    const first = await moveTicket(actors.engineer, id, { toPhase: "deploying", version: 1 });
    if (first.outcome !== "gate_pending") throw new Error("expected a gate");
    await expect(decideGate(reviewer, first.gateRequestId, { decision: "reject" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await decideGate(reviewer, first.gateRequestId, { decision: "reject", comment: "Missing rollback notes" })).toMatchObject({ status: "rejected" });
    const second = await moveTicket(actors.engineer, id, { toPhase: "deploying", version: 1 });
    expect(second.outcome === "gate_pending" && second.gateRequestId !== first.gateRequestId).toBe(true);
  });
});
