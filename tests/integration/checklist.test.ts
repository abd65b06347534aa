import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/domain/permissions";
import type { WorkflowDefinition } from "@/lib/schemas/workflow";
import { actors, createBoardWithTickets } from "@/tests/helpers/board-fixture";
import { testDatabaseKind, withTestDatabase } from "@/tests/helpers/test-database";

// Ticking done definitions, and the auto-transitions and checklist gates that ticking the
// last one sets off, through the real database and the ordinary move (WIP, gates).

withTestDatabase();

const PASSING = `<testsuites><testsuite name="unit" tests="1"><testcase classname="a" name="one"/></testsuite></testsuites>`;

/** A board of the default workflow whose frozen definition is then edited (as a custom workflow file would declare it). */
async function boardWith(key: string, counts: Record<string, number>, edit: (workflow: WorkflowDefinition) => WorkflowDefinition) {
  const { db } = await import("@/lib/db");
  const { workflowDefinitionSchema } = await import("@/lib/schemas/workflow");
  const fixture = await createBoardWithTickets(key, counts);
  const { workflow } = await db().board.findUniqueOrThrow({ where: { id: fixture.board.id }, select: { workflow: true } });
  const edited = workflowDefinitionSchema.parse(edit(structuredClone(workflow) as unknown as WorkflowDefinition));
  await db().board.update({ where: { id: fixture.board.id }, data: { workflow: edited as object } });
  return fixture;
}

const autoAdvance = (from: string, to: string) => (workflow: WorkflowDefinition) => ({
  ...workflow,
  phases: workflow.phases.map((phase) => (phase.key === from ? { ...phase, autoAdvance: { to } } : phase)),
});

async function ticket(id: string) {
  const { db } = await import("@/lib/db");
  const row = await db().ticket.findUniqueOrThrow({ where: { id }, select: { version: true, checklist: true, phase: { select: { key: true } } } });
  return { phase: row.phase.key, version: row.version, checklist: row.checklist };
}

/** Ticks items `indexes` one by one as `actor`, each on the version the previous tick returned. */
async function tickAll(id: string, indexes: number[], actor = actors.engineer) {
  const { tickChecklist } = await import("@/lib/server/tick-checklist");
  let version = (await ticket(id)).version;
  let last: Awaited<ReturnType<typeof tickChecklist>> | undefined;
  for (const index of indexes) {
    last = await tickChecklist(actor, id, { index, done: true, version });
    version = last.ticket.version;
  }
  return last!;
}

