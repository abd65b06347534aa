import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/permissions";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/tests/helpers/test-database";

// Tokens end to end through the real database: create → authenticate → revoke → refused,
// board scope, refusals in the audit trail. API routes are called as functions.

let database: TestDatabase;
const people: Record<string, Actor> = {};
let opsBoardId = "";
let gbBoardId = "";

const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const get = (path: string, token?: string, headers: Record<string, string> = {}) =>
  new Request(`http://gateboard.test${path}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });

beforeAll(async () => {
  database = await createTestDatabase();
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo(new Date("2026-11-20T10:00:00Z"));
  const { db } = await import("@/lib/db");
  for (const user of await db().user.findMany({ select: { id: true, email: true, role: true, name: true } })) {
    people[user.email.split("@")[0]!] = { kind: "user", id: user.id, role: user.role as Actor["role"], name: user.name };
  }
  const { createBoard } = await import("@/lib/server/create-board");
  opsBoardId = (await createBoard(people.admin!, { name: "Ops", key: "ops" })).id;
  gbBoardId = (await db().board.findUniqueOrThrow({ where: { key: "gb" } })).id;
});

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  await database.drop();
});

async function auditEvents(action: string) {
  const { db } = await import("@/lib/db");
  return db().auditEvent.findMany({ where: { action }, orderBy: { seq: "asc" } });
}

describe(`API tokens on ${testDatabaseKind()}`, () => {
  it("creates a token, authenticates with it, and refuses it once revoked", async () => {
    const { createApiToken } = await import("@/lib/server/create-api-token");
    const { revokeApiToken } = await import("@/lib/server/revoke-api-token");
    const { actorFromRequest } = await import("@/lib/server/api-actor");
    const { GET: me } = await import("@/app/api/v1/me/route");
    const { db } = await import("@/lib/db");

    const created = await createApiToken(people.lead!, { name: "worker-1", role: "agent", agent: "claude-worker-1" });
    expect(created.secret).toMatch(/^gbt_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.secret.slice(0, 12));

    // Only the hash and the prefix are stored.
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(row)).not.toContain(created.secret);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.createdById).toBe(people.lead!.id);
    const [createdEvent] = (await auditEvents("token.created")).filter((event) => event.entityId === created.id);
    expect(createdEvent).toMatchObject({ actorId: people.lead!.id, actorKind: "user" });
    expect(JSON.stringify(createdEvent)).not.toContain(created.secret);

    const agent = await db().agent.findUniqueOrThrow({ where: { name: "claude-worker-1" } });
    const actor = await actorFromRequest(get("/api/v1/me", created.secret), new Date("2030-01-01T00:00:00Z"));
    expect(actor).toEqual({ kind: "agent", id: agent.id, role: "agent", name: "claude-worker-1", boardScope: null });

    // lastUsedAt moves at most once a minute.
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt?.toISOString()).toBe("2030-01-01T00:00:00.000Z");
    await actorFromRequest(get("/api/v1/me", created.secret), new Date("2030-01-01T00:00:30Z"));
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt?.toISOString()).toBe("2030-01-01T00:00:00.000Z");
    await actorFromRequest(get("/api/v1/me", created.secret), new Date("2030-01-01T00:01:00Z"));
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt?.toISOString()).toBe("2030-01-01T00:01:00.000Z");

    const ok = await me(get("/api/v1/me", created.secret), ctx());
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ kind: "agent", role: "agent", boardScope: null, permissions: expect.arrayContaining(["ticket.claim", "agent.register"]) });

    await revokeApiToken(people.lead!, created.id);
    await revokeApiToken(people.lead!, created.id); // twice: still one event
    expect((await auditEvents("token.revoked")).filter((event) => event.entityId === created.id)).toHaveLength(1);

    const refused = await me(get("/api/v1/me", created.secret), ctx());
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "The API token is invalid or revoked." } });
    await expect(actorFromRequest(get("/", created.secret))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("a token for a person (no agent, a person's role) acts as kind user with its role", async () => {
    const { createApiToken } = await import("@/lib/server/create-api-token");
    const { actorFromRequest } = await import("@/lib/server/api-actor");
    const created = await createApiToken(people.admin!, { name: "release script", role: "lead" });
    expect(await actorFromRequest(get("/", created.secret))).toMatchObject({ kind: "user", id: created.id, role: "lead", name: "release script" });
  });

  it("a board-scoped token reads its board and nothing else", async () => {
    const { createApiToken } = await import("@/lib/server/create-api-token");
    const { GET: listRoute } = await import("@/app/api/v1/boards/route");
    const { GET: boardRoute } = await import("@/app/api/v1/boards/[board]/route");
    const scoped = await createApiToken(people.lead!, { name: "gb only", role: "agent", board: "gb" });

    const list = await listRoute(get("/api/v1/boards", scoped.secret), ctx());
    expect(((await list.json()) as { boards: Array<{ key: string }> }).boards.map((board) => board.key)).toEqual(["gb"]);

    const own = await boardRoute(get("/api/v1/boards/gb", scoped.secret), ctx({ board: "gb" }));
    expect(own.status).toBe(200);
    const board = (await own.json()) as { key: string; phases: Array<{ key: string; wipPolicy: string; wipMax: number | null; count: number }> };
    expect(board.key).toBe("gb");
    expect(board.phases.find((phase) => phase.key === "analyzing")).toMatchObject({ wipPolicy: "hard", wipMax: 5, count: 4 });

    const other = await boardRoute(get("/api/v1/boards/ops", scoped.secret, { "x-request-id": "scope-test-1" }), ctx({ board: "ops" }));
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({ error: { code: "NOT_FOUND", message: 'No board "ops".' } });
    // The attempt is on record, with the request id the client sent.
    const denied = (await auditEvents("access.denied")).find((event) => event.requestId === "scope-test-1");
    expect(denied).toMatchObject({ actorKind: "agent", actorRole: "agent", entityId: "board.read", boardId: opsBoardId });

    // Unscoped, the same board is there.
    const unscoped = await createApiToken(people.lead!, { name: "all boards", role: "viewer" });
    expect((await boardRoute(get("/api/v1/boards/ops", unscoped.secret), ctx({ board: "ops" }))).status).toBe(200);
  });

  it("a scoped token cannot mint tokens beyond its board", async () => {
    const { createApiToken } = await import("@/lib/server/create-api-token");
    const scopedLead: Actor = { kind: "user", id: "t", role: "lead", boardScope: gbBoardId };
    await expect(createApiToken(scopedLead, { name: "x", role: "agent" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createApiToken(scopedLead, { name: "x", role: "agent", board: "ops" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createApiToken(scopedLead, { name: "x", role: "agent", board: "gb" })).resolves.toMatchObject({ boardKey: "gb" });
  });

  it("refuses token management to other roles and stronger tokens to leads, and audits each refusal", async () => {
    const { createApiToken } = await import("@/lib/server/create-api-token");
    const { listApiTokens } = await import("@/lib/server/list-api-tokens");
    const before = (await auditEvents("access.denied")).length;
    await expect(createApiToken(people.viewer!, { name: "x", role: "viewer" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createApiToken(people.engineer!, { name: "x", role: "agent" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listApiTokens(people.reviewer!)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createApiToken(null, { name: "x", role: "agent" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(createApiToken(people.lead!, { name: "root", role: "admin" })).rejects.toMatchObject({ code: "FORBIDDEN", message: "Your role (lead) cannot create a token with role admin." });
    const after = await auditEvents("access.denied");
    expect(after.slice(before).map((event) => [event.actorId, event.entityId])).toEqual([
      [people.viewer!.id, "token.manage"],
      [people.engineer!.id, "token.manage"],
      [people.reviewer!.id, "token.manage"],
    ]);
    // The chain still verifies after refusals written in their own transactions.
    const { verifyChain } = await import("@/lib/domain/audit/hash-chain");
    const { db } = await import("@/lib/db");
    const events = await db().auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(verifyChain(events.map((event) => ({ ...event, at: event.at.toISOString() }))).ok).toBe(true);
  });

  it("validates input and names the field", async () => {
    const { createApiToken } = await import("@/lib/server/create-api-token");
    await expect(createApiToken(people.admin!, { name: " ", role: "agent" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      details: { issues: [{ path: "name", message: "Name is required" }] },
    });
    await expect(createApiToken(people.admin!, { name: "x", role: "agent", board: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND", details: { field: "board" } });
    await expect(createApiToken(people.admin!, { name: "x", role: "agent", agent: "ghost" })).rejects.toMatchObject({ code: "NOT_FOUND", details: { field: "agent" } });
  });

  it("lists tokens without hashes, newest first, revoked last", async () => {
    const { listApiTokens } = await import("@/lib/server/list-api-tokens");
    const tokens = await listApiTokens(people.admin!);
    expect(tokens.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(tokens)).not.toMatch(/tokenHash|[0-9a-f]{64}/);
    const firstRevoked = tokens.findIndex((token) => token.revokedAt);
    expect(tokens.slice(firstRevoked).every((token) => token.revokedAt)).toBe(true);
    expect(tokens.find((token) => token.name === "gb only")).toMatchObject({ boardKey: "gb", role: "agent", createdBy: "Lena Lead" });
  });
});
