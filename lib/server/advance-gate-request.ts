import "server-only";
import type { Tx } from "@/lib/db";
import { isAppError } from "@/lib/domain/errors";
import { SYSTEM_ACTOR } from "@/lib/domain/permissions";
import { recordAudit } from "@/lib/server/record-audit";
import { moveInTransaction } from "@/lib/server/move-in-transaction";

export type GateAdvance = "moved" | "waiting_for_capacity" | "pending" | "cancelled";

/**
 * Once a gate request's evidence or approvals may be complete, tries the move it guards,
 * as Gateboard itself. Met and room in the column: the ticket moves. Met but the column is
 * full: the request stays approved and waits for capacity, visibly. Not met: nothing.
 */
export async function advanceGateRequest(tx: Tx, requestId: string, because: string): Promise<GateAdvance> {
  const request = await tx.gateRequest.findUnique({
    where: { id: requestId },
    select: { id: true, ticketId: true, boardId: true, toPhaseKey: true, fromPhaseKey: true, status: true, ticket: { select: { phase: { select: { key: true } } } } },
  });
  if (!request || !["pending", "approved"].includes(request.status)) return "cancelled";
  if (request.ticket.phase.key !== request.fromPhaseKey) {
    // The ticket went elsewhere meanwhile: this request no longer guards anything.
    await tx.gateRequest.update({ where: { id: request.id }, data: { status: "cancelled", resolvedAt: new Date(), waitingForCapacity: false } });
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: "gate.cancelled",
      entityType: "gate_request",
      entityId: request.id,
      boardId: request.boardId,
      before: { status: request.status },
      after: { status: "cancelled", ticket: request.ticketId },
      reason: `${request.ticketId} left ${request.fromPhaseKey} (now in ${request.ticket.phase.key}): the request no longer guards a move`,
    });
    return "cancelled";
  }
  try {
    const result = await moveInTransaction(tx, SYSTEM_ACTOR, request.ticketId, { toPhase: request.toPhaseKey, reason: because }, { boardId: request.boardId });
    if (result.outcome !== "moved") return "pending";
    await releaseCapacity(tx, request.boardId, request.fromPhaseKey);
    return "moved";
  } catch (error) {
    if (!isAppError(error) || error.code !== "WIP_LIMIT_REACHED") throw error;
    if (request.status !== "approved") {
      await tx.gateRequest.update({ where: { id: request.id }, data: { status: "approved", waitingForCapacity: true } });
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: "gate.waiting_for_capacity",
        entityType: "gate_request",
        entityId: request.id,
        boardId: request.boardId,
        after: { ticket: request.ticketId, to: request.toPhaseKey },
        reason: error.message,
      });
    }
    return "waiting_for_capacity";
  }
}

/** After a card leaves `phaseKey`, moves in the oldest approved ticket waiting for room there. */
export async function releaseCapacity(tx: Tx, boardId: string, phaseKey: string): Promise<void> {
  const waiting = await tx.gateRequest.findFirst({
    where: { boardId, toPhaseKey: phaseKey, status: "approved", waitingForCapacity: true },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (waiting) await advanceGateRequest(tx, waiting.id, "Room freed in the column; the gate was already approved");
}
