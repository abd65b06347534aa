import "server-only";
import { hardStopState, type HardStopState } from "@/lib/domain/plans/hard-stop-state";

/** A decision at a plan's HARD STOP, as the plan view and the inbox show it. */
export type HardStopDecisionView = { decision: "approve" | "reject"; deciderName: string; role: string; comment: string | null; at: string };

export type HardStopGateView = { gate: string; state: HardStopState; decisions: HardStopDecisionView[] };

/** What `select` must load so a plan row can become a HardStopGateView. */
export const hardStopDecisionSelect = {
  orderBy: { createdAt: "desc" as const },
  select: { decision: true, deciderId: true, deciderName: true, role: true, comment: true, createdAt: true },
};

type DecisionRow = { decision: string; deciderId: string; deciderName: string | null; role: string; comment: string | null; createdAt: Date };

export const DEFAULT_HARD_STOP_GATE = "User-Approved Commit";

export function hardStopGateView(plan: { status: string; updatedAt: Date; awaiting: string | null }, decisions: DecisionRow[]): HardStopGateView {
  const facts = decisions.map((row) => ({ decision: row.decision === "approve" ? ("approve" as const) : ("reject" as const), createdAt: row.createdAt }));
  return {
    gate: plan.awaiting ?? DEFAULT_HARD_STOP_GATE,
    state: hardStopState({ planStatus: plan.status, importedAt: plan.updatedAt, decisions: facts }),
    decisions: decisions.map((row) => ({
      decision: row.decision === "approve" ? "approve" : "reject",
      deciderName: row.deciderName ?? row.deciderId,
      role: row.role,
      comment: row.comment,
      at: row.createdAt.toISOString(),
    })),
  };
}
