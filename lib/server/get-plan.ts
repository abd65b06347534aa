import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import type { ParseIssue, Plan } from "@/lib/domain/plans/types";
import { authorize, refuse } from "@/lib/server/authorize";
import { hardStopDecisionSelect, hardStopGateView, type HardStopGateView } from "@/lib/server/plan-hard-stop-view";

/** Where a plan's task lives on the board right now. */
export type PlanTicketState = { id: string; boardKey: string; phaseKey: string; phaseName: string; status: string };

export type PlanView = {
  id: string;
  sessionId: string;
  title: string;
  status: string;
  currentPhase: string | null;
  generatedAt: string | null;
  board: { key: string; name: string } | null;
  plan: Plan;
  warnings: ParseIssue[];
  importedBy: string | null;
  createdAt: string;
  updatedAt: string;
  /** Task id → its ticket, for tasks that are tickets on the plan's board. */
  tickets: Record<string, PlanTicketState>;
  /** The HARD STOP as a gate people decide on; null when the plan has none. */
  hardStopGate: HardStopGateView | null;
};

/** One plan with the live phase of each task's ticket on the plan's board. */
export async function getPlan(actor: Actor, id: string): Promise<PlanView> {
  await authorize(actor, "board.read", undefined, { message: "You cannot read plans." });
  const notFound = `No plan "${id}".`;
  const row = await db().plan.findFirst({
    where: { OR: [{ id }, { sessionId: id }] },
    select: {
      id: true,
      sessionId: true,
      title: true,
      status: true,
      currentPhase: true,
      generatedAt: true,
      parsed: true,
      warnings: true,
      importedBy: true,
      createdAt: true,
      updatedAt: true,
      boardId: true,
      board: { select: { key: true, name: true } },
      hardStopDecisions: hardStopDecisionSelect,
    },
  });
  if (!row) throw new AppError("NOT_FOUND", notFound);
  // A token scoped to another board must not learn this plan exists; a plan on no board is
  // outside every board's scope.
  if (actor.boardScope && !row.boardId) await refuse(actor, "board.read", null, new AppError("NOT_FOUND", notFound));
  await authorize(actor, "board.read", row.boardId ?? undefined, { notFoundMessage: notFound });

  const plan = row.parsed as unknown as Plan;
  const taskIds = [...new Set([...(plan.tasks ?? []).map((task) => task.id), ...(plan.taskDetails ?? []).map((task) => task.id)])];
  const tickets: Record<string, PlanTicketState> = {};
  if (row.boardId && row.board && taskIds.length > 0) {
    const found = await db().ticket.findMany({
      where: { boardId: row.boardId, id: { in: taskIds } },
      select: { id: true, status: true, phase: { select: { key: true, name: true } } },
    });
    for (const ticket of found) tickets[ticket.id] = { id: ticket.id, boardKey: row.board.key, phaseKey: ticket.phase.key, phaseName: ticket.phase.name, status: ticket.status };
  }
  return {
    id: row.id,
    sessionId: row.sessionId,
    title: row.title,
    status: row.status,
    currentPhase: row.currentPhase,
    generatedAt: row.generatedAt?.toISOString() ?? null,
    board: row.board,
    plan,
    warnings: (row.warnings ?? []) as unknown as ParseIssue[],
    importedBy: row.importedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    tickets,
    hardStopGate: plan.hardStop ? hardStopGateView({ status: row.status, updatedAt: row.updatedAt, awaiting: plan.hardStop.awaiting }, row.hardStopDecisions) : null,
  };
}
