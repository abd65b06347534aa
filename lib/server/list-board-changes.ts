import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import type { BoardChange } from "@/lib/board-change";
import { authorize } from "@/lib/server/authorize";

/** The board a live stream follows, checked once when the stream opens. */
export async function openBoardFeed(actor: Actor, boardKey: string): Promise<{ boardId: string; latestSeq: number }> {
  const notFound = `No board "${boardKey}".`;
  const board = await db().board.findUnique({ where: { key: boardKey }, select: { id: true } });
  if (!board) throw new AppError("NOT_FOUND", notFound);
  const outOfScope = !!actor.boardScope && actor.boardScope !== board.id;
  await authorize(actor, "board.read", board.id, outOfScope ? { notFoundMessage: notFound } : {});
  const latest = await db().auditEvent.findFirst({ where: { boardId: board.id }, orderBy: { seq: "desc" }, select: { seq: true } });
  return { boardId: board.id, latestSeq: latest?.seq ?? 0 };
}

/** Changes to a board after a sequence number, oldest first (audit events are the change log). */
export async function listBoardChanges(boardId: string, afterSeq: number, limit = 500): Promise<BoardChange[]> {
  const events = await db().auditEvent.findMany({
    where: { boardId, seq: { gt: afterSeq } },
    orderBy: { seq: "asc" },
    take: limit,
    select: { seq: true, at: true, action: true, entityType: true, entityId: true, after: true, actorKind: true, actorId: true },
  });
  return events.map((event) => ({
    seq: event.seq,
    at: event.at.toISOString(),
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    after: event.after ?? null,
    actor: { kind: event.actorKind, id: event.actorId },
  }));
}
