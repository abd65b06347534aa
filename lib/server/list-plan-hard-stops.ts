import "server-only";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/domain/permissions";
import type { Plan } from "@/lib/domain/plans/types";
import { authorize } from "@/lib/server/authorize";
import { hardStopGateView } from "@/lib/server/plan-hard-stop-view";

/** A plan whose orchestrator stopped at its HARD STOP and waits for a person. */
export type PlanAtHardStop = { planId: string; sessionId: string; title: string; gate: string; boardKey: string | null; waitingSince: string; items: string[] };

const latestDecision = { orderBy: { createdAt: "desc" as const }, take: 1, select: { decision: true, deciderId: true, deciderName: true, role: true, comment: true, createdAt: true } };

async function plansAwaiting(actor: Actor) {
  const rows = await db().plan.findMany({
    where: { status: "awaiting_approval", ...(actor.boardScope ? { boardId: actor.boardScope } : {}) },
    orderBy: { updatedAt: "asc" },
    select: { id: true, sessionId: true, title: true, status: true, updatedAt: true, parsed: true, board: { select: { key: true } }, hardStopDecisions: latestDecision },
  });
  return rows.flatMap((row) => {
    const hardStop = (row.parsed as unknown as Plan).hardStop;
    if (!hardStop) return [];
    const gate = hardStopGateView({ status: row.status, updatedAt: row.updatedAt, awaiting: hardStop.awaiting }, row.hardStopDecisions);
    if (gate.state !== "waiting") return [];
    return [{ planId: row.id, sessionId: row.sessionId, title: row.title, gate: gate.gate, boardKey: row.board?.key ?? null, waitingSince: row.updatedAt.toISOString(), items: hardStop.items }];
  });
}

/** Plans waiting at their HARD STOP, oldest first, for the reviewer inbox. */
export async function listPlansAtHardStop(actor: Actor): Promise<PlanAtHardStop[]> {
  await authorize(actor, "board.read", undefined, { message: "You cannot read plans." });
  return plansAwaiting(actor);
}

/** For the header badge: how many HARD STOPs this person could decide now. */
export async function countPlansAtHardStopForMe(actor: Actor): Promise<number> {
  if (actor.kind !== "user" || !can(actor, "gate.decide")) return 0;
  return (await plansAwaiting(actor)).length;
}
