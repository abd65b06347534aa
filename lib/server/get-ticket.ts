import "server-only";
import { db } from "@/lib/db";
import type { AuditRow } from "@/lib/domain/audit/audit-row";
import { isReadinessEdgeType, normaliseEdgeType } from "@/lib/domain/dependencies/edge-types";
import { computeReadyQueue, type NotReadyReason } from "@/lib/domain/dependencies/ready-queue";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { checklistState, findPhase } from "@/lib/domain/workflow/engine";
import type { WorkflowDefinition } from "@/lib/schemas/workflow";
import { authorize } from "@/lib/server/authorize";
import { stringList } from "@/lib/server/beads-ticket-metadata";
import { listAuditEvents } from "@/lib/server/list-audit-events";
import { loadBoardGraph } from "@/lib/server/load-board-graph";

type ActorRef = { kind: string; id: string; name: string | null };
type PhaseRef = { key: string; name: string };

export type TicketEdgeView = {
  /** The ticket at the other end of the edge. */
  ticketId: string;
  /** Null when that ticket is not on the board (a skipped tombstone, an external reference). */
  title: string | null;
  status: string | null;
  type: string;
  /** blocks, conditional-blocks, waits-for and parent-child decide readiness; the rest annotate. */
  affectsReadiness: boolean;
  /** Whether this edge holds the dependent ticket up right now. */
  blocking: boolean;
};

export type TicketReadiness = {
  /** ready: nothing holds it up; blocked: a dependency does; not-ready: closed, deferred, a non-work type… */
  state: "ready" | "blocked" | "not-ready";
  reasons: NotReadyReason[];
};

export type TicketDetail = {
  id: string;
  title: string;
  description: string;
  acceptanceCriteria: string;
  type: string;
  priority: number;
  status: string;
  version: number;
  labels: string[];
  files: string[];
  board: { id: string; key: string; name: string };
  phase: PhaseRef;
  phaseEnteredAt: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  assignee: { kind: "user" | "agent"; name: string } | null;
  parent: { id: string; title: string; status: string } | null;
  children: Array<{ id: string; title: string; status: string; phase: string }>;
  /** Edges where this ticket is the dependent (it depends on `ticketId`). */
  dependsOn: TicketEdgeView[];
  /** Edges where another ticket (`ticketId`) depends on this one. */
  dependents: TicketEdgeView[];
  readiness: TicketReadiness;
  history: Array<{ from: PhaseRef | null; to: PhaseRef; actor: ActorRef; at: string; reason: string | null; gateRequestId: string | null; wipOverride: boolean }>;
  artifacts: Array<{
    id: string;
    kind: string;
    format: string;
    name: string | null;
    url: string | null;
    sizeBytes: number;
    createdBy: ActorRef;
    createdAt: string;
    /** Counts of a JUnit report, parsed when it was attached. */
    tests: { tests: number; passed: number; failures: number; errors: number; skipped: number } | null;
  }>;
  gateRequests: Array<{
    id: string;
    from: PhaseRef;
    to: PhaseRef;
    status: string;
    waitingForCapacity: boolean;
    requestedBy: ActorRef;
    createdAt: string;
    resolvedAt: string | null;
    decisions: number;
  }>;
  /** The current phase's done definitions and which are ticked. */
  doneDefinitions: Array<{ item: string; done: boolean }>;
  /** The ticket's audit events, newest first (one page). */
  audit: { items: AuditRow[]; nextCursor: number | null };
  /** When the data was read; ages and readiness are relative to it. */
  asOf: string;
};

const AUDIT_PAGE = 100;

/**
 * Everything the ticket screen shows, for anyone who may read its board. A token scoped
 * to another board gets NOT_FOUND, as if the ticket did not exist. Readiness comes from
 * the board's dependency graph with the same rule as the ready queue.
 */
