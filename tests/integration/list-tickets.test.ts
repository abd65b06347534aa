import { beforeAll, describe, expect, it } from "vitest";
import type { TicketList, TicketListQuery } from "@/lib/schemas/ticket-list";
import { actors, createBoardWithTickets } from "@/tests/helpers/board-fixture";
import { testDatabaseKind, withTestDatabase } from "@/tests/helpers/test-database";

// The board's ticket list: board order, keyset pages, every filter, and the REST doors
// GET/POST /api/v1/boards/{board}/tickets with real tokens.

withTestDatabase();

const BOARD = "lt";
let ids: Record<string, string[]> = {};
let agentToken = "";
let viewerToken = "";
let otherBoardToken = "";

beforeAll(async () => {
  const { db } = await import("@/lib/db");
  const { SYSTEM_ACTOR } = await import("@/lib/domain/permissions");
  const { createApiToken } = await import("@/lib/server/create-api-token");
  const { resetRateLimit } = await import("@/lib/server/api/rate-limit");
  resetRateLimit(1000);
  // Created out of board order on purpose: done first, backlog last.
  ({ ids } = await createBoardWithTickets(BOARD, { done: 1, building: 2, backlog: 3 }));
  await createBoardWithTickets("other", { backlog: 1 });

  await db().user.create({ data: { id: "user-ana", email: "ana@example.test", name: "Ana Engineer", role: "engineer" } });
  await db().agent.create({ data: { id: "agent-w1", name: "worker-one", kind: "worker", capabilities: [] } });
  await db().ticket.update({ where: { id: ids.backlog![0]! }, data: { assigneeUserId: "user-ana", title: "Fix 100% CPU when the ümlaut importer loops" } });
  await db().ticket.update({ where: { id: ids.building![1]! }, data: { assigneeAgentId: "agent-w1", status: "in_progress", title: "Refund LIMIT check" } });
  await db().ticket.update({ where: { id: ids.done![0]! }, data: { status: "closed" } });

  agentToken = (await createApiToken(SYSTEM_ACTOR, { name: "list-agent", role: "agent" })).secret;
  viewerToken = (await createApiToken(SYSTEM_ACTOR, { name: "list-viewer", role: "viewer" })).secret;
  otherBoardToken = (await createApiToken(SYSTEM_ACTOR, { name: "other-board", role: "agent", board: "other" })).secret;
});

async function list(query: TicketListQuery = {}): Promise<TicketList> {
  const { listTickets } = await import("@/lib/server/list-tickets");
  return listTickets(actors.viewer, BOARD, query);
}

const idsOf = (page: TicketList) => page.items.map((item) => item.id);

