import "server-only";
import { z } from "zod";
import { db, writeTransaction } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { moveTicketSchema, type MoveTicketInput } from "@/lib/schemas/move";
import { releaseCapacity } from "@/lib/server/advance-gate-request";
import { authorize } from "@/lib/server/authorize";
import { moveInTransaction, type MoveResult } from "@/lib/server/move-in-transaction";

export type { MoveResult };

/**
 * Moves a ticket to a position in a column (another one, or its own to reorder). One
 * transaction: permission, version, workflow transition, gates, WIP (with the columns
 * locked so racing moves cannot overfill one), rank between the neighbours only, column
 * counters, phase history and the audit event.
 */
export async function moveTicket(actor: Actor, ticketId: string, input: MoveTicketInput): Promise<MoveResult> {
  const parsed = moveTicketSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", "The move is not valid.", { issues: z.treeifyError(parsed.error) });
  const move = parsed.data;
  const notFound = `No ticket ${ticketId}.`;
  const located = await db().ticket.findUnique({ where: { id: ticketId }, select: { boardId: true } });
  if (!located) throw new AppError("NOT_FOUND", notFound);
  const outOfScope = !!actor.boardScope && actor.boardScope !== located.boardId;
  await authorize(actor, "ticket.move", located.boardId, outOfScope ? { notFoundMessage: notFound } : {});
  return writeTransaction(async (tx) => {
    const result = await moveInTransaction(tx, actor, ticketId, move, { boardId: located.boardId, version: move.version });
    // A card left a column: an approved ticket waiting for room there may move in now.
    if (result.outcome === "moved" && result.from !== result.ticket.phase) await releaseCapacity(tx, located.boardId, result.from);
    return result;
  });
}

