import "server-only";
import { db, writeTransaction, type Tx } from "@/lib/db";
import { AppError, isAppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { applyChecklistTick, autoAdvanceTarget, checklistState, findPhase } from "@/lib/domain/workflow/engine";
import { tickChecklistSchema, type TickChecklistInput } from "@/lib/schemas/checklist";
import type { WorkflowDefinition } from "@/lib/schemas/workflow";
import { parseOrThrow } from "@/lib/schemas/validation-issues";
import { advanceGateRequest, releaseCapacity } from "@/lib/server/advance-gate-request";
import { authorize } from "@/lib/server/authorize";
import { moveInTransaction } from "@/lib/server/move-in-transaction";
import { recordAudit } from "@/lib/server/record-audit";

/** What ticking the last done definition led to, if anything. */
export type ChecklistAdvance =
  /** The ticket moved on: by the phase's auto-transition, or because an open checklist gate is now met. */
  | { outcome: "moved"; to: string; toName: string; via: "auto-transition" | "gate"; gateRequestId: string | null }
  /** The auto-transition is gated and the gate is not met yet: a gate request is open. */
  | { outcome: "gate_pending"; to: string; toName: string; gateRequestId: string; needs: string[] }
  /**
   * The auto-transition's target column is at its hard limit: the ticket stays, all ticked.
   * A gated auto-transition waits for room (its gate request is approved); an ungated one is
   * tried again by the next tick or moved by hand.
   */
  | { outcome: "wip_limit_reached"; to: string; toName: string; message: string };

export type ChecklistTickResult = {
  ticket: { id: string; phase: string; phaseName: string; version: number; status: string };
  /** The done definitions of the phase the ticket is in now (a move starts a fresh list). */
  checklist: Array<{ item: string; done: boolean }>;
  /** False when the item already was in the requested state (nothing written, version kept). */
  changed: boolean;
  advance: ChecklistAdvance | null;
};

/**
 * Ticks or unticks one done definition of the ticket's current phase, on the version the
 * client saw. When that completes the list, open checklist gates of the phase are
 * re-evaluated and the phase's auto-transition (if the workflow declares one) is tried —
 * both through the ordinary move, so transitions, gates and WIP limits still apply. A move
 * the WIP limit refuses leaves the ticket where it is, its list complete; the tick stands.
 */
export async function tickChecklist(actor: Actor, ticketId: string, input: TickChecklistInput): Promise<ChecklistTickResult> {
  const { index, done, version } = parseOrThrow(tickChecklistSchema, input, "The checklist change is not valid.");
  const notFound = `No ticket ${ticketId}.`;
  const located = await db().ticket.findUnique({ where: { id: ticketId }, select: { boardId: true } });
  if (!located) throw new AppError("NOT_FOUND", notFound);
  const outOfScope = !!actor.boardScope && actor.boardScope !== located.boardId;
  // Ticking edits the ticket; every role that may edit may also move, so the auto-transition
  // below runs as the same actor (the phase history shows whose tick moved it).
  await authorize(actor, "ticket.edit", located.boardId, outOfScope ? { notFoundMessage: notFound } : {});

  return writeTransaction(async (tx) => {
    const ticket = await tx.ticket.findUnique({
      where: { id: ticketId },
      select: { boardId: true, version: true, checklist: true, phase: { select: { key: true } }, board: { select: { workflow: true } } },
    });
    if (!ticket || ticket.boardId !== located.boardId) throw new AppError("NOT_FOUND", notFound);
    if (ticket.version !== version) {
      throw new AppError("VERSION_CONFLICT", `${ticketId} was changed by someone else (now version ${ticket.version}, you had ${version}). Reload and try again.`, {
        currentVersion: ticket.version,
      });
    }
    const workflow = ticket.board.workflow as unknown as WorkflowDefinition;
    const from = ticket.phase.key;
    const phase = findPhase(workflow, from);
    if (!phase) throw new AppError("CONFLICT", `${ticketId} is in "${from}", which the board's workflow does not define.`);
    const tick = applyChecklistTick(phase, ticked(ticket.checklist), index, done);
    if (!tick.ok) throw new AppError("VALIDATION_FAILED", tick.message, { field: "index" });

    if (tick.changed) {
      // The version in the WHERE makes the check and the write one statement (see updateTicket).
      const written = await tx.ticket.updateMany({ where: { id: ticketId, version }, data: { checklist: tick.ticked, version: { increment: 1 } } });
      if (written.count !== 1) throw new AppError("VERSION_CONFLICT", `${ticketId} was changed by someone else while you ticked it. Reload and try again.`, { currentVersion: null });
      await recordAudit(tx, actor, {
        action: done ? "ticket.checklist_ticked" : "ticket.checklist_unticked",
        entityType: "ticket",
        entityId: ticketId,
        boardId: ticket.boardId,
        before: { checklist: ticked(ticket.checklist), version },
        after: { phase: from, checklist: tick.ticked, version: version + 1, item: phase.doneDefinitions[index] },
      });
    }

    const complete = tick.ticked.length === phase.doneDefinitions.length;
    const advance = done && complete ? await advanceCompleted(tx, actor, ticketId, ticket.boardId, workflow, from, tick.ticked) : null;
    return { ...(await currentState(tx, ticketId, workflow)), changed: tick.changed, advance };
  });
}

async function advanceCompleted(tx: Tx, actor: Actor, ticketId: string, boardId: string, workflow: WorkflowDefinition, from: string, list: number[]): Promise<ChecklistAdvance | null> {
  // Column names as this board shows them (a lead may have renamed one since the workflow file).
  const names = new Map((await tx.phase.findMany({ where: { boardId }, select: { key: true, name: true } })).map((phase) => [phase.key, phase.name]));
  const nameOf = (key: string) => names.get(key) ?? key;
  const because = `Every done definition of ${nameOf(from)} is ticked`;

  // A move already asked for and held by a checklist gate goes first: its evidence just arrived.
  const open = await tx.gateRequest.findMany({
    where: { ticketId, fromPhaseKey: from, status: "pending" },
    orderBy: { createdAt: "asc" },
    select: { id: true, toPhaseKey: true, gates: true },
  });
  for (const request of open.filter((candidate) => hasChecklistGate(candidate.gates))) {
    if ((await advanceGateRequest(tx, request.id, because)) === "moved") {
      return { outcome: "moved", to: request.toPhaseKey, toName: nameOf(request.toPhaseKey), via: "gate", gateRequestId: request.id };
    }
  }

  const to = autoAdvanceTarget(workflow, from, list);
  if (!to) return null;
  try {
    const result = await moveInTransaction(tx, actor, ticketId, { toPhase: to, reason: `${because}: the workflow moves it on` }, { boardId });
    if (result.outcome === "gate_pending") return { outcome: "gate_pending", to, toName: nameOf(to), gateRequestId: result.gateRequestId, needs: result.needs };
    await releaseCapacity(tx, boardId, from);
    return { outcome: "moved", to, toName: nameOf(to), via: "auto-transition", gateRequestId: null };
  } catch (error) {
    if (!isAppError(error) || error.code !== "WIP_LIMIT_REACHED") throw error;
    // A gated auto-transition only reaches the WIP check once its gate is met: park that
    // request as approved and waiting for room, so the ticket moves in when a card leaves.
    const met = await tx.gateRequest.findFirst({ where: { ticketId, fromPhaseKey: from, toPhaseKey: to, status: "pending" }, select: { id: true } });
    if (met) await advanceGateRequest(tx, met.id, because);
    return { outcome: "wip_limit_reached", to, toName: nameOf(to), message: error.message };
  }
}

async function currentState(tx: Tx, ticketId: string, workflow: WorkflowDefinition): Promise<Omit<ChecklistTickResult, "changed" | "advance">> {
  const now = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { version: true, status: true, checklist: true, phase: { select: { key: true, name: true } } } });
  return {
    ticket: { id: ticketId, phase: now.phase.key, phaseName: now.phase.name, version: now.version, status: now.status },
    checklist: checklistState(findPhase(workflow, now.phase.key), ticked(now.checklist)),
  };
}

function ticked(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((entry): entry is number => typeof entry === "number") : [];
}

function hasChecklistGate(gates: unknown): boolean {
  return Array.isArray(gates) && gates.some((gate) => typeof gate === "object" && gate !== null && (gate as { kind?: unknown }).kind === "checklist");
}
