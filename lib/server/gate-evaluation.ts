import "server-only";
import type { Tx } from "@/lib/db";
import { evaluateTransitionGates } from "@/lib/domain/gates/evaluate-gate";
import type { GateArtifact, GateDecision, GateEvidence } from "@/lib/domain/gates/gate-evidence";
import type { JunitParseResult } from "@/lib/domain/gates/junit";
import { newId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import { checklistState, findPhase } from "@/lib/domain/workflow/engine";
import type { GateSpec } from "@/lib/schemas/gate";
import type { WorkflowDefinition } from "@/lib/schemas/workflow";
import { recordAudit } from "@/lib/server/record-audit";

type TicketForGate = {
  id: string;
  boardId: string;
  checklist: unknown;
  metadata: unknown;
  assigneeUserId: string | null;
  assigneeAgentId: string | null;
};

/**
 * Evaluates a transition's gates on the evidence attached so far, reusing the ticket's
 * open request for this transition or opening one (audited as `gate.requested`).
 */
export async function evaluateOpenGate(tx: Tx, actor: Actor, ticket: TicketForGate, workflow: WorkflowDefinition, from: string, to: string, gates: GateSpec[]) {
  let request = await tx.gateRequest.findFirst({
    where: { ticketId: ticket.id, fromPhaseKey: from, toPhaseKey: to, status: { in: ["pending", "approved"] } },
    orderBy: { createdAt: "desc" },
    select: { id: true, requestedById: true },
  });
  if (!request) {
    const id = newId();
    await tx.gateRequest.create({
      data: { id, ticketId: ticket.id, boardId: ticket.boardId, fromPhaseKey: from, toPhaseKey: to, gates: gates as object[], requestedByKind: actor.kind, requestedById: actor.id },
    });
    await recordAudit(tx, actor, { action: "gate.requested", entityType: "gate_request", entityId: id, boardId: ticket.boardId, after: { ticket: ticket.id, from, to, gates: gates.map((g) => g.kind) } });
    request = { id, requestedById: actor.id };
  }
  const evidence = await gateEvidence(tx, ticket, workflow, from, request);
  const evaluation = evaluateTransitionGates(gates, evidence);
  return { requestId: request.id, satisfied: evaluation.satisfied, rejected: evaluation.rejected, needs: evaluation.needs, evaluation };
}

/** Everything a gate is judged on, read from the database for one ticket and request. */
export async function gateEvidence(
  tx: Tx,
  ticket: TicketForGate,
  workflow: WorkflowDefinition,
  from: string,
  request: { id: string; requestedById: string },
): Promise<GateEvidence> {
  const [artifacts, decisions] = await Promise.all([
    tx.artifact.findMany({ where: { ticketId: ticket.id }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true, createdAt: true, createdById: true, summary: true } }),
    tx.gateDecision.findMany({ where: { gateRequestId: request.id }, orderBy: { createdAt: "asc" } }),
  ]);
  return {
    artifacts: artifacts.map((artifact): GateArtifact => ({
      id: artifact.id,
      kind: artifact.kind,
      createdAt: artifact.createdAt.toISOString(),
      createdBy: artifact.createdById,
      ...(isJunitResult(artifact.summary) ? { junit: artifact.summary } : {}),
    })),
    baseline: testBaseline(ticket.metadata),
    checklist: checklistState(findPhase(workflow, from), Array.isArray(ticket.checklist) ? (ticket.checklist as number[]) : []),
    decisions: decisions.map((d): GateDecision => ({
      deciderId: d.deciderId,
      deciderKind: d.deciderKind === "agent" ? "agent" : "user",
      role: d.role,
      decision: d.decision === "approve" ? "approve" : "reject",
      ...(d.comment ? { comment: d.comment } : {}),
      at: d.createdAt.toISOString(),
    })),
    assigneeId: ticket.assigneeUserId ?? ticket.assigneeAgentId,
    requestedById: request.requestedById,
  };
}

function isJunitResult(value: unknown): value is JunitParseResult {
  return typeof value === "object" && value !== null && "ok" in value;
}

/** Known pre-existing failures recorded on the ticket (e.g. from a work plan's baseline). */
function testBaseline(metadata: unknown): string[] | null {
  const baseline = (metadata as { testBaseline?: unknown } | null)?.testBaseline;
  return Array.isArray(baseline) ? baseline.filter((entry): entry is string => typeof entry === "string") : null;
}