export async function getTicket(actor: Actor, ticketId: string, options: { now?: Date } = {}): Promise<TicketDetail> {
  const notFound = `No ticket ${ticketId}.`;
  const located = await db().ticket.findUnique({ where: { id: ticketId }, select: { boardId: true } });
  if (!located) throw new AppError("NOT_FOUND", notFound);
  const outOfScope = !!actor.boardScope && actor.boardScope !== located.boardId;
  await authorize(actor, "board.read", located.boardId, outOfScope ? { notFoundMessage: notFound } : { message: "You cannot read this board." });

  const [ticket, graph, incoming, audit] = await Promise.all([
    db().ticket.findUnique({
      where: { id: ticketId },
      select: {
        id: true, title: true, description: true, acceptanceCriteria: true, type: true, priority: true, status: true, version: true,
        labels: true, files: true, checklist: true, phaseEnteredAt: true, createdAt: true, updatedAt: true, closedAt: true,
        board: { select: { id: true, key: true, name: true, workflow: true } },
        phase: { select: { key: true, name: true } },
        assigneeUser: { select: { name: true } },
        assigneeAgent: { select: { name: true } },
        parent: { select: { id: true, title: true, status: true } },
        children: { orderBy: { id: "asc" }, select: { id: true, title: true, status: true, phase: { select: { name: true } } } },
        dependencies: { orderBy: { createdAt: "asc" }, select: { dependsOnId: true, type: true } },
        transitions: { orderBy: { at: "asc" }, select: { fromPhaseKey: true, toPhaseKey: true, actorKind: true, actorId: true, reason: true, gateRequestId: true, wipOverride: true, at: true } },
        artifacts: {
          orderBy: { createdAt: "desc" },
          select: { id: true, kind: true, format: true, name: true, url: true, sizeBytes: true, createdByKind: true, createdById: true, createdAt: true, summary: true },
        },
        gateRequests: {
          orderBy: { createdAt: "desc" },
          select: {
            id: true, fromPhaseKey: true, toPhaseKey: true, status: true, waitingForCapacity: true, requestedByKind: true, requestedById: true,
            createdAt: true, resolvedAt: true, _count: { select: { decisions: true } },
          },
        },
      },
    }),
    loadBoardGraph(db(), located.boardId),
    db().dependency.findMany({ where: { dependsOnId: ticketId }, orderBy: { createdAt: "asc" }, select: { issueId: true, type: true } }),
    listAuditEvents(actor, { entity: "ticket", entityId: ticketId, limit: AUDIT_PAGE }),
  ]);
  if (!ticket) throw new AppError("NOT_FOUND", notFound);

  const now = options.now ?? new Date();
  const queue = computeReadyQueue(graph.tickets, graph.edges, { now });
  const statusOf = new Map(graph.tickets.map((node) => [node.id, node.status]));
  const reasonsOf = (id: string): NotReadyReason[] => queue.explain[id] ?? [];
  const ownReasons = reasonsOf(ticket.id);
  const blocked = ownReasons.some(isBlockReason);

  /** An edge seen from this ticket: `otherId` is the far end; `blocking` asks whether `dependsOnId` holds `dependentId` up. */
  const edge = (otherId: string, type: string, dependentId: string, dependsOnId: string): TicketEdgeView => ({
    ticketId: otherId,
    title: graph.titles.get(otherId) ?? null,
    status: statusOf.get(otherId) ?? null,
    type,
    affectsReadiness: isReadinessEdgeType(type),
    blocking: reasonsOf(dependentId).some((reason) => blamedOn(reason, dependsOnId, type)),
  });

  const workflow = ticket.board.workflow as unknown as WorkflowDefinition;
  const phaseRef = (key: string): PhaseRef => ({ key, name: findPhase(workflow, key)?.name ?? key });
  const names = await actorNames([
    ...ticket.transitions.map((row) => ({ kind: row.actorKind, id: row.actorId })),
    ...ticket.artifacts.map((row) => ({ kind: row.createdByKind, id: row.createdById })),
    ...ticket.gateRequests.map((row) => ({ kind: row.requestedByKind, id: row.requestedById })),
  ]);
  const actorRef = (kind: string, id: string): ActorRef => ({ kind, id, name: kind === "system" ? "Gateboard" : (names.get(`${kind}:${id}`) ?? null) });

  return {
    id: ticket.id,
    title: ticket.title,
    description: ticket.description,
    acceptanceCriteria: ticket.acceptanceCriteria,
    type: ticket.type,
    priority: ticket.priority,
    status: ticket.status,
    version: ticket.version,
    labels: stringList(ticket.labels),
    files: stringList(ticket.files),
    board: { id: ticket.board.id, key: ticket.board.key, name: ticket.board.name },
    phase: { key: ticket.phase.key, name: ticket.phase.name },
    phaseEnteredAt: ticket.phaseEnteredAt.toISOString(),
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
    closedAt: ticket.closedAt?.toISOString() ?? null,
    assignee: ticket.assigneeUser
      ? { kind: "user", name: ticket.assigneeUser.name }
      : ticket.assigneeAgent
        ? { kind: "agent", name: ticket.assigneeAgent.name }
        : null,
    parent: ticket.parent,
    children: ticket.children.map((child) => ({ id: child.id, title: child.title, status: child.status, phase: child.phase.name })),
    dependsOn: ticket.dependencies.map((row) => edge(row.dependsOnId, row.type, ticket.id, row.dependsOnId)),
    dependents: incoming.map((row) => edge(row.issueId, row.type, row.issueId, ticket.id)),
    readiness: {
      state: queue.ready.includes(ticket.id) ? "ready" : blocked ? "blocked" : "not-ready",
      reasons: ownReasons,
    },
    history: ticket.transitions.map((row) => ({
      from: row.fromPhaseKey ? phaseRef(row.fromPhaseKey) : null,
      to: phaseRef(row.toPhaseKey),
      actor: actorRef(row.actorKind, row.actorId),
      at: row.at.toISOString(),
      reason: row.reason,
      gateRequestId: row.gateRequestId,
      wipOverride: row.wipOverride,
    })),
    artifacts: ticket.artifacts.map((row) => ({
      id: row.id,
      kind: row.kind,
      format: row.format,
      name: row.name,
      url: row.url,
      sizeBytes: row.sizeBytes,
      createdBy: actorRef(row.createdByKind, row.createdById),
      createdAt: row.createdAt.toISOString(),
      tests: row.format === "junit" ? junitCounts(row.summary) : null,
    })),
    gateRequests: ticket.gateRequests.map((row) => ({
      id: row.id,
      from: phaseRef(row.fromPhaseKey),
      to: phaseRef(row.toPhaseKey),
      status: row.status,
      waitingForCapacity: row.waitingForCapacity,
      requestedBy: actorRef(row.requestedByKind, row.requestedById),
      createdAt: row.createdAt.toISOString(),
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
      decisions: row._count.decisions,
    })),
    doneDefinitions: checklistState(findPhase(workflow, ticket.phase.key), Array.isArray(ticket.checklist) ? (ticket.checklist as number[]) : []),
    audit,
    asOf: now.toISOString(),
  };
}

