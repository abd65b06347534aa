import { describe, expect, it } from "vitest";
import { withTestDatabase, testDatabaseKind } from "@/tests/helpers/test-database";
import { actors, createBoardWithTickets, expectOneAdmitted } from "@/tests/helpers/board-fixture";
import type { AppError } from "@/lib/domain/errors";

withTestDatabase();

const codeOf = (outcome: PromiseSettledResult<unknown>) => (outcome.status === "rejected" ? (outcome.reason as AppError).code : "ok");

describe(`moveTicket on ${testDatabaseKind()}`, () => {
  it("lets exactly one of 16 concurrent moves into a hard-limit column that has one free place", async () => {
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { ids, phases } = await createBoardWithTickets("race", { backlog: 16, analyzing: 4 });
    const outcomes = await Promise.allSettled(ids.backlog!.map((id) => moveTicket(actors.engineer, id, { toPhase: "analyzing", version: 1 })));
    const refused = await expectOneAdmitted(outcomes, phases.find((phase) => phase.key === "analyzing")!.id, 5);
    expect(refused.message).toBe("Analyzing is at its limit of 5 — finish or move a card out first.");
  });

  it("accepts one of two moves made with the same version and refuses the other as a conflict", async () => {
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { ids } = await createBoardWithTickets("ver", { backlog: 2 });
    const id = ids.backlog![0]!;
    const outcomes = await Promise.allSettled([
      moveTicket(actors.engineer, id, { toPhase: "analyzing", version: 1 }),
      moveTicket(actors.engineer, id, { toPhase: "analyzing", version: 1 }),
    ]);
    expect(outcomes.map(codeOf).sort()).toEqual(["VERSION_CONFLICT", "ok"]);
  });

  it("refuses a transition the workflow does not allow, naming where the ticket can go", async () => {
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { ids } = await createBoardWithTickets("skip", { backlog: 1 });
    await expect(moveTicket(actors.lead, ids.backlog![0]!, { toPhase: "done", version: 1 })).rejects.toMatchObject({
      code: "TRANSITION_NOT_ALLOWED",
      message: "Backlog → Done is not allowed. From here a ticket can go to: Analyzing.",
    });
  });

  it("reorders within a column between the named neighbours without touching the others", async () => {
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { db } = await import("@/lib/db");
    const { ids, phases } = await createBoardWithTickets("ord", { backlog: 5 });
    const [a, b, c, d, e] = ids.backlog!;
    const before = await db().ticket.findMany({ where: { id: { in: [a!, b!, c!, d!] } }, select: { id: true, rank: true } });
    await moveTicket(actors.engineer, e!, { toPhase: "backlog", afterId: a!, beforeId: b!, version: 1 });
    await moveTicket(actors.engineer, a!, { toPhase: "backlog", afterId: d!, version: 1 });
    const order = await db().ticket.findMany({ where: { phaseId: phases[0]!.id }, orderBy: { rank: "asc" }, select: { id: true } });
    expect(order.map((t) => t.id)).toEqual([e, b, c, d, a]);
    const after = await db().ticket.findMany({ where: { id: { in: [b!, c!, d!] } }, select: { id: true, rank: true } });
    for (const row of after) expect(row.rank).toBe(before.find((r) => r.id === row.id)!.rank);
  });

  it("puts a card at the top of a column and the database orders it first", async () => {
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { db } = await import("@/lib/db");
    const { ids, phases } = await createBoardWithTickets("top", { backlog: 3 });
    const [a, b, c] = ids.backlog!;
    // The new rank sorts before "a0" only in byte order (e.g. "Zz"): the column's collation must agree.
    await moveTicket(actors.engineer, c!, { toPhase: "backlog", beforeId: a!, version: 1 });
    const order = await db().ticket.findMany({ where: { phaseId: phases[0]!.id }, orderBy: { rank: "asc" }, select: { id: true } });
    expect(order.map((t) => t.id)).toEqual([c, a, b]);
    await moveTicket(actors.engineer, b!, { toPhase: "backlog", beforeId: c!, version: 1 });
    const next = await db().ticket.findMany({ where: { phaseId: phases[0]!.id }, orderBy: { rank: "asc" }, select: { id: true } });
    expect(next.map((t) => t.id)).toEqual([b, c, a]);
  });

  it("refuses neighbours from another column", async () => {
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { ids } = await createBoardWithTickets("nb", { backlog: 2, analyzing: 1 });
    await expect(moveTicket(actors.engineer, ids.backlog![0]!, { toPhase: "analyzing", afterId: ids.backlog![1]!, version: 1 })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      message: `afterId ${ids.backlog![1]} is not in Analyzing.`,
    });
  });

  it("lets a lead override a full hard limit only with a reason, and records it", async () => {
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { db } = await import("@/lib/db");
    const { ids } = await createBoardWithTickets("ovr", { backlog: 2, analyzing: 5 });
    await expect(moveTicket(actors.engineer, ids.backlog![0]!, { toPhase: "analyzing", version: 1, overrideWip: true, reason: "hotfix" })).rejects.toMatchObject({
      code: "WIP_LIMIT_REACHED",
      message: expect.stringContaining("Only a lead or an admin can override"),
    });
    await expect(moveTicket(actors.lead, ids.backlog![0]!, { toPhase: "analyzing", version: 1, overrideWip: true })).rejects.toMatchObject({ code: "WIP_LIMIT_REACHED" });
    const result = await moveTicket(actors.lead, ids.backlog![0]!, { toPhase: "analyzing", version: 1, overrideWip: true, reason: "Production outage fix" });
    expect(result).toMatchObject({ outcome: "moved", wipFlag: "hard-limit-overridden" });
    const override = await db().auditEvent.findFirst({ where: { action: "wip.override" }, orderBy: { seq: "desc" } });
    expect(override).toMatchObject({ actorId: actors.lead.id, reason: "Production outage fix" });
  });

  it("refuses a viewer", async () => {
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { ids } = await createBoardWithTickets("vw", { backlog: 1 });
    await expect(moveTicket(actors.viewer, ids.backlog![0]!, { toPhase: "analyzing", version: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps a ticket behind an unmet tests gate, reusing one gate request, and moves it once a passing report is attached", async () => {
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { db } = await import("@/lib/db");
    const { parseJunitXml } = await import("@/lib/domain/gates/junit");
    const { ids } = await createBoardWithTickets("gate", { building: 1 });
    const id = ids.building![0]!;
    const first = await moveTicket(actors.agent, id, { toPhase: "testing", version: 1 });
    expect(first).toMatchObject({ outcome: "gate_pending", ticket: { phase: "building", version: 1 } });
    const second = await moveTicket(actors.agent, id, { toPhase: "testing", version: 1 });
    expect(second.outcome === "gate_pending" && first.outcome === "gate_pending" && second.gateRequestId === first.gateRequestId).toBe(true);
    expect(await db().gateRequest.count({ where: { ticketId: id } })).toBe(1);

    const xml = `<testsuites><testsuite name="s" tests="2"><testcase classname="a" name="one"/><testcase classname="a" name="two"/></testsuite></testsuites>`;
    await db().artifact.create({
      data: { id: "art-1", ticketId: id, kind: "junit", format: "junit", content: xml, summary: parseJunitXml(xml) as object, createdByKind: "agent", createdById: actors.agent.id },
    });
    const moved = await moveTicket(actors.agent, id, { toPhase: "testing", version: 1 });
    expect(moved).toMatchObject({ outcome: "moved", ticket: { phase: "testing", version: 2 } });
    expect((await db().gateRequest.findFirstOrThrow({ where: { ticketId: id } })).status).toBe("completed");
    const history = await db().phaseTransition.findMany({ where: { ticketId: id } });
    expect(history).toMatchObject([{ fromPhaseKey: "building", toPhaseKey: "testing", gateRequestId: expect.any(String) }]);
  });

  it("writes exactly one audit event per move and keeps the chain valid", async () => {
    const { db } = await import("@/lib/db");
    const { verifyAuditChain } = await import("@/lib/server/verify-audit-chain");
    const moves = await db().auditEvent.count({ where: { action: { in: ["ticket.moved", "ticket.reordered"] } } });
    const versions = await db().ticket.aggregate({ _sum: { version: true }, _count: true });
    // Every ticket starts at version 1 and each move bumps it once.
    expect(moves).toBe((versions._sum.version ?? 0) - versions._count);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });
});
