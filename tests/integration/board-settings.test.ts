import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR, type Actor } from "@/lib/domain/permissions";
import { actors, createBoardWithTickets } from "@/tests/helpers/board-fixture";
import { testDatabaseKind, withTestDatabase } from "@/tests/helpers/test-database";

// Board creation and column settings through the real database: every door's rules
// (permission, validation, audit in the same transaction) are the use cases', so the REST
// routes are called as functions with tokens to prove they reach the same ones.

withTestDatabase();

const admin: Actor = { kind: "user", id: "admin-1", role: "admin", name: "Ada Admin" };
const reviewer: Actor = { kind: "user", id: "rev-1", role: "reviewer", name: "Rita Reviewer" };
const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const json = (method: string, path: string, token: string, body: unknown) =>
  new Request(`http://gateboard.test${path}`, { method, headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) });

async function audit(action: string, entityId?: string) {
  const { db } = await import("@/lib/db");
  return db().auditEvent.findMany({ where: { action, ...(entityId ? { entityId } : {}) }, orderBy: { seq: "asc" } });
}

async function phaseRow(boardKey: string, phaseKey: string) {
  const { db } = await import("@/lib/db");
  return db().phase.findFirstOrThrow({ where: { key: phaseKey, board: { key: boardKey } } });
}

