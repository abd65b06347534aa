import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/permissions";
import { creatablePhases } from "@/lib/domain/workflow/engine";
import type { WorkflowDefinition } from "@/lib/schemas/workflow";
import { authorize } from "@/lib/server/authorize";

export type BoardSummary = {
  id: string;
  key: string;
  name: string;
  workflowKey: string;
  ticketCount: number;
  openCount: number;
  /** `creatable`: a new ticket may start there (no gate lies on the way from the first phase). */
  phases: Array<{ key: string; name: string; count: number; creatable: boolean }>;
};

export async function listBoards(actor: Actor): Promise<BoardSummary[]> {
  await authorize(actor, "board.read", undefined, { message: "You cannot read boards." });
  const boards = await db().board.findMany({
    where: { archivedAt: null, ...(actor.boardScope ? { id: actor.boardScope } : {}) },
    orderBy: { name: "asc" },
    select: {
      id: true,
      key: true,
      name: true,
      workflowKey: true,
      workflow: true,
      phases: { orderBy: { position: "asc" }, select: { key: true, name: true, ticketCount: true } },
    },
  });
  const open = await db().ticket.groupBy({
    by: ["boardId"],
    where: { boardId: { in: boards.map((board) => board.id) }, status: { not: "closed" } },
    _count: { _all: true },
  });
  const openByBoard = new Map(open.map((row) => [row.boardId, row._count._all]));
  return boards.map((board) => {
    const creatable = new Set(creatablePhases(board.workflow as unknown as WorkflowDefinition));
    return {
      id: board.id,
      key: board.key,
      name: board.name,
      workflowKey: board.workflowKey,
      ticketCount: board.phases.reduce((sum, phase) => sum + phase.ticketCount, 0),
      openCount: openByBoard.get(board.id) ?? 0,
      phases: board.phases.map((phase) => ({ key: phase.key, name: phase.name, count: phase.ticketCount, creatable: creatable.has(phase.key) })),
    };
  });
}
