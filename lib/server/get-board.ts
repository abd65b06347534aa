import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import { can, type Actor } from "@/lib/domain/permissions";
import type { BoardView } from "@/lib/board-view";

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
      phases: {
        orderBy: { position: "asc" },
        select: { id: true, key: true, name: true, position: true, wipPolicy: true, wipMin: true, wipMax: true, ticketCount: true },
      },
    },
  });
  if (!board || (actor.boardScope && actor.boardScope !== board.id)) throw new AppError("NOT_FOUND", `No board "${key}".`);
  if (!can(actor, "board.read", board.id)) throw new AppError("FORBIDDEN", "You cannot read this board.");
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
    phases: board.phases.map((phase) => ({ ...phase, wipPolicy: phase.wipPolicy as BoardView["phases"][number]["wipPolicy"], count: phase.ticketCount })),
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
