import "server-only";
import { db } from "@/lib/db";
import { canDecide } from "@/lib/domain/gates/can-decide";
import { evaluateTransitionGates } from "@/lib/domain/gates/evaluate-gate";
import type { TransitionGatesEvaluation } from "@/lib/domain/gates/gate-evidence";
import type { Actor } from "@/lib/domain/permissions";
import { findPhase } from "@/lib/domain/workflow/engine";
import type { GateSpec } from "@/lib/schemas/gate";
import type { WorkflowDefinition } from "@/lib/schemas/workflow";
import { authorize } from "@/lib/server/authorize";
import { gateEvidence } from "@/lib/server/gate-evaluation";

export type GateRequestView = {
  id: string;
  status: string;
  waitingForCapacity: boolean;
  createdAt: string;
  requestedBy: { kind: string; id: string };
  board: { key: string; name: string };
  ticket: { id: string; title: string; phase: string; assignee: string | null };
  from: { key: string; name: string };
  to: { key: string; name: string };
  gates: GateSpec[];
  evaluation: TransitionGatesEvaluation;
  artifacts: Array<{ id: string; kind: string; format: string; name: string | null; preview: string; url: string | null; createdAt: string; createdBy: string }>;
  decisions: Array<{ deciderId: string; role: string; decision: string; comment: string | null; at: string }>;
  /** Whether the caller may approve or reject, and if not, why (shown instead of the buttons). */
  canDecide: { ok: boolean; reason?: string };
};

/**
 * Open gate requests across the boards the caller can read, oldest first, each with the
 * evidence a reviewer needs to decide on the same screen.
 */
export async function listGateRequests(actor: Actor, filter: { status?: "pending" | "open"; boardKey?: string; ticketId?: string; limit?: number } = {}): Promise<GateRequestView[]> {
  await authorize(actor, "board.read", actor.boardScope ?? undefined);
  const statuses = filter.status === "pending" ? ["pending"] : ["pending", "approved"];
  const requests = await db().gateRequest.findMany({
    where: {
      status: { in: statuses },
      ...(actor.boardScope ? { boardId: actor.boardScope } : {}),
      ...(filter.boardKey ? { board: { key: filter.boardKey } } : {}),
      ...(filter.ticketId ? { ticketId: filter.ticketId } : {}),
    },
    orderBy: { createdAt: "asc" },
    take: Math.min(filter.limit ?? 100, 200),
    select: {
      id: true, status: true, waitingForCapacity: true, createdAt: true, requestedByKind: true, requestedById: true, gates: true, fromPhaseKey: true, toPhaseKey: true,
      board: { select: { key: true, name: true, workflow: true } },
      ticket: {
        select: {
          id: true, boardId: true, title: true, checklist: true, metadata: true, assigneeUserId: true, assigneeAgentId: true,
          phase: { select: { name: true } },
          assigneeUser: { select: { name: true } },
          assigneeAgent: { select: { name: true } },
          artifacts: { orderBy: { createdAt: "desc" }, take: 10, select: { id: true, kind: true, format: true, name: true, content: true, url: true, createdAt: true, createdById: true } },
        },
      },
      decisions: { orderBy: { createdAt: "asc" }, select: { deciderId: true, role: true, decision: true, comment: true, createdAt: true } },
    },
  });
  return Promise.all(
    requests.map(async (request) => {
      const workflow = request.board.workflow as unknown as WorkflowDefinition;
      const gates = request.gates as unknown as GateSpec[];
      const evidence = await gateEvidence(db(), request.ticket, workflow, request.fromPhaseKey, request);
      const decidable = gates.filter((gate) => gate.kind === "approval" || gate.kind === "hard-stop");
      const verdicts = decidable.map((spec) =>
        canDecide({ decider: { id: actor.id, kind: actor.kind === "agent" ? "agent" : "user", role: actor.role }, assigneeId: evidence.assigneeId, requestedById: request.requestedById, spec }),
      );
      const allowed = verdicts.find((verdict) => verdict.ok);
      const refused = verdicts.find((verdict) => !verdict.ok);
      return {
        id: request.id,
        status: request.status,
        waitingForCapacity: request.waitingForCapacity,
        createdAt: request.createdAt.toISOString(),
        requestedBy: { kind: request.requestedByKind, id: request.requestedById },
        board: { key: request.board.key, name: request.board.name },
        ticket: {
          id: request.ticket.id,
          title: request.ticket.title,
          phase: request.ticket.phase.name,
          assignee: request.ticket.assigneeUser?.name ?? request.ticket.assigneeAgent?.name ?? null,
        },
        from: { key: request.fromPhaseKey, name: findPhase(workflow, request.fromPhaseKey)?.name ?? request.fromPhaseKey },
        to: { key: request.toPhaseKey, name: findPhase(workflow, request.toPhaseKey)?.name ?? request.toPhaseKey },
        gates,
        evaluation: evaluateTransitionGates(gates, evidence),
        artifacts: request.ticket.artifacts.map((artifact) => ({
          id: artifact.id,
          kind: artifact.kind,
          format: artifact.format,
          name: artifact.name,
          preview: artifact.format === "junit" ? "" : artifact.content.slice(0, 600),
          url: artifact.url,
          createdAt: artifact.createdAt.toISOString(),
          createdBy: artifact.createdById,
        })),
        decisions: request.decisions.map((decision) => ({ deciderId: decision.deciderId, role: decision.role, decision: decision.decision, comment: decision.comment, at: decision.createdAt.toISOString() })),
        canDecide: allowed ? { ok: true } : { ok: false, reason: decidable.length === 0 ? "decided by evidence, not by approval" : refused && !refused.ok ? refused.reason : "not allowed" },
      } satisfies GateRequestView;
    }),
  );
}

/**
 * How many pending requests wait for this person's decision (the header badge, drawn on
 * every page): one query and the who-may-decide rule, without evaluating any evidence.
 */
export async function countGateRequestsForMe(actor: Actor): Promise<number> {
  if (actor.kind !== "user" || !["reviewer", "lead", "admin"].includes(actor.role)) return 0;
  const requests = await db().gateRequest.findMany({
    where: { status: "pending", ...(actor.boardScope ? { boardId: actor.boardScope } : {}), decisions: { none: { deciderId: actor.id } } },
    select: { gates: true, requestedById: true, ticket: { select: { assigneeUserId: true, assigneeAgentId: true } } },
  });
  const decider = { id: actor.id, kind: "user" as const, role: actor.role };
  return requests.filter((request) =>
    (request.gates as unknown as GateSpec[]).some(
      (spec) => canDecide({ decider, assigneeId: request.ticket.assigneeUserId ?? request.ticket.assigneeAgentId, requestedById: request.requestedById, spec }).ok,
    ),
  ).length;
}
