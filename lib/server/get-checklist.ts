import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { checklistState, findPhase } from "@/lib/domain/workflow/engine";
import type { WorkflowDefinition } from "@/lib/schemas/workflow";
import { authorize } from "@/lib/server/authorize";

export type TicketChecklist = {
  ticketId: string;
  boardKey: string;
  phase: { key: string; name: string };
  version: number;
  /** The current phase's done definitions, in the workflow's order; `index` is what a tick sends. */
  items: Array<{ index: number; label: string; done: boolean }>;
  /** Where the workflow moves the ticket once every item is ticked, if anywhere. */
  autoAdvanceTo: { key: string; name: string } | null;
};

/** A ticket's checklist: the done definitions of the phase it is in, with its ticks. */
export async function getChecklist(actor: Actor, ticketId: string): Promise<TicketChecklist> {
  const notFound = `No ticket ${ticketId}.`;
  const ticket = await db().ticket.findUnique({
    where: { id: ticketId },
    select: { boardId: true, version: true, checklist: true, phase: { select: { key: true, name: true } }, board: { select: { key: true, workflow: true } } },
  });
  if (!ticket) throw new AppError("NOT_FOUND", notFound);
  const outOfScope = !!actor.boardScope && actor.boardScope !== ticket.boardId;
  await authorize(actor, "board.read", ticket.boardId, outOfScope ? { notFoundMessage: notFound } : {});
  const workflow = ticket.board.workflow as unknown as WorkflowDefinition;
  const phase = findPhase(workflow, ticket.phase.key);
  const ticked = Array.isArray(ticket.checklist) ? ticket.checklist.filter((entry): entry is number => typeof entry === "number") : [];
  const targetKey = phase?.autoAdvance?.to;
  const target = targetKey ? await db().phase.findUnique({ where: { boardId_key: { boardId: ticket.boardId, key: targetKey } }, select: { key: true, name: true } }) : null;
  return {
    ticketId,
    boardKey: ticket.board.key,
    phase: { key: ticket.phase.key, name: ticket.phase.name },
    version: ticket.version,
    items: checklistState(phase, ticked).map((entry, index) => ({ index, label: entry.item, done: entry.done })),
    autoAdvanceTo: target ? { key: target.key, name: target.name } : null,
  };
}
