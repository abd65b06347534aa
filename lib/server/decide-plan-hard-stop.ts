import "server-only";
import { z } from "zod";
import { db, writeTransaction } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import { newId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import type { Plan } from "@/lib/domain/plans/types";
import { gateDecisionSchema } from "@/lib/schemas/gate-decision";
import { authorize, refuse } from "@/lib/server/authorize";
import { hardStopDecisionSelect, hardStopGateView, type HardStopGateView } from "@/lib/server/plan-hard-stop-view";
import { recordAudit } from "@/lib/server/record-audit";

/**
 * A person's one-click decision at a plan's HARD STOP ("User-Approved Commit"). The rule of
 * a hard-stop gate holds here as on tickets: only a person with gate.decide (reviewer,
 * lead, admin), never an agent or automation. Whoever imported the plan only carried the
 * orchestrator's document, so importing does not bar them from deciding.
 */
export async function decidePlanHardStop(actor: Actor, planId: string, input: unknown): Promise<HardStopGateView> {
  const parsed = gateDecisionSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", "The decision is not valid.", { issues: z.treeifyError(parsed.error) });
  const { decision, comment } = parsed.data;
  const notFound = `No plan "${planId}".`;
  const located = await db().plan.findUnique({ where: { id: planId }, select: { boardId: true } });
  if (!located) throw new AppError("NOT_FOUND", notFound);
  // A token scoped to another board must not learn this plan exists; a plan on no board is
  // outside every board's scope.
  const outOfScope = !!actor.boardScope && actor.boardScope !== located.boardId;
  if (outOfScope && !located.boardId) await refuse(actor, "gate.decide", null, new AppError("NOT_FOUND", notFound));
  await authorize(actor, "gate.decide", located.boardId ?? undefined, outOfScope ? { notFoundMessage: notFound } : { message: "Only a reviewer, lead or admin can decide a HARD STOP." });
  if (actor.kind !== "user") {
    await refuse(actor, "gate.decide", located.boardId, new AppError("FORBIDDEN", "A HARD STOP needs a person's decision; agents and automation cannot approve it."));
  }

  return writeTransaction(async (tx) => {
    const plan = await tx.plan.findUniqueOrThrow({
      where: { id: planId },
      select: { id: true, title: true, status: true, updatedAt: true, boardId: true, parsed: true, hardStopDecisions: hardStopDecisionSelect },
    });
    const hardStop = (plan.parsed as unknown as Plan).hardStop;
    if (!hardStop) throw new AppError("CONFLICT", "This plan has no HARD STOP to decide.");
    const current = hardStopGateView({ status: plan.status, updatedAt: plan.updatedAt, awaiting: hardStop.awaiting }, plan.hardStopDecisions);
    if (current.state !== "waiting") throw new AppError("CONFLICT", conflictMessage(current), { state: current.state });

    const now = new Date();
    const row = { id: newId(), planId: plan.id, gate: current.gate, deciderId: actor.id, deciderName: actor.name ?? null, role: actor.role, decision, comment: comment ?? null, createdAt: now };
    await tx.planHardStopDecision.create({ data: row });
    await recordAudit(
      tx,
      actor,
      {
        action: decision === "approve" ? "gate.approved" : "gate.rejected",
        entityType: "plan",
        entityId: plan.id,
        boardId: plan.boardId,
        before: { hardStop: "waiting" },
        after: { hardStop: decision === "approve" ? "approved" : "rejected", gate: current.gate, plan: plan.title },
        reason: comment ?? null,
      },
      now,
    );
    return hardStopGateView({ status: plan.status, updatedAt: plan.updatedAt, awaiting: hardStop.awaiting }, [row, ...plan.hardStopDecisions]);
  });
}

function conflictMessage(view: HardStopGateView): string {
  switch (view.state) {
    case "not_reached":
      return "The plan has not reached its HARD STOP yet; there is nothing to approve.";
    case "approved":
      return `The HARD STOP was already approved by ${view.decisions[0]?.deciderName ?? "someone"}.`;
    case "rejected":
      return `The HARD STOP was rejected by ${view.decisions[0]?.deciderName ?? "someone"}; it opens again when the orchestrator re-imports the revised plan.`;
    default:
      return "The plan reports its work complete; there is nothing left to approve.";
  }
}