describe(`listTickets on ${testDatabaseKind()}`, () => {
  it("lists every ticket in board order: phase left to right, then position in the column", async () => {
    const page = await list();
    expect(idsOf(page)).toEqual([...ids.backlog!, ...ids.building!, ...ids.done!]);
    expect(page.nextCursor).toBeNull();
    expect(page.board).toBe(BOARD);
    expect(page.items[3]).toMatchObject({ id: ids.building![0], phase: "building", status: "open", version: 1, assignee: null, labels: [] });
    expect(page.items[4]!.assignee).toEqual({ kind: "agent", id: "agent-w1", name: "worker-one" });
  });

  it("pages with a cursor without repeating or skipping a ticket, also when one moves between pages", async () => {
    const { moveTicket } = await import("@/lib/server/move-ticket");
    const first = await list({ limit: 2 });
    expect(idsOf(first)).toEqual(ids.backlog!.slice(0, 2));
    expect(first.nextCursor).toEqual(expect.any(String));
    // A ticket of the first page moves to the bottom of its column: it must show up again
    // later (it is now after the cursor), and nothing that stayed put is skipped.
    await moveTicket(actors.lead, ids.backlog![0]!, { toPhase: "backlog", version: 1 });
    const seen = [...idsOf(first)];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await list({ limit: 2, cursor });
      seen.push(...idsOf(page));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([ids.backlog![0], ids.backlog![1], ids.backlog![2], ids.backlog![0], ...ids.building!, ...ids.done!]);
  });

  it("filters by phase and by status", async () => {
    expect(idsOf(await list({ phase: "building" }))).toEqual(ids.building);
    expect(idsOf(await list({ status: "closed" }))).toEqual(ids.done);
    expect(idsOf(await list({ phase: "building", status: "in_progress" }))).toEqual([ids.building![1]]);
  });

  it("filters by assignee: a person by email or id, an agent by name or id, or nobody", async () => {
    expect(idsOf(await list({ assignee: "ana@example.test" }))).toEqual([ids.backlog![0]]);
    expect(idsOf(await list({ assignee: "ANA@example.test" }))).toEqual([ids.backlog![0]]);
    expect(idsOf(await list({ assignee: "user-ana" }))).toEqual([ids.backlog![0]]);
    expect(idsOf(await list({ assignee: "worker-one" }))).toEqual([ids.building![1]]);
    expect(idsOf(await list({ assignee: "agent-w1" }))).toEqual([ids.building![1]]);
    expect(idsOf(await list({ assignee: "none" }))).toEqual([ids.backlog![1], ids.backlog![2], ids.building![0], ids.done![0]]);
    expect(idsOf(await list({ assignee: "nobody@example.test" }))).toEqual([]);
  });

  it("finds text in the id or the title whatever its case, and takes % and _ literally", async () => {
    expect(idsOf(await list({ q: "refund limit" }))).toEqual([ids.building![1]]);
    expect(idsOf(await list({ q: "LT-BUILDING" }))).toEqual(ids.building);
    expect(idsOf(await list({ q: "100%" }))).toEqual([ids.backlog![0]]);
    expect(idsOf(await list({ q: "%" }))).toEqual([ids.backlog![0]]);
    expect(idsOf(await list({ q: "_" }))).toEqual([]);
    expect(idsOf(await list({ q: "ümlaut IMPORTER" }))).toEqual([ids.backlog![0]]);
    // SQLite's LIKE folds the case of ASCII letters only; PostgreSQL's ILIKE folds all.
    if (testDatabaseKind() === "postgresql") expect(idsOf(await list({ q: "ÜMLAUT" }))).toEqual([ids.backlog![0]]);
  });

  it("refuses an unknown phase by naming the board's phases, and a cursor it did not hand out", async () => {
    await expect(list({ phase: "qa" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      message: 'Board "lt" has no phase "qa". Its phases: backlog, analyzing, building, testing, review, deploying, done.',
    });
    await expect(list({ cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "VALIDATION_FAILED", details: { issues: [{ path: "cursor" }] } });
    await expect(list({ status: "waiting" as "open" })).rejects.toMatchObject({ code: "VALIDATION_FAILED", details: { issues: [{ path: "status" }] } });
  });
});

describe(`GET/POST /api/v1/boards/{board}/tickets on ${testDatabaseKind()}`, () => {
  const context = (board: string) => ({ params: Promise.resolve({ board }) });
  const request = (path: string, token: string, init: RequestInit = {}) =>
    new Request(`http://gateboard.test${path}`, { ...init, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } });

  it("lists with query filters and creates a ticket that the list then shows", async () => {
    const { GET, POST } = await import("@/app/api/v1/boards/[board]/tickets/route");
    const listed = await GET(request("/api/v1/boards/lt/tickets?phase=building&assignee=worker-one&q=", agentToken), context(BOARD));
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as TicketList).items.map((item) => item.id)).toEqual([ids.building![1]]);

    const created = await POST(request("/api/v1/boards/lt/tickets", agentToken, { method: "POST", body: JSON.stringify({ title: "Wire the CLI", phase: "building", files: ["cli/main.ts"] }) }), context(BOARD));
    expect(created.status).toBe(201);
    const ticket = (await created.json()) as { id: string; phase: string; version: number };
    expect(ticket).toMatchObject({ id: expect.stringMatching(/^lt-[0-9a-f]{4,}$/), phase: "building", version: 1 });

    const after = await GET(request("/api/v1/boards/lt/tickets?phase=building", agentToken), context(BOARD));
    expect(((await after.json()) as TicketList).items.map((item) => item.id)).toEqual([...ids.building!, ticket.id]);
  });

  it("answers in the API's error shape: bad filters, a viewer creating, a token of another board", async () => {
    const { GET, POST } = await import("@/app/api/v1/boards/[board]/tickets/route");
    const badLimit = await GET(request("/api/v1/boards/lt/tickets?limit=0", agentToken), context(BOARD));
    expect(badLimit.status).toBe(400);
    expect(await badLimit.json()).toMatchObject({ error: { code: "VALIDATION_FAILED", details: { issues: [{ path: "limit" }] } } });

    const byViewer = await POST(request("/api/v1/boards/lt/tickets", viewerToken, { method: "POST", body: JSON.stringify({ title: "Not mine to add" }) }), context(BOARD));
    expect(byViewer.status).toBe(403);
    expect(await byViewer.json()).toMatchObject({ error: { code: "FORBIDDEN" } });

    const noTitle = await POST(request("/api/v1/boards/lt/tickets", agentToken, { method: "POST", body: JSON.stringify({ title: " " }) }), context(BOARD));
    expect(noTitle.status).toBe(400);
    expect(await noTitle.json()).toMatchObject({ error: { code: "VALIDATION_FAILED", details: { issues: [{ path: "title", message: "Title is required" }] } } });

    const elsewhere = await GET(request("/api/v1/boards/lt/tickets", otherBoardToken), context(BOARD));
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.json()).toEqual({ error: { code: "NOT_FOUND", message: 'No board "lt".' } });
  });
});