describe(`board settings on ${testDatabaseKind()}`, () => {
  it("creates a board with the workflow's columns and WIP settings, audited; refuses a taken key and a bad one", async () => {
    const { createBoard } = await import("@/lib/server/create-board");
    const { db } = await import("@/lib/db");
    const created = await createBoard(actors.lead, { name: "Mobile app", key: "Mob", workflow: "software-development" });
    expect(created.key).toBe("mob");
    const phases = await db().phase.findMany({ where: { boardId: created.id }, orderBy: { position: "asc" } });
    expect(phases.map((phase) => [phase.key, phase.wipPolicy, phase.wipMax])).toEqual([
      ["backlog", "none", null],
      ["analyzing", "hard", 5],
      ["building", "hard", 10],
      ["testing", "hard", 8],
      ["review", "none", null],
      ["deploying", "hard", 3],
      ["done", "none", null],
    ]);
    const [event] = await audit("board.created", created.id);
    expect(event).toMatchObject({ actorId: actors.lead.id, boardId: created.id, after: expect.objectContaining({ key: "mob", name: "Mobile app", workflow: "software-development" }) });

    await expect(createBoard(admin, { name: "Again", key: "mob" })).rejects.toMatchObject({ code: "CONFLICT", details: { field: "key" } });
    await expect(createBoard(admin, { name: "Bad", key: "9-lives" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(createBoard(admin, { name: "Nope", key: "nope", workflow: "kanban-deluxe" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringContaining("software-development"),
    });
    expect(await db().board.count({ where: { key: { in: ["nope", "9-lives"] } } })).toBe(0);
  });

  it("lets only leads and admins create boards; a refusal is audited and writes nothing", async () => {
    const { createBoard } = await import("@/lib/server/create-board");
    const { db } = await import("@/lib/db");
    for (const actor of [actors.engineer, actors.viewer, reviewer, actors.agent]) {
      await expect(createBoard(actor, { name: "Side project", key: "side" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db().board.count({ where: { key: "side" } })).toBe(0);
    expect((await audit("access.denied")).filter((event) => event.entityId === "board.manage").map((event) => event.actorId)).toEqual(
      expect.arrayContaining([actors.engineer.id, actors.viewer.id, reviewer.id, actors.agent.id]),
    );
  });

  it("changes a column's WIP policy and limits, auditing only what changed, before and after", async () => {
    const { updatePhase } = await import("@/lib/server/update-phase");
    await createBoardWithTickets("wip", { testing: 2 });
    const before = await phaseRow("wip", "testing");

    const updated = await updatePhase(actors.lead, "wip", "testing", { wipPolicy: "soft", wipMax: 4, wipMin: 1, reason: "Two testers this sprint" });
    expect(updated).toMatchObject({ key: "testing", wipPolicy: "soft", wipMin: 1, wipMax: 4, count: 2, state: "ok", changed: ["wipPolicy", "wipMin", "wipMax"] });
    expect(await phaseRow("wip", "testing")).toMatchObject({ wipPolicy: "soft", wipMin: 1, wipMax: 4 });
    const [event] = await audit("phase.updated", before.id);
    expect(event).toMatchObject({
      actorId: actors.lead.id,
      entityType: "phase",
      boardId: before.boardId,
      before: { wipPolicy: "hard", wipMin: null, wipMax: 8 },
      after: { phase: "testing", wipPolicy: "soft", wipMin: 1, wipMax: 4 },
      reason: "Two testers this sprint",
    });

    // Renaming the column alone touches only the name; sending the same values changes nothing.
    expect((await updatePhase(admin, "wip", "testing", { name: "QA" })).changed).toEqual(["name"]);
    expect((await updatePhase(admin, "wip", "testing", { name: "QA", wipMax: 4 })).changed).toEqual([]);
    expect(await audit("phase.updated", before.id)).toHaveLength(2);

    // Clearing a limit with null.
    expect(await updatePhase(actors.lead, "wip", "testing", { wipPolicy: "none", wipMax: null, wipMin: null })).toMatchObject({ wipPolicy: "none", wipMax: null, wipMin: null });
  });

  it("refuses settings that do not fit together, naming each field, and writes nothing", async () => {
    const { updatePhase } = await import("@/lib/server/update-phase");
    await createBoardWithTickets("val", {});
    const untouched = await phaseRow("val", "building");
    const refusal = (input: Parameters<typeof updatePhase>[3]) => updatePhase(actors.lead, "val", "building", input).then(() => null, (error: unknown) => error);

    expect(await refusal({ wipMin: 12 })).toMatchObject({
      code: "VALIDATION_FAILED",
      details: { issues: [{ path: "wipMin", message: "Min (12) is above max (10)" }] },
    });
    expect(await refusal({ wipMax: null })).toMatchObject({ code: "VALIDATION_FAILED", details: { issues: [{ path: "wipMax", message: "A hard WIP policy needs a max" }] } });
    expect(await refusal({ wipPolicy: "soft", wipMax: 0 })).toMatchObject({ code: "VALIDATION_FAILED", details: { issues: [{ path: "wipMax", message: "Max is at least 1" }] } });
    expect(await refusal({ wipMin: -1 })).toMatchObject({ details: { issues: [{ path: "wipMin" }] } });
    expect(await refusal({ wipMax: 2.5 as number })).toMatchObject({ details: { issues: [{ path: "wipMax", message: "Max must be a whole number" }] } });
    expect(await refusal({ wipPolicy: "strict" as "hard" })).toMatchObject({ details: { issues: [{ path: "wipPolicy" }] } });
    expect(await refusal({ name: "  " })).toMatchObject({ details: { issues: [{ path: "name", message: "Name is required" }] } });
    expect(await refusal({})).toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(updatePhase(actors.lead, "val", "qa", { wipMax: 3 })).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("backlog, analyzing") });
    await expect(updatePhase(actors.lead, "nosuch", "building", { wipMax: 3 })).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await phaseRow("val", "building")).toMatchObject({ wipPolicy: untouched.wipPolicy, wipMin: untouched.wipMin, wipMax: untouched.wipMax });
    expect(await audit("phase.updated", untouched.id)).toHaveLength(0);
  });

  it("allows a limit below the current count: the column shows as over it and refuses more", async () => {
    const { updatePhase } = await import("@/lib/server/update-phase");
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { getBoard } = await import("@/lib/server/get-board");
    const { ids } = await createBoardWithTickets("low", { backlog: 1, analyzing: 4 });
    expect(await updatePhase(actors.lead, "low", "analyzing", { wipMax: 2 })).toMatchObject({ wipPolicy: "hard", wipMax: 2, count: 4, state: "over-limit" });
    const view = await getBoard(actors.viewer, "low");
    expect(view.phases.find((phase) => phase.key === "analyzing")).toMatchObject({ wipMax: 2, count: 4 });
    await expect(moveTicket(actors.engineer, ids.backlog![0]!, { toPhase: "analyzing", version: 1 })).rejects.toMatchObject({
      code: "WIP_LIMIT_REACHED",
      message: "Analyzing holds 4, over its limit of 2 — finish or move a card out first.",
    });
    expect(await updatePhase(actors.lead, "low", "analyzing", { wipMin: 5, wipMax: 6 })).toMatchObject({ count: 4, state: "under-minimum" });
  });

  it("lets only leads and admins change columns; other roles and other boards' tokens are refused", async () => {
    const { updatePhase } = await import("@/lib/server/update-phase");
    const { board } = await createBoardWithTickets("perm", {});
    const other = await createBoardWithTickets("perm2", {});
    for (const actor of [actors.engineer, actors.viewer, reviewer, actors.agent]) {
      await expect(updatePhase(actor, "perm", "testing", { wipMax: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const scopedLead: Actor = { ...actors.lead, kind: "agent", id: "lead-token", boardScope: other.board.id };
    await expect(updatePhase(scopedLead, "perm", "testing", { wipMax: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await updatePhase({ ...scopedLead, boardScope: board.id }, "perm", "testing", { wipMax: 1 })).toMatchObject({ wipMax: 1 });
    expect((await phaseRow("perm", "testing")).wipMax).toBe(1);
    const denied = (await audit("access.denied")).filter((event) => event.boardId === board.id);
    expect(denied.map((event) => event.actorId)).toEqual(expect.arrayContaining([actors.engineer.id, actors.viewer.id, reviewer.id, actors.agent.id]));
  });

  it("moves an approved ticket waiting for room in once its column's limit is raised", async () => {
    const { updatePhase } = await import("@/lib/server/update-phase");
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const { decideGate } = await import("@/lib/server/decide-gate");
    const { db } = await import("@/lib/db");
    const { ids } = await createBoardWithTickets("room", { review: 2, deploying: 3 });
    const waiting: string[] = [];
    for (const id of ids.review!) {
      const pending = await moveTicket(actors.engineer, id, { toPhase: "deploying", version: 1 });
      if (pending.outcome !== "gate_pending") throw new Error("expected the approval gate");
      expect(await decideGate(reviewer, pending.gateRequestId, { decision: "approve" })).toMatchObject({ advance: "waiting_for_capacity" });
      waiting.push(id);
    }
    // Room for one more: the older request moves in, the other keeps waiting.
    expect(await updatePhase(actors.lead, "room", "deploying", { wipMax: 4 })).toMatchObject({ count: 4, state: "at-limit", admitted: [waiting[0]] });
    const phaseOf = async (id: string) => (await db().ticket.findUniqueOrThrow({ where: { id }, select: { phase: { select: { key: true } } } })).phase.key;
    expect(await phaseOf(waiting[0]!)).toBe("deploying");
    expect(await phaseOf(waiting[1]!)).toBe("review");
    // A soft policy never refuses: the last one moves in too.
    expect(await updatePhase(actors.lead, "room", "deploying", { wipPolicy: "soft" })).toMatchObject({ count: 5, state: "over-limit", admitted: [waiting[1]] });
  });

  it("renames a board, audited; the key stays", async () => {
    const { renameBoard } = await import("@/lib/server/rename-board");
    const { board } = await createBoardWithTickets("ren", {});
    expect(await renameBoard(actors.lead, "ren", { name: "Renamed board" })).toEqual({ id: board.id, key: "ren", name: "Renamed board", changed: true });
    expect(await renameBoard(actors.lead, "ren", { name: "Renamed board" })).toMatchObject({ changed: false });
    expect(await audit("board.renamed", board.id)).toEqual([expect.objectContaining({ before: { name: "Board ren" }, after: { name: "Renamed board" } })]);
    await expect(renameBoard(actors.engineer, "ren", { name: "Mine now" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(renameBoard(actors.lead, "ren", { name: "" })).rejects.toMatchObject({ code: "VALIDATION_FAILED", details: { issues: [{ path: "name" }] } });
  });

  it("serves the same use cases over REST: POST /boards, PATCH /boards/{board}/phases/{phase}, PATCH /boards/{board}", async () => {
    const { db } = await import("@/lib/db");
    const { createApiToken } = await import("@/lib/server/create-api-token");
    const { POST: createRoute } = await import("@/app/api/v1/boards/route");
    const { PATCH: renameRoute } = await import("@/app/api/v1/boards/[board]/route");
    const { PATCH: phaseRoute } = await import("@/app/api/v1/boards/[board]/phases/[phase]/route");
    const lead = await createApiToken(SYSTEM_ACTOR, { name: "lead-bot", role: "lead" });
    const agent = await createApiToken(SYSTEM_ACTOR, { name: "worker", role: "agent" });

    const created = await createRoute(json("POST", "/api/v1/boards", lead.secret, { key: "api", name: "API board", workflow: "software-development" }), ctx());
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ key: "api" });
    const again = await createRoute(json("POST", "/api/v1/boards", lead.secret, { key: "api", name: "Twice" }), ctx());
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: "CONFLICT", details: { field: "key" } } });
    const badBody = await createRoute(json("POST", "/api/v1/boards", lead.secret, { key: "x", name: "" }), ctx());
    expect(badBody.status).toBe(400);
    expect((await badBody.json()).error.details.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(["key", "name"]);
    const forbidden = await createRoute(json("POST", "/api/v1/boards", agent.secret, { key: "bot", name: "Bot board" }), ctx());
    expect(forbidden.status).toBe(403);

    const patched = await phaseRoute(json("PATCH", "/api/v1/boards/api/phases/testing", lead.secret, { wipPolicy: "hard", wipMax: 3, wipMin: 1 }), ctx({ board: "api", phase: "testing" }));
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ key: "testing", wipPolicy: "hard", wipMin: 1, wipMax: 3, count: 0, state: "under-minimum" });
    const invalid = await phaseRoute(json("PATCH", "/api/v1/boards/api/phases/testing", lead.secret, { wipMin: 4 }), ctx({ board: "api", phase: "testing" }));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: { code: "VALIDATION_FAILED", details: { issues: [{ path: "wipMin" }] } } });
    const byAgent = await phaseRoute(json("PATCH", "/api/v1/boards/api/phases/testing", agent.secret, { wipMax: 30 }), ctx({ board: "api", phase: "testing" }));
    expect(byAgent.status).toBe(403);

    const renamed = await renameRoute(json("PATCH", "/api/v1/boards/api", lead.secret, { name: "Public API" }), ctx({ board: "api" }));
    expect(await renamed.json()).toMatchObject({ name: "Public API", changed: true });

    const board = await db().board.findUniqueOrThrow({ where: { key: "api" }, select: { id: true, name: true } });
    expect(board.name).toBe("Public API");
    const actions = (await db().auditEvent.findMany({ where: { boardId: board.id }, orderBy: { seq: "asc" } })).map((event) => event.action);
    expect(actions).toEqual(["board.created", "phase.updated", "access.denied", "board.renamed"]);
  });
});
