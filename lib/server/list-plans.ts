import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/permissions";
import type { Plan } from "@/lib/domain/plans/types";
import { authorize } from "@/lib/server/authorize";

export type PlanListItem = {
  id: string;
  sessionId: string;
  title: string;
  status: string;
  currentPhase: string | null;
  generatedAt: string | null;
  boardKey: string | null;
  taskCount: number;
  doneTaskCount: number;
  warningCount: number;
  updatedAt: string;
};

/** Imported plans, most recently imported first; a board-scoped token sees its board's only. */
export async function listPlans(actor: Actor, options: { limit?: number } = {}): Promise<PlanListItem[]> {
  await authorize(actor, "board.read", undefined, { message: "You cannot read plans." });
  const rows = await db().plan.findMany({
    where: actor.boardScope ? { boardId: actor.boardScope } : {},
    orderBy: { updatedAt: "desc" },
    take: options.limit ?? 200,
    select: { id: true, sessionId: true, title: true, status: true, currentPhase: true, generatedAt: true, parsed: true, warnings: true, updatedAt: true, board: { select: { key: true } } },
  });
  return rows.map((row) => {
    const plan = row.parsed as unknown as Plan;
    const tasks = plan.tasks ?? [];
    return {
      id: row.id,
      sessionId: row.sessionId,
      title: row.title,
      status: row.status,
      currentPhase: row.currentPhase,
      generatedAt: row.generatedAt?.toISOString() ?? null,
      boardKey: row.board?.key ?? null,
      taskCount: tasks.length || (plan.taskDetails?.length ?? 0),
      doneTaskCount: tasks.filter((task) => task.status.status === "done").length,
      warningCount: Array.isArray(row.warnings) ? row.warnings.length : 0,
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}
