import "server-only";
import { z } from "zod";
import { db, Prisma } from "@/lib/db";
import { buildAuditWhere } from "@/lib/domain/audit/audit-filter";
import type { AuditActorKind, AuditPage, AuditRow } from "@/lib/domain/audit/audit-row";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { auditListQuerySchema, type AuditListQuery } from "@/lib/schemas/audit";
import { authorize } from "@/lib/server/authorize";

/**
 * One page of the audit trail, newest first, filtered. Keyset pagination on `seq` (no
 * OFFSET, no COUNT) so page 200 costs what page 1 does; names of actors and boards come
 * from one extra query per page.
 */
export async function listAuditEvents(actor: Actor | null, query: AuditListQuery): Promise<AuditPage> {
  const parsed = auditListQuerySchema.safeParse(query);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", "The audit filter is not valid.", { issues: z.treeifyError(parsed.error) });
  const { board, after, limit, ...filter } = parsed.data;

  let boardId: string | undefined;
  if (board) {
    const found = await db().board.findUnique({ where: { key: board.toLowerCase() }, select: { id: true } });
    if (!found) throw new AppError("NOT_FOUND", `No board "${board}".`);
    boardId = found.id;
  }
  // A board-scoped token reads only its board's events (buildAuditWhere adds the scope).
  const reader = await authorize(actor, "audit.read", boardId);
  const where = buildAuditWhere({ ...filter, boardId, before: after }, reader.boardScope);
  if (!where) return { items: [], nextCursor: null };

  // One row more than asked tells whether another page exists without a COUNT.
  const events = await db().auditEvent.findMany({
    where,
    orderBy: { seq: "desc" },
    take: limit + 1,
    select: {
      seq: true, at: true, actorKind: true, actorId: true, actorRole: true, action: true, entityType: true,
      entityId: true, boardId: true, before: true, after: true, reason: true, requestId: true,
    },
  });
  const page = events.slice(0, limit);
  const names = await resolveNames(page);
  const items: AuditRow[] = page.map((event) => ({
    seq: event.seq,
    at: event.at.toISOString(),
    actor: {
      kind: event.actorKind as AuditActorKind,
      id: event.actorId,
      role: event.actorRole,
      name: event.actorKind === "system" ? "Gateboard" : (names.get(`${event.actorKind}:${event.actorId}`) ?? null),
    },
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    boardKey: event.boardId ? (names.get(`board:${event.boardId}`) ?? null) : null,
    before: event.before ?? null,
    after: event.after ?? null,
    reason: event.reason,
    requestId: event.requestId,
  }));
  return { items, nextCursor: events.length > limit ? (page[page.length - 1]?.seq ?? null) : null };
}

type NameRow = { kind: string; id: string; name: string };

/** Users, agents and board keys of a page in one round trip: `kind:id` → name. */
async function resolveNames(events: { actorKind: string; actorId: string; boardId: string | null }[]): Promise<Map<string, string>> {
  const users = new Set<string>();
  const agents = new Set<string>();
  const boards = new Set<string>();
  for (const event of events) {
    if (event.actorKind === "user") users.add(event.actorId);
    if (event.actorKind === "agent") agents.add(event.actorId);
    if (event.boardId) boards.add(event.boardId);
  }
  const parts: Prisma.Sql[] = [];
  if (users.size) parts.push(Prisma.sql`SELECT 'user' AS kind, id, name FROM "user" WHERE id IN (${Prisma.join([...users])})`);
  if (agents.size) parts.push(Prisma.sql`SELECT 'agent' AS kind, id, name FROM "Agent" WHERE id IN (${Prisma.join([...agents])})`);
  if (boards.size) parts.push(Prisma.sql`SELECT 'board' AS kind, id, key AS name FROM "Board" WHERE id IN (${Prisma.join([...boards])})`);
  if (parts.length === 0) return new Map();
  const rows = await db().$queryRaw<NameRow[]>(Prisma.join(parts, " UNION ALL ", "", ""));
  return new Map(rows.map((row) => [`${row.kind}:${row.id}`, row.name]));
}
