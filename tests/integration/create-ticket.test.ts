import { describe, expect, it } from "vitest";
import { withTestDatabase, testDatabaseKind } from "@/tests/helpers/test-database";
import { actors, createBoardWithTickets, expectOneAdmitted } from "@/tests/helpers/board-fixture";

withTestDatabase();

// A ticket created straight into a column enters it as surely as a moved one: the column's
// WIP policy must hold for both, or ten agents creating "in progress" work bypass the limit.
describe(`createTicket into a WIP-limited column on ${testDatabaseKind()}`, () => {
  it("lets exactly one of 16 concurrent creations into a hard-limit column that has one free place", async () => {
    const { createTicket } = await import("@/lib/server/create-ticket");
    const { db } = await import("@/lib/db");
    // The default workflow's Analyzing column has a hard limit of 5.
    const { phases } = await createBoardWithTickets("cwip", { analyzing: 4 });
    const outcomes = await Promise.allSettled(Array.from({ length: 16 }, (_, i) => createTicket(actors.agent, "cwip", { title: `Racing ${i}`, phase: "analyzing" })));
    const refused = await expectOneAdmitted(outcomes, phases.find((phase) => phase.key === "analyzing")!.id, 5);
    expect(refused).toMatchObject({
      message: "Analyzing is at its limit of 5 — finish or move a card out first.",
      details: { phase: "analyzing", limit: 5, count: 5, field: "phase" },
    });
    // Refused creations leave nothing behind: no ticket, no event.
    expect(await db().auditEvent.count({ where: { action: "ticket.created", entityId: { startsWith: "cwip-" }, actorId: actors.agent.id } })).toBe(1);
  });

  it("lets a lead create over a hard limit only with a reason, recorded as wip.override", async () => {
    const { createTicket } = await import("@/lib/server/create-ticket");
    const { db } = await import("@/lib/db");
    await createBoardWithTickets("covr", { analyzing: 5 });
    await expect(createTicket(actors.engineer, "covr", { title: "Hotfix", phase: "analyzing", overrideWip: true, reason: "outage" })).rejects.toMatchObject({
      code: "WIP_LIMIT_REACHED",
      message: expect.stringContaining("Only a lead or an admin can override"),
    });
    await expect(createTicket(actors.lead, "covr", { title: "Hotfix", phase: "analyzing", overrideWip: true })).rejects.toMatchObject({
      code: "WIP_LIMIT_REACHED",
      message: expect.stringContaining("An override needs a reason."),
    });
    const created = await createTicket(actors.lead, "covr", { title: "Hotfix", phase: "analyzing", overrideWip: true, reason: "Production outage" });
    expect(created).toMatchObject({ phase: "analyzing", wipFlag: "hard-limit-overridden" });
    const events = await db().auditEvent.findMany({ where: { OR: [{ entityId: created.id }, { action: "wip.override" }] }, orderBy: { seq: "asc" } });
    expect(events.map((event) => [event.action, event.reason])).toEqual([
      ["ticket.created", "Production outage"],
      ["wip.override", "Production outage"],
    ]);
  });

  it("lets a ticket over a soft limit in and flags it, and ignores limits in an unlimited column", async () => {
    const { createTicket } = await import("@/lib/server/create-ticket");
    const { updatePhase } = await import("@/lib/server/update-phase");
    await createBoardWithTickets("csoft", { analyzing: 2 });
    await updatePhase(actors.lead, "csoft", "analyzing", { wipPolicy: "soft", wipMax: 2 });
    expect(await createTicket(actors.engineer, "csoft", { title: "Over", phase: "analyzing" })).toMatchObject({ wipFlag: "over-soft-limit" });
    expect(await createTicket(actors.engineer, "csoft", { title: "In the backlog" })).toMatchObject({ phase: "backlog", wipFlag: null });
  });
});

describe(`createTicket behind a gate on ${testDatabaseKind()}`, () => {
  it("refuses to start a ticket where only a gated move could bring it, for a lead too, naming where it may start", async () => {
    const { createTicket } = await import("@/lib/server/create-ticket");
    const { db } = await import("@/lib/db");
    await createBoardWithTickets("cgate", {});
    for (const phase of ["testing", "review", "deploying", "done"]) {
      await expect(createTicket(actors.lead, "cgate", { title: `Skip to ${phase}`, phase, overrideWip: true, reason: "try" })).rejects.toMatchObject({
        code: "TRANSITION_NOT_ALLOWED",
        details: { field: "phase", creatable: ["backlog", "analyzing", "building"] },
      });
    }
    await expect(createTicket(actors.agent, "cgate", { title: "Straight to review", phase: "review" })).rejects.toThrow(
      "A new ticket cannot start in Review: a gate lies on the way there, and creating it would skip it. Start it in Backlog, Analyzing or Building and move it on.",
    );
    expect(await db().ticket.count({ where: { id: { startsWith: "cgate-" } } })).toBe(0);
    expect(await createTicket(actors.agent, "cgate", { title: "Started in Building", phase: "building" })).toMatchObject({ phase: "building" });
  });
});
