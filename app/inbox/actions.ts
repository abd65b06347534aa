"use server";

import type { ActionResult } from "@/lib/action-result";
import type { GateDecisionInput } from "@/lib/schemas/gate-decision";
import { decideGate, type GateDecisionResult } from "@/lib/server/decide-gate";
import { listGateRequests, type GateRequestView } from "@/lib/server/list-gate-requests";
import { listPlansAtHardStop, type PlanAtHardStop } from "@/lib/server/list-plan-hard-stops";
import { runAction } from "@/lib/server/run-action";

export async function decideGateAction(requestId: unknown, input: unknown): Promise<ActionResult<GateDecisionResult>> {
  return runAction((actor) => decideGate(actor, String(requestId), input as GateDecisionInput));
}

export type InboxContents = { requests: GateRequestView[]; plans: PlanAtHardStop[] };

export async function loadInboxAction(): Promise<ActionResult<InboxContents>> {
  return runAction(async (actor) => ({ requests: await listGateRequests(actor, { status: "open" }), plans: await listPlansAtHardStop(actor) }));
}