function isBlockReason(reason: NotReadyReason): boolean {
  return reason.kind === "blocked-by" || reason.kind === "waits-for" || reason.kind === "parent-blocked";
}

/** Whether a dependent's not-ready reason is caused by its edge of `type` to `otherId`. */
function blamedOn(reason: NotReadyReason, otherId: string, type: string): boolean {
  const edgeType = normaliseEdgeType(type);
  switch (reason.kind) {
    case "blocked-by":
      return reason.blockerId === otherId && reason.edgeType === edgeType;
    case "waits-for":
      return reason.spawnerId === otherId && edgeType === "waits-for";
    case "parent-blocked":
      return reason.parentId === otherId && edgeType === "parent-child";
    default:
      return false;
  }
}

function junitCounts(summary: unknown): TicketDetail["artifacts"][number]["tests"] {
  if (!summary || typeof summary !== "object" || !("ok" in summary) || summary.ok !== true || !("report" in summary)) return null;
  const report = summary.report as Record<string, unknown>;
  const count = (key: string) => (typeof report[key] === "number" ? report[key] : 0);
  return { tests: count("tests"), passed: count("passed"), failures: count("failures"), errors: count("errors"), skipped: count("skipped") };
}

/** Display names of the people and agents named on the ticket, in two small queries. */
async function actorNames(refs: Array<{ kind: string; id: string }>): Promise<Map<string, string>> {
  const userIds = [...new Set(refs.filter((ref) => ref.kind === "user").map((ref) => ref.id))];
  const agentIds = [...new Set(refs.filter((ref) => ref.kind === "agent").map((ref) => ref.id))];
  const [users, agents] = await Promise.all([
    userIds.length ? db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
    agentIds.length ? db().agent.findMany({ where: { id: { in: agentIds } }, select: { id: true, name: true } }) : [],
  ]);
  return new Map([...users.map((user) => [`user:${user.id}`, user.name] as const), ...agents.map((agent) => [`agent:${agent.id}`, agent.name] as const)]);
}
