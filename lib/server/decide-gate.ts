import "server-only";
import { z } from "zod";
import { db, writeTransaction } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import { canDecide } from "@/lib/domain/gates/can-decide";
import { newId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import type { GateSpec } from "@/lib/schemas/gate";
import { gateDecisionSchema, type GateDecisionInput } from "@/lib/schemas/gate-decision";
import type { WorkflowDefinition } from "@/lib/schemas/workflow";
import { advanceGateRequest, type GateAdvance } from "@/lib/server/advance-gate-request";
import { authorize, refuse } from "@/lib/server/authorize";
import { gateEvidence } from "@/lib/server/gate-evaluation";
import { recordAudit } from "@/lib/server/record-audit";
import { evaluateTransitionGates } from "@/lib/domain/gates/evaluate-gate";

export type GateDecisionResult = { requestId: string; status: string; advance: GateAdvance | "rejected"; needs: string[] };

/**
 * A reviewer's approve or reject on a gate request. The self-approval rule (never the
 * ticket's assignee nor the requester, never an agent) is checked here and again when the
 * decisions are counted. The last approval moves the ticket on by itself.
 */
export async function decideGate(actor: Actor, requestId: string, input: GateDecisionInput): Promise<GateDecisionResult> {
  const parsed = gateDecisionSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", "The decision is not valid.", { issues: z.treeifyError(parsed.error) });
  const { decision, comment } = parsed.data;
  const notFound = `No gate request ${requestId}.`;
  const located = await db().gateRequest.findUnique({ where: { id: requestId }, select: { boardId: true } });
  if (!located) throw new AppError("NOT_FOUND", notFound);
  const outOfScope = !!actor.boardScope && actor.boardScope !== located.boardId;
  await authorize(actor, "gate.decide", located.boardId, outOfScope ? { notFoundMessage: notFound } : {});

  const outcome = await writeTransaction(async (tx): Promise<GateDecisionResult | { refused: string }> => {
    const request = await tx.gateRequest.findUniqueOrThrow({
      where: { id: requestId },
      select: {
        id: true, boardId: true, status: true, gates: true, fromPhaseKey: true, toPhaseKey: true, requestedById: true,
        ticket: { select: { id: true, boardId: true, checklist: true, metadata: true, assigneeUserId: true, assigneeAgentId: true, board: { select: { workflow: true } } } },
      },
    });
    if (request.status !== "pending" && request.status !== "approved") {
      throw new AppError("CONFLICT", `This gate request is already ${request.status}.`, { status: request.status });
    }
    const gates = request.gates as unknown as GateSpec[];
    const decidable = gates.filter((gate) => gate.kind === "approval" || gate.kind === "hard-stop");
    if (decidable.length === 0) throw new AppError("CONFLICT", "This gate is decided by evidence (tests, artifacts, checklist), not by approval.");
    const assigneeId = request.ticket.assigneeUserId ?? request.ticket.assigneeAgentId;
    const verdicts = decidable.map((spec) => canDecide({ decider: { id: actor.id, kind: actor.kind === "agent" ? "agent" : "user", role: actor.role }, assigneeId, requestedById: request.requestedById, spec }));
    const refusal = verdicts.find((verdict) => !verdict.ok);
    // Refused by the gate's own rule: nothing is written here, and the refusal is recorded
    // after this transaction, in one of its own, like any other.
    if (refusal && !refusal.ok && !verdicts.some((verdict) => verdict.ok)) return { refused: refusal.reason };

    const now = new Date();
    await tx.gateDecision.create({ data: { id: newId(), gateRequestId: request.id, deciderKind: actor.kind, deciderId: actor.id, role: actor.role, decision, comment: comment ?? null, createdAt: now } });
    await recordAudit(tx, actor, {
      action: decision === "approve" ? "gate.approved" : "gate.rejected",
      entityType: "gate_request",
      entityId: request.id,
      boardId: request.boardId,
      after: { ticket: request.ticket.id, from: request.fromPhaseKey, to: request.toPhaseKey, decision },
      reason: comment ?? null,
    }, now);

    const workflow = request.ticket.board.workflow as unknown as WorkflowDefinition;
    const evaluation = evaluateTransitionGates(gates, await gateEvidence(tx, request.ticket, workflow, request.fromPhaseKey, request));
    if (evaluation.rejected) {
      await tx.gateRequest.update({ where: { id: request.id }, data: { status: "rejected", resolvedAt: now, waitingForCapacity: false } });
      return { requestId: request.id, status: "rejected", advance: "rejected", needs: evaluation.needs };
    }
    const advance = evaluation.satisfied ? await advanceGateRequest(tx, request.id, `Gate approved by ${actor.name ?? actor.id}`) : "pending";
    const status = (await tx.gateRequest.findUniqueOrThrow({ where: { id: request.id }, select: { status: true } })).status;
    return { requestId: request.id, status, advance, needs: evaluation.needs };
  });
  if ("refused" in outcome) return refuse(actor, "gate.decide", located.boardId, new AppError("FORBIDDEN", `You cannot decide this gate: ${outcome.refused}.`));
  return outcome;
}
