import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { exportPlanMarkdown as renderPlan } from "@/lib/domain/plans/export-plan";
import type { Plan } from "@/lib/domain/plans/types";
import { authorize, refuse } from "@/lib/server/authorize";

/** A stored plan written back in the work-plan format (import → export → import round-trips). */
export async function exportPlanMarkdown(actor: Actor, id: string): Promise<{ filename: string; markdown: string }> {
  await authorize(actor, "board.read", undefined, { message: "You cannot read plans." });
  const notFound = `No plan "${id}".`;
  const row = await db().plan.findFirst({ where: { OR: [{ id }, { sessionId: id }] }, select: { sessionId: true, boardId: true, parsed: true } });
  if (!row) throw new AppError("NOT_FOUND", notFound);
  // As getPlan: a token scoped to another board must not learn this plan exists.
  if (actor.boardScope && !row.boardId) await refuse(actor, "board.read", null, new AppError("NOT_FOUND", notFound));
  await authorize(actor, "board.read", row.boardId ?? undefined, { notFoundMessage: notFound });
  const safeName = row.sessionId.replace(/[^A-Za-z0-9._-]+/g, "-");
  return { filename: `work-plan-${safeName}.md`, markdown: renderPlan(row.parsed as unknown as Plan) };
}
