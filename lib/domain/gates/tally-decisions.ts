import type { GateSpec } from "@/lib/schemas/gate";
import { canDecide } from "./can-decide";
import type { GateDecision, GateEvidence, GateRejection } from "./gate-evidence";

export interface DecisionTally {
  approvers: string[];
  rejections: GateRejection[];
}

function isLater(candidate: GateDecision, current: GateDecision): boolean {
  const a = Date.parse(candidate.at);
  const b = Date.parse(current.at);
  // Unparseable or equal times fall back to recording order: the later entry wins.
  return Number.isNaN(a) || Number.isNaN(b) ? true : a >= b;
}

/**
 * Counts decisions on a gate request. Decisions from people who may not decide (agents, the
 * assignee, the requester, the wrong role) are dropped first, by the same rule that refuses
 * them at the door. Then each decider's latest decision stands: a reviewer who rejected and
 * later approved is an approval, one who approved and later rejected is a standing reject.
 * Any standing reject rejects the gate; approvals count once per distinct decider.
 */
export function tallyDecisions(
  spec: GateSpec,
  evidence: Pick<GateEvidence, "decisions" | "assigneeId" | "requestedById">,
): DecisionTally {
  const latest = new Map<string, GateDecision>();
  for (const decision of evidence.decisions) {
    const allowed = canDecide({
      decider: { id: decision.deciderId, kind: decision.deciderKind, role: decision.role },
      assigneeId: evidence.assigneeId,
      requestedById: evidence.requestedById,
      spec,
    });
    if (!allowed.ok) continue;
    const current = latest.get(decision.deciderId);
    if (current === undefined || isLater(decision, current)) latest.set(decision.deciderId, decision);
  }
  const approvers: string[] = [];
  const rejections: GateRejection[] = [];
  for (const decision of latest.values()) {
    if (decision.decision === "approve") approvers.push(decision.deciderId);
    else {
      rejections.push({
        deciderId: decision.deciderId,
        role: decision.role,
        at: decision.at,
        ...(decision.comment !== undefined ? { comment: decision.comment } : {}),
      });
    }
  }
  return { approvers, rejections };
}