describe(`checklist on ${testDatabaseKind()}`, () => {
  it("ticks and unticks a done definition of the current phase, versioned and audited", async () => {
    const { tickChecklist } = await import("@/lib/server/tick-checklist");
    const { db } = await import("@/lib/db");
    const { ids } = await createBoardWithTickets("tick", { analyzing: 1 });
    const id = ids.analyzing![0]!;

    const ticked = await tickChecklist(actors.engineer, id, { index: 2, done: true, version: 1 });
    expect(ticked).toMatchObject({ ticket: { id, phase: "analyzing", version: 2 }, changed: true, advance: null });
    expect(ticked.checklist.map((entry) => entry.done)).toEqual([false, false, true, false]);
    expect(ticked.checklist[2]!.item).toBe("Acceptance criteria are testable, each one a checkable statement");
    expect(await ticket(id)).toMatchObject({ version: 2, checklist: [2] });

    // Ticking what is already ticked changes nothing: no write, same version, no event.
    expect(await tickChecklist(actors.engineer, id, { index: 2, done: true, version: 2 })).toMatchObject({ ticket: { version: 2 }, changed: false });
    expect(await tickChecklist(actors.agent, id, { index: 2, done: false, version: 2 })).toMatchObject({ ticket: { version: 3 }, changed: true });
    expect(await ticket(id)).toMatchObject({ version: 3, checklist: [] });

    const events = await db().auditEvent.findMany({ where: { entityId: id, action: { startsWith: "ticket.checklist" } }, orderBy: { seq: "asc" } });
    expect(events).toEqual([
      expect.objectContaining({
        action: "ticket.checklist_ticked",
        actorId: actors.engineer.id,
        before: { checklist: [], version: 1 },
        after: { phase: "analyzing", checklist: [2], version: 2, item: "Acceptance criteria are testable, each one a checkable statement" },
      }),
      expect.objectContaining({ action: "ticket.checklist_unticked", actorId: actors.agent.id, after: expect.objectContaining({ checklist: [], version: 3 }) }),
    ]);
  });

  it("a move out of the column clears its ticks, and the move's event says so", async () => {
    const { tickChecklist } = await import("@/lib/server/tick-checklist");
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { db } = await import("@/lib/db");
    const { ids } = await createBoardWithTickets("tickmv", { analyzing: 1 });
    const id = ids.analyzing![0]!;
    await tickChecklist(actors.engineer, id, { index: 1, done: true, version: 1 });
    await moveTicket(actors.engineer, id, { toPhase: "backlog", version: 2 });
    expect(await ticket(id)).toMatchObject({ phase: "backlog", checklist: [] });
    const moved = await db().auditEvent.findFirstOrThrow({ where: { entityId: id, action: "ticket.moved" } });
    expect(moved.before).toMatchObject({ phase: "analyzing", checklist: [1] });
    expect(moved.after).toMatchObject({ phase: "backlog", checklist: [] });
  });

  it("refuses an index the phase does not have, a viewer, a stale version, and unknown tickets", async () => {
    const { tickChecklist } = await import("@/lib/server/tick-checklist");
    const { ids } = await createBoardWithTickets("bad", { analyzing: 1, done: 1 });
    const id = ids.analyzing![0]!;
    await expect(tickChecklist(actors.engineer, id, { index: 4, done: true, version: 1 })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      message: "Analyzing has 4 done definitions (index 0–3); 4 is not one of them.",
      details: { field: "index" },
    });
    await expect(tickChecklist(actors.engineer, ids.done![0]!, { index: 0, done: true, version: 1 })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(tickChecklist(actors.engineer, id, { index: -1, done: true, version: 1 })).rejects.toMatchObject({ details: { issues: [{ path: "index" }] } });
    await expect(tickChecklist(actors.viewer, id, { index: 0, done: true, version: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(tickChecklist({ ...actors.agent, boardScope: "another-board" }, id, { index: 0, done: true, version: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(tickChecklist(actors.engineer, "bad-nope-1", { index: 0, done: true, version: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(tickChecklist(actors.engineer, id, { index: 0, done: true, version: 7 })).rejects.toMatchObject({ code: "VERSION_CONFLICT", details: { currentVersion: 1 } });
    expect(await ticket(id)).toMatchObject({ version: 1, checklist: [] });
  });

  it("lets exactly one of two ticks on the same version through", async () => {
    const { tickChecklist } = await import("@/lib/server/tick-checklist");
    const { ids } = await createBoardWithTickets("race", { analyzing: 1 });
    const id = ids.analyzing![0]!;
    const results = await Promise.allSettled([
      tickChecklist(actors.engineer, id, { index: 0, done: true, version: 1 }),
      tickChecklist(actors.agent, id, { index: 1, done: true, version: 1 }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "VERSION_CONFLICT" });
    const now = await ticket(id);
    expect(now.version).toBe(2);
    expect(now.checklist as number[]).toHaveLength(1);
  });

  it("moves the ticket on by the phase's auto-transition once the last item is ticked", async () => {
    const { db } = await import("@/lib/db");
    const { ids } = await boardWith("auto", { analyzing: 1 }, autoAdvance("analyzing", "building"));
    const id = ids.analyzing![0]!;
    expect((await tickAll(id, [0, 1, 2])).advance).toBeNull();
    expect((await ticket(id)).phase).toBe("analyzing");

    const last = await tickAll(id, [3]);
    expect(last).toMatchObject({ ticket: { phase: "building", version: 6, status: "in_progress" }, advance: { outcome: "moved", to: "building", via: "auto-transition", gateRequestId: null } });
    // The new phase starts with a fresh list.
    expect(last.checklist.map((entry) => entry.done)).toEqual([false, false, false, false]);
    expect(await ticket(id)).toMatchObject({ phase: "building", checklist: [] });
    const history = await db().phaseTransition.findMany({ where: { ticketId: id } });
    expect(history).toEqual([expect.objectContaining({ fromPhaseKey: "analyzing", toPhaseKey: "building", actorId: actors.engineer.id, reason: expect.stringContaining("Every done definition of Analyzing is ticked") })]);
    const counts = await db().phase.findMany({ where: { key: { in: ["analyzing", "building"] }, board: { key: "auto" } }, select: { key: true, ticketCount: true } });
    expect(Object.fromEntries(counts.map((phase) => [phase.key, phase.ticketCount]))).toEqual({ analyzing: 0, building: 1 });
    const actions = (await db().auditEvent.findMany({ where: { entityId: id }, orderBy: { seq: "asc" } })).map((event) => event.action);
    expect(actions.slice(-2)).toEqual(["ticket.checklist_ticked", "ticket.moved"]);
  });

  it("keeps the ticket, all ticked, when the target column is at its hard limit; a later tick moves it once there is room", async () => {
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { ids } = await boardWith("full", { analyzing: 1, building: 10 }, autoAdvance("analyzing", "building"));
    const id = ids.analyzing![0]!;
    const last = await tickAll(id, [0, 1, 2, 3]);
    expect(last).toMatchObject({
      ticket: { phase: "analyzing", version: 5 },
      changed: true,
      advance: { outcome: "wip_limit_reached", to: "building", message: "Building is at its limit of 10 — finish or move a card out first." },
    });
    expect(await ticket(id)).toMatchObject({ phase: "analyzing", checklist: [0, 1, 2, 3] });

    await moveTicket(actors.engineer, ids.building![0]!, { toPhase: "analyzing", version: 1 });
    const retried = await tickAll(id, [3]);
    expect(retried).toMatchObject({ changed: false, ticket: { phase: "building" }, advance: { outcome: "moved", to: "building" } });
  });

  it("opens a gate request when the auto-transition is gated; the evidence then completes the move", async () => {
    const { attachArtifact } = await import("@/lib/server/attach-artifact");
    const { ids } = await boardWith("gated", { building: 1 }, autoAdvance("building", "testing"));
    const id = ids.building![0]!;
    const last = await tickAll(id, [0, 1, 2, 3]);
    if (last.advance?.outcome !== "gate_pending") throw new Error(`expected the tests gate to hold the move, got ${JSON.stringify(last.advance)}`);
    expect(last.advance.needs.join(" ")).toMatch(/JUnit/i);
    expect(last.ticket.phase).toBe("building");

    const attached = await attachArtifact(actors.agent, id, { kind: "junit", format: "junit", content: PASSING });
    expect(attached.gates).toEqual([{ requestId: last.advance.gateRequestId, advance: "moved" }]);
    expect((await ticket(id)).phase).toBe("testing");
  });

  it("parks a gated auto-transition whose gate is met but whose column is full, and moves it when a card leaves", async () => {
    const { attachArtifact } = await import("@/lib/server/attach-artifact");
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { db } = await import("@/lib/db");
    const { ids } = await boardWith("park", { building: 1, testing: 8 }, autoAdvance("building", "testing"));
    const id = ids.building![0]!;
    await attachArtifact(actors.agent, id, { kind: "junit", format: "junit", content: PASSING });
    const last = await tickAll(id, [0, 1, 2, 3]);
    expect(last.advance).toMatchObject({ outcome: "wip_limit_reached", to: "testing" });
    const request = await db().gateRequest.findFirstOrThrow({ where: { ticketId: id } });
    expect(request).toMatchObject({ status: "approved", waitingForCapacity: true, toPhaseKey: "testing" });

    await moveTicket(actors.engineer, ids.testing![0]!, { toPhase: "review", version: 1 });
    expect((await ticket(id)).phase).toBe("testing");
  });

  it("completes a move held by a checklist gate when the last item is ticked", async () => {
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { db } = await import("@/lib/db");
    const { ids } = await boardWith("gate", { testing: 1 }, (workflow) => ({
      ...workflow,
      transitions: workflow.transitions.map((transition) =>
        transition.from === "testing" ? { ...transition, to: ["review"], gates: [{ kind: "checklist" as const, name: "Testing done" }] } : transition,
      ).concat([{ from: "testing", to: ["building"], gates: [] }]),
    }));
    const id = ids.testing![0]!;
    const pending = await moveTicket(actors.engineer, id, { toPhase: "review", version: 1 });
    if (pending.outcome !== "gate_pending") throw new Error("expected the checklist gate to hold the move");
    expect(pending.needs.join(" ")).toContain("Every acceptance criterion was checked");

    expect((await tickAll(id, [0, 1])).advance).toBeNull();
    const last = await tickAll(id, [2]);
    expect(last).toMatchObject({ ticket: { phase: "review" }, advance: { outcome: "moved", to: "review", via: "gate", gateRequestId: pending.gateRequestId } });
    expect(await db().gateRequest.findUniqueOrThrow({ where: { id: pending.gateRequestId } })).toMatchObject({ status: "completed" });
  });

  it("serves GET and POST /api/v1/tickets/{id}/checklist", async () => {
    const { createApiToken } = await import("@/lib/server/create-api-token");
    const { GET, POST } = await import("@/app/api/v1/tickets/[id]/checklist/route");
    const { ids } = await boardWith("rest", { analyzing: 1 }, autoAdvance("analyzing", "building"));
    const id = ids.analyzing![0]!;
    const token = (await createApiToken(SYSTEM_ACTOR, { name: "rest-worker", role: "agent" })).secret;
    const ctx = { params: Promise.resolve({ id }) };
    const request = (method: string, body?: unknown) =>
      new Request(`http://gateboard.test/api/v1/tickets/${id}/checklist`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

    const read = await GET(request("GET"), ctx);
    expect(await read.json()).toMatchObject({
      ticketId: id,
      boardKey: "rest",
      phase: { key: "analyzing", name: "Analyzing" },
      version: 1,
      items: [{ index: 0, done: false }, { index: 1 }, { index: 2 }, { index: 3 }],
      autoAdvanceTo: { key: "building", name: "Building" },
    });
    const posted = await POST(request("POST", { index: 1, done: true, version: 1 }), ctx);
    expect(posted.status).toBe(200);
    expect(await posted.json()).toMatchObject({ ticket: { version: 2 }, changed: true, advance: null });
    const stale = await POST(request("POST", { index: 0, done: true, version: 1 }), ctx);
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: "VERSION_CONFLICT", details: { currentVersion: 2 } } });
    const invalid = await POST(request("POST", { index: "first", done: "yes", version: 2 }), ctx);
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.details.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(["done", "index"]);
  });
});
