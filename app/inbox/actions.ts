"use server";

import type { ActionResult } from "@/lib/action-result";
import type { GateDecisionInput } from "@/lib/schemas/gate-decision";
import { decideGate, type GateDecisionResult } from "@/lib/server/decide-gate";
import { listGateRequests, type GateRequestView } from "@/lib/server/list-gate-requests";
import { runAction } from "@/lib/server/run-action";

export async function decideGateAction(requestId: unknown, input: unknown): Promise<ActionResult<GateDecisionResult>> {
  return runAction((actor) => decideGate(actor, String(requestId), input as GateDecisionInput));
}

export async function loadInboxAction(): Promise<ActionResult<GateRequestView[]>> {
  return runAction((actor) => listGateRequests(actor, { status: "open" }));
}
