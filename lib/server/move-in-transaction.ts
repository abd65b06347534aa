import "server-only";
import { lockPhases, type Tx } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import { newId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import { rankBetween } from "@/lib/domain/rank";
import { allowedTargets, findPhase, isTransitionAllowed, statusOnEnter, transitionGates } from "@/lib/domain/workflow/engine";
import type { MoveTicketInput } from "@/lib/schemas/move";
import type { WorkflowDefinition } from "@/lib/schemas/workflow";
import { admitToColumn, wipOverrideEvent, type ColumnAdmission, type WipFlag } from "@/lib/server/admit-to-column";
import { evaluateOpenGate } from "@/lib/server/gate-evaluation";
import { recordAudit } from "@/lib/server/record-audit";

export type MoveResult =
  | {
      outcome: "moved";
      /** The phase the ticket left (equal to ticket.phase for a reorder). */
      from: string;
      ticket: { id: string; phase: string; rank: string; version: number; status: string };
      /** Set when the move went over a soft limit or a lead overrode a hard one. */
      wipFlag: WipFlag;
    }
  | {
      /** The transition has an unmet gate: a gate request is open and the ticket stays put. */
      outcome: "gate_pending";
      gateRequestId: string;
      needs: string[];
      ticket: { id: string; phase: string; version: number };
    };

export type MoveRequest = Omit<MoveTicketInput, "version">;

/**
 * The move itself, inside the caller's transaction. `version` is the mover's view of the
 * ticket; gate advancement passes none (the system moves the ticket as it is now).
 * The caller has authorized the actor for the board.
 */
export async function moveInTransaction(
  tx: Tx,
  actor: Actor,
  ticketId: string,
  move: MoveRequest,
  expected: { boardId: string; version?: number },
): Promise<MoveResult> {
  const ticket = await tx.ticket.findUnique({
    where: { id: ticketId },
    select: {
      id: true, boardId: true, phaseId: true, rank: true, version: true, status: true, checklist: true, metadata: true,
      assigneeUserId: true, assigneeAgentId: true,
      board: { select: { workflow: true } },
    },
  });
  if (!ticket || ticket.boardId !== expected.boardId) throw new AppError("NOT_FOUND", `No ticket ${ticketId}.`);
  const seenVersion = expected.version ?? ticket.version;
  if (ticket.version !== seenVersion) {
    throw new AppError("VERSION_CONFLICT", `${ticketId} was changed by someone else (now version ${ticket.version}, you had ${seenVersion}). Reload and try again.`, {
      currentVersion: ticket.version,
    });
  }
  const workflow = ticket.board.workflow as unknown as WorkflowDefinition;
  // The column the ticket is in and the one it goes to, in one read (one row for a reorder).
  const phases = await tx.phase.findMany({
    where: { boardId: ticket.boardId, OR: [{ id: ticket.phaseId }, { key: move.toPhase }] },
    select: { id: true, key: true, name: true },
  });
  const from = phases.find((phase) => phase.id === ticket.phaseId)!.key;
  const target = phases.find((phase) => phase.key === move.toPhase);
  if (!target) throw new AppError("VALIDATION_FAILED", `This board has no phase "${move.toPhase}".`, { field: "toPhase" });
  const changesColumn = target.id !== ticket.phaseId;

  if (changesColumn && !isTransitionAllowed(workflow, from, target.key)) {
    const allowed = allowedTargets(workflow, from).map((key) => findPhase(workflow, key)?.name ?? key);
    throw new AppError("TRANSITION_NOT_ALLOWED", `${findPhase(workflow, from)?.name ?? from} → ${target.name} is not allowed. From here a ticket can go to: ${allowed.join(", ") || "nowhere"}.`, {
      from,
      to: target.key,
      allowed: allowedTargets(workflow, from),
    });
  }

  await lockPhases(tx, changesColumn ? [ticket.phaseId, target.id] : [target.id]);

  let gateRequestId: string | null = null;
  if (changesColumn) {
    const gates = transitionGates(workflow, from, target.key);
    if (gates.length > 0) {
      const gate = await evaluateOpenGate(tx, actor, ticket, workflow, from, target.key, gates);
      if (!gate.satisfied) {
        return { outcome: "gate_pending", gateRequestId: gate.requestId, needs: gate.needs, ticket: { id: ticket.id, phase: from, version: ticket.version } };
      }
      gateRequestId = gate.requestId;
    }
  }

  // The locked column row's counter is the WIP count: the column itself is never counted.
  let admission: ColumnAdmission | null = null;
  if (changesColumn) admission = await admitToColumn(tx, actor, ticket.boardId, target.id, move);
  const wipFlag = admission?.flag ?? null;

  const rank = await rankFor(tx, target.id, ticket.id, move.afterId ?? null, move.beforeId ?? null, target.name);
  const now = new Date();
  const status = changesColumn ? statusOnEnter(workflow, target.key, ticket.status) : ticket.status;
  const version = ticket.version + 1;
  // Done definitions are per phase: ticks made in the column left behind are cleared.
  const clearsChecklist = changesColumn && Array.isArray(ticket.checklist) && ticket.checklist.length > 0;
  // The version in the WHERE makes the write itself the concurrency check: a racing move
  // that read the same version finds 0 rows once the first commits (PostgreSQL re-checks
  // the predicate after waiting on the row lock).
  const written = await tx.ticket.updateMany({
    where: { id: ticket.id, version: seenVersion },
    data: {
      phaseId: target.id,
      rank,
      version,
      status,
      ...(changesColumn ? { phaseEnteredAt: now, checklist: [], closedAt: status === "closed" ? now : null } : {}),
    },
  });
  if (written.count !== 1) {
    throw new AppError("VERSION_CONFLICT", `${ticketId} was changed by someone else while you moved it. Reload and try again.`, { currentVersion: null });
  }
  if (changesColumn) {
    await tx.phase.update({ where: { id: ticket.phaseId }, data: { ticketCount: { decrement: 1 } } });
    await tx.phase.update({ where: { id: target.id }, data: { ticketCount: { increment: 1 } } });
    await tx.phaseTransition.create({
      data: {
        id: newId(), ticketId: ticket.id, fromPhaseKey: from, toPhaseKey: target.key, actorKind: actor.kind, actorId: actor.id,
        reason: move.reason ?? null, gateRequestId, wipOverride: wipFlag === "hard-limit-overridden", at: now,
      },
    });
    if (gateRequestId) await tx.gateRequest.update({ where: { id: gateRequestId }, data: { status: "completed", resolvedAt: now, waitingForCapacity: false } });
  }
  await recordAudit(tx, actor, [
    {
      action: changesColumn ? "ticket.moved" : "ticket.reordered",
      entityType: "ticket",
      entityId: ticket.id,
      boardId: ticket.boardId,
      before: { phase: from, rank: ticket.rank, version: ticket.version, ...(status !== ticket.status ? { status: ticket.status } : {}), ...(clearsChecklist ? { checklist: ticket.checklist } : {}) },
      after: { phase: target.key, rank, version, ...(status !== ticket.status ? { status } : {}), ...(clearsChecklist ? { checklist: [] } : {}), ...(gateRequestId ? { gateRequestId } : {}) },
      reason: move.reason ?? null,
    },
    ...(admission ? wipOverrideEvent(admission, ticket.boardId, ticket.id, move.reason) : []),
  ], now);
  return { outcome: "moved", from, ticket: { id: ticket.id, phase: target.key, rank, version, status }, wipFlag };
}

/**
 * Rank from the neighbours named by the client: `afterId` is the card that ends up just
 * above, `beforeId` the one just below. Reads the named neighbours by id, or
 * the nearest one through the (boardId, phaseId, rank) index; with neither, the card goes to the bottom.
 */
async function rankFor(tx: Tx, phaseId: string, ticketId: string, afterId: string | null, beforeId: string | null, phaseName: string): Promise<string> {
  const named = [afterId, beforeId].filter((id): id is string => id !== null);
  // Both neighbours in one read by primary key.
  const rows = named.length === 0 ? [] : await tx.ticket.findMany({ where: { id: { in: named } }, select: { id: true, phaseId: true, rank: true } });
  const neighbour = (id: string, field: "afterId" | "beforeId") => {
    if (id === ticketId) throw new AppError("VALIDATION_FAILED", `${field} cannot be the ticket being moved.`, { field });
    const row = rows.find((candidate) => candidate.id === id);
    if (!row || row.phaseId !== phaseId) throw new AppError("VALIDATION_FAILED", `${field} ${id} is not in ${phaseName}.`, { field });
    return row.rank;
  };
  const above = afterId ? neighbour(afterId, "afterId") : null;
  const below = beforeId ? neighbour(beforeId, "beforeId") : null;
  if (above !== null && below !== null) return rankBetween(above, below);
  const others = { phaseId, id: { not: ticketId } };
  if (above !== null) {
    const next = await tx.ticket.findFirst({ where: { ...others, rank: { gt: above } }, orderBy: { rank: "asc" }, select: { rank: true } });
    return rankBetween(above, next?.rank ?? null);
  }
  if (below !== null) {
    const previous = await tx.ticket.findFirst({ where: { ...others, rank: { lt: below } }, orderBy: { rank: "desc" }, select: { rank: true } });
    return rankBetween(previous?.rank ?? null, below);
  }
  const last = await tx.ticket.findFirst({ where: others, orderBy: { rank: "desc" }, select: { rank: true } });
  return rankBetween(last?.rank ?? null, null);
}
