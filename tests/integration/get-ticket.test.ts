import { describe, expect, it } from "vitest";
import { actors, createBoardWithTickets } from "@/tests/helpers/board-fixture";
import { testDatabaseKind, withTestDatabase } from "@/tests/helpers/test-database";
import type { Actor } from "@/lib/domain/permissions";

withTestDatabase();

const FAILING = `<testsuites><testsuite name="unit" tests="3"><testcase classname="a" name="one"/><testcase classname="a" name="two"><failure message="boom">trace</failure></testcase><testcase classname="a" name="three"><skipped/></testcase></testsuite></testsuites>`;

describe(`getTicket on ${testDatabaseKind()}`, () => {
  it("returns the ticket with dependencies both ways, readiness, history, evidence, gates, done definitions and audit events", async () => {
    const { getTicket } = await import("@/lib/server/get-ticket");
    const { addDependency } = await import("@/lib/server/add-dependency");
    const { updateTicket } = await import("@/lib/server/update-ticket");
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { attachArtifact } = await import("@/lib/server/attach-artifact");
    const { ids } = await createBoardWithTickets("gt", { backlog: 3, building: 1 });
    const [waiting, blocker, free] = ids.backlog as [string, string, string];
    const built = ids.building![0]!;

    await updateTicket(actors.engineer, waiting, { version: 1, description: "# Plan\n\n<script>alert(1)</script> **bold**", acceptanceCriteria: "- [ ] works", files: ["lib/a.ts"] });
    await addDependency(actors.engineer, waiting, { dependsOnId: blocker, type: "blocks" });
    await addDependency(actors.engineer, waiting, { dependsOnId: free, type: "related" });
    await moveTicket(actors.engineer, blocker, { toPhase: "analyzing", version: 1, reason: "starting" });
    const gated = await moveTicket(actors.engineer, built, { toPhase: "testing", version: 1 });
    expect(gated.outcome).toBe("gate_pending");
    await attachArtifact(actors.engineer, built, { kind: "junit", format: "junit", name: "vitest.xml", content: FAILING });

    const detail = await getTicket(actors.viewer, waiting);
    expect(detail).toMatchObject({
      id: waiting,
      title: `Ticket ${waiting}`,
      description: "# Plan\n\n<script>alert(1)</script> **bold**",
      acceptanceCriteria: "- [ ] works",
      files: ["lib/a.ts"],
      version: 2,
      board: { key: "gt" },
      phase: { key: "backlog", name: "Backlog" },
      readiness: { state: "blocked", reasons: [{ kind: "blocked-by", edgeType: "blocks", blockerId: blocker, blockerStatus: "in_progress" }] },
    });
    expect(detail.dependsOn).toEqual([
      { ticketId: blocker, title: `Ticket ${blocker}`, status: "in_progress", type: "blocks", affectsReadiness: true, blocking: true },
      { ticketId: free, title: `Ticket ${free}`, status: "open", type: "related", affectsReadiness: false, blocking: false },
    ]);
    expect(detail.dependents).toEqual([]);
    expect(detail.doneDefinitions).toHaveLength(3);
    expect(detail.doneDefinitions.every((entry) => entry.done === false)).toBe(true);
    expect(detail.audit.items.map((event) => event.action)).toEqual(["dependency.added", "dependency.added", "ticket.updated"]);

    const blockerDetail = await getTicket(actors.engineer, blocker);
    expect(blockerDetail.readiness).toEqual({ state: "ready", reasons: [] });
    expect(blockerDetail.dependents).toEqual([{ ticketId: waiting, title: `Ticket ${waiting}`, status: "open", type: "blocks", affectsReadiness: true, blocking: true }]);
    expect(blockerDetail.history).toEqual([
      expect.objectContaining({ from: { key: "backlog", name: "Backlog" }, to: { key: "analyzing", name: "Analyzing" }, actor: { kind: "user", id: actors.engineer.id, name: null }, reason: "starting", wipOverride: false }),
    ]);

    const builtDetail = await getTicket(actors.agent, built);
    expect(builtDetail.gateRequests).toEqual([
      expect.objectContaining({ from: { key: "building", name: "Building" }, to: { key: "testing", name: "Testing" }, status: "pending", waitingForCapacity: false, decisions: 0 }),
    ]);
    expect(builtDetail.artifacts).toEqual([
      expect.objectContaining({ kind: "junit", format: "junit", name: "vitest.xml", createdBy: { kind: "user", id: actors.engineer.id, name: null }, tests: { tests: 3, passed: 1, failures: 1, errors: 0, skipped: 1 } }),
    ]);
  });

  it("marks cards blocked, ready and waiting for a gate on the board, from three queries", async () => {
    const { getBoard } = await import("@/lib/server/get-board");
    const { addDependency } = await import("@/lib/server/add-dependency");
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { ids } = await createBoardWithTickets("mk", { backlog: 2, building: 1, done: 1 });
    const [waiting, blocker] = ids.backlog as [string, string];
    await addDependency(actors.engineer, waiting, { dependsOnId: blocker, type: "blocks" });
    await moveTicket(actors.engineer, ids.building![0]!, { toPhase: "testing", version: 1 });
    const { db } = await import("@/lib/db");
    await db().ticket.update({ where: { id: ids.done![0]! }, data: { status: "closed" } });
    // What the agent sweep leaves on a crashed agent's ticket.
    await db().ticket.update({ where: { id: blocker }, data: { orphanedAt: new Date() } });

    const board = await getBoard(actors.viewer, "mk");
    const card = (id: string) => board.tickets.find((ticket) => ticket.id === id)!;
    // The compact card: a marker that does not apply is left out altogether.
    const markers = (id: string) => {
      const { blocked, ready, gateWaiting, orphaned } = card(id);
      return Object.fromEntries(Object.entries({ blocked, ready, gateWaiting, orphaned }).filter(([, value]) => value !== undefined));
    };
    expect(markers(waiting)).toEqual({ blocked: true });
    expect(markers(blocker)).toEqual({ ready: true, orphaned: true });
    expect(markers(ids.building![0]!)).toEqual({ ready: true, gateWaiting: { to: "Testing", waitingForCapacity: false } });
    expect(markers(ids.done![0]!)).toEqual({});
    expect(JSON.stringify(card(ids.done![0]!))).not.toMatch(/"(blocked|ready|gateWaiting|orphaned|parentId|assignee)"/);
  });

  it("answers NOT_FOUND for an unknown ticket and for a token scoped to another board", async () => {
    const { getTicket } = await import("@/lib/server/get-ticket");
    const { ids, board } = await createBoardWithTickets("sa", { backlog: 1 });
    const other = await createBoardWithTickets("sb", { backlog: 1 });
    const id = ids.backlog![0]!;
    const scopedHere: Actor = { ...actors.agent, boardScope: board.id };
    const scopedElsewhere: Actor = { ...actors.agent, boardScope: other.board.id };

    await expect(getTicket(actors.engineer, "sa-nope")).rejects.toMatchObject({ code: "NOT_FOUND", message: "No ticket sa-nope." });
    await expect(getTicket(scopedElsewhere, id)).rejects.toMatchObject({ code: "NOT_FOUND", message: `No ticket ${id}.` });
    expect((await getTicket(scopedHere, id)).id).toBe(id);
  });
});
