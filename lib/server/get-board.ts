import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { authorize } from "@/lib/server/authorize";
import type { BoardView } from "@/lib/board-view";
import { allowedTargets } from "@/lib/domain/workflow/engine";
import type { WorkflowDefinition } from "@/lib/schemas/workflow";

/**
 * Everything the board screen draws, in one read: columns with their WIP settings and the
 * compact card fields (no descriptions: those load with the ticket detail).
 */
export async function getBoard(actor: Actor, key: string): Promise<BoardView> {
  const board = await db().board.findUnique({
    where: { key },
    select: {
      id: true,
      key: true,
      name: true,
      workflowKey: true,
      workflow: true,
      phases: {
        orderBy: { position: "asc" },
        select: { id: true, key: true, name: true, position: true, wipPolicy: true, wipMin: true, wipMax: true, ticketCount: true },
      },
    },
  });
  if (!board) throw new AppError("NOT_FOUND", `No board "${key}".`);
  // Outside a token's board scope the board "does not exist" (the attempt is still audited).
  const outOfScope = !!actor.boardScope && actor.boardScope !== board.id;
  await authorize(actor, "board.read", board.id, outOfScope ? { notFoundMessage: `No board "${key}".` } : { message: "You cannot read this board." });
  const tickets = await db().ticket.findMany({
    where: { boardId: board.id },
    orderBy: [{ phaseId: "asc" }, { rank: "asc" }],
    select: {
      id: true,
      title: true,
      type: true,
      priority: true,
      status: true,
      phaseId: true,
      rank: true,
      version: true,
      parentId: true,
      labels: true,
      phaseEnteredAt: true,
      assigneeUser: { select: { name: true } },
      assigneeAgent: { select: { name: true } },
    },
  });
  return {
    id: board.id,
    key: board.key,
    name: board.name,
    workflowKey: board.workflowKey,
    asOf: new Date().toISOString(),
    phases: board.phases.map(({ ticketCount, ...phase }) => ({
      ...phase,
      wipPolicy: phase.wipPolicy as BoardView["phases"][number]["wipPolicy"],
      count: ticketCount,
      allowedTargets: allowedTargets(board.workflow as unknown as WorkflowDefinition, phase.key),
    })),
    tickets: tickets.map((ticket) => ({
      id: ticket.id,
      title: ticket.title,
      type: ticket.type,
      priority: ticket.priority,
      status: ticket.status,
      phaseId: ticket.phaseId,
      rank: ticket.rank,
      version: ticket.version,
      parentId: ticket.parentId,
      labels: Array.isArray(ticket.labels) ? (ticket.labels as string[]) : [],
      phaseEnteredAt: ticket.phaseEnteredAt.toISOString(),
      assignee: ticket.assigneeUser
        ? { kind: "user", name: ticket.assigneeUser.name }
        : ticket.assigneeAgent
          ? { kind: "agent", name: ticket.assigneeAgent.name }
          : null,
    })),
  };
}
