import "server-only";
import { db, writeTransaction } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { renameBoardSchema, type RenameBoardInput } from "@/lib/schemas/board";
import { parseOrThrow } from "@/lib/schemas/validation-issues";
import { authorize } from "@/lib/server/authorize";
import { recordAudit } from "@/lib/server/record-audit";

export type RenamedBoard = { id: string; key: string; name: string; changed: boolean };

/** Renames a board (its key, the ticket id prefix, never changes); audited as `board.renamed`. */
export async function renameBoard(actor: Actor, boardKey: string, input: RenameBoardInput): Promise<RenamedBoard> {
  const { name, reason } = parseOrThrow(renameBoardSchema, input, "The board name is not valid.");
  const notFound = `No board "${boardKey}".`;
  const board = await db().board.findUnique({ where: { key: boardKey }, select: { id: true } });
  if (!board) throw new AppError("NOT_FOUND", notFound);
  const outOfScope = !!actor.boardScope && actor.boardScope !== board.id;
  await authorize(actor, "board.manage", board.id, outOfScope ? { notFoundMessage: notFound } : { message: "Only a lead or an admin can rename a board." });

  return writeTransaction(async (tx) => {
    const current = await tx.board.findUniqueOrThrow({ where: { id: board.id }, select: { name: true } });
    if (current.name === name) return { id: board.id, key: boardKey, name, changed: false };
    await tx.board.update({ where: { id: board.id }, data: { name } });
    await recordAudit(tx, actor, {
      action: "board.renamed",
      entityType: "board",
      entityId: board.id,
      boardId: board.id,
      before: { name: current.name },
      after: { name },
      reason: reason || null,
    });
    return { id: board.id, key: boardKey, name, changed: true };
  });
}
