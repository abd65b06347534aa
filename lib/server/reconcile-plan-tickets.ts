import "server-only";
import type { WipPolicy } from "@/lib/board-view";
import { lockPhases, type Tx } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import { findCycle } from "@/lib/domain/dependencies/find-cycle";
import type { GraphEdge } from "@/lib/domain/dependencies/graph-types";
import { newId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import type { Plan, PlanTask, PlanTaskDetail } from "@/lib/domain/plans/types";
import { rankBetween } from "@/lib/domain/rank";
import { checkWip } from "@/lib/domain/wip/check-wip";
import type { AuditInput } from "@/lib/server/record-audit";

export type ReconcileBoard = { id: string; key: string; firstPhase: { id: string; key: string } };

export type ReconcileOutcome = {
  boardKey: string;
  created: string[];
  updated: string[];
  unchanged: string[];
  skipped: { id: string; reason: string }[];
  dependenciesAdded: number;
  /** ticket.created / ticket.updated events for the caller to record with its own. */
  audit: AuditInput[];
};

type PlanTicket = {
  id: string;
  title: string;
  description: string;
  acceptanceCriteria: string;
  files: string[];
  epic: string | null;
  parent: string | null;
  dependsOn: string[];
};

/** A task as the table and the detail block describe it together (either may be missing). */
function planTickets(plan: Plan): PlanTicket[] {
  const byId = new Map<string, { row?: PlanTask; detail?: PlanTaskDetail }>();
  for (const row of plan.tasks ?? []) byId.set(row.id, { ...byId.get(row.id), row });
  for (const detail of plan.taskDetails ?? []) byId.set(detail.id, { ...byId.get(detail.id), detail });
  return [...byId.entries()].map(([id, { row, detail }]) => ({
    id,
    title: (row?.title || detail?.title || id).slice(0, 300),
    description: detail?.description ?? "",
    acceptanceCriteria: (detail?.acceptanceCriteria ?? []).map((item) => `- ${item}`).join("\n"),
    files: row?.files ?? [],
    epic: row?.epic ?? null,
    parent: detail?.parent ?? null,
    dependsOn: (detail?.dependsOn ?? []).map((ref) => ref.id),
  }));
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, index) => value === b[index]);

/**
 * Makes a board's tickets match a plan's tasks, matching by task id = ticket id: missing
 * tickets are created at the bottom of the first column, existing ones get the plan's
 * title and files, and depends_on / parent become `blocks` / `parent-child` edges. Runs
 * inside the importer's transaction; it returns audit inputs rather than recording them so
 * the whole import lands as one batch on the chain.
 */
export async function reconcilePlanTickets(tx: Tx, actor: Actor, board: ReconcileBoard, plan: Plan, sessionId: string): Promise<ReconcileOutcome> {
  const outcome: ReconcileOutcome = { boardKey: board.key, created: [], updated: [], unchanged: [], skipped: [], dependenciesAdded: 0, audit: [] };
  const tickets = planTickets(plan);
  if (tickets.length === 0) return outcome;

  // On PostgreSQL two imports into one board must not read the same last rank or count.
  await lockPhases(tx, [board.firstPhase.id]);
  const existing = await tx.ticket.findMany({
    where: { id: { in: tickets.map((ticket) => ticket.id) } },
    select: { id: true, boardId: true, title: true, files: true, version: true, parentId: true },
  });
  const existingById = new Map(existing.map((row) => [row.id, row]));
  const last = await tx.ticket.findFirst({ where: { boardId: board.id, phaseId: board.firstPhase.id }, orderBy: { rank: "desc" }, select: { rank: true } });
  let rank = last?.rank ?? null;
  const onBoard = new Set<string>();

  for (const ticket of tickets) {
    const current = existingById.get(ticket.id);
    if (current && current.boardId !== board.id) {
      outcome.skipped.push({ id: ticket.id, reason: "a ticket with this id belongs to another board" });
      continue;
    }
    onBoard.add(ticket.id);
    if (!current) {
      rank = rankBetween(rank, null);
      const labels = ticket.epic ? [`epic:${ticket.epic}`] : [];
      await tx.ticket.create({
        data: {
          id: ticket.id,
          boardId: board.id,
          phaseId: board.firstPhase.id,
          rank,
          title: ticket.title,
          description: ticket.description,
          acceptanceCriteria: ticket.acceptanceCriteria,
          type: "task",
          labels,
          files: ticket.files,
          checklist: [],
          source: "plan",
          metadata: { planSessionId: sessionId },
        },
      });
      outcome.created.push(ticket.id);
      outcome.audit.push({
        action: "ticket.created",
        entityType: "ticket",
        entityId: ticket.id,
        boardId: board.id,
        after: { title: ticket.title, type: "task", phase: board.firstPhase.key, labels, files: ticket.files, source: "plan", planSessionId: sessionId },
      });
      continue;
    }
    const currentFiles = Array.isArray(current.files) ? (current.files as string[]) : [];
    // A plan without a files cell says nothing about files: keep what the ticket has.
    const files = ticket.files.length > 0 ? ticket.files : currentFiles;
    if (current.title === ticket.title && sameList(currentFiles, files)) {
      outcome.unchanged.push(ticket.id);
      continue;
    }
    await tx.ticket.update({ where: { id: ticket.id }, data: { title: ticket.title, files, version: { increment: 1 } } });
    outcome.updated.push(ticket.id);
    outcome.audit.push({
      action: "ticket.updated",
      entityType: "ticket",
      entityId: ticket.id,
      boardId: board.id,
      before: { title: current.title, files: currentFiles, version: current.version },
      after: { title: ticket.title, files, version: current.version + 1 },
      reason: `plan ${sessionId} imported`,
    });
  }
  if (outcome.created.length > 0) {
    await refuseOverHardLimit(tx, board.firstPhase.id, outcome.created.length);
    await tx.phase.update({ where: { id: board.firstPhase.id }, data: { ticketCount: { increment: outcome.created.length } } });
  }

  await linkParents(tx, board.id, tickets, onBoard, existingById, outcome, sessionId);
  outcome.dependenciesAdded = await addEdges(tx, actor, board.id, tickets, onBoard, outcome);
  return outcome;
}

/**
 * The plan's new tickets enter the first column together: a hard WIP limit that the last
 * of them would pass refuses the whole import (the column row is locked above); a soft one
 * lets them in.
 */
async function refuseOverHardLimit(tx: Tx, phaseId: string, adding: number): Promise<void> {
  const column = await tx.phase.findUniqueOrThrow({ where: { id: phaseId }, select: { key: true, name: true, wipPolicy: true, wipMax: true, ticketCount: true } });
  const decision = checkWip({ phaseName: column.name, policy: column.wipPolicy as WipPolicy, max: column.wipMax, count: column.ticketCount + adding - 1 });
  if (decision.allowed) return;
  throw new AppError(
    "WIP_LIMIT_REACHED",
    `${column.name} holds ${column.ticketCount} of at most ${column.wipMax}: the plan's ${adding} new tickets do not fit. Make room or raise the limit, then import again; nothing was imported.`,
    { phase: column.key, limit: column.wipMax, count: column.ticketCount, adding },
  );
}

/** parentId is a foreign key, so only a parent that is a ticket on this board is linked. */
async function linkParents(
  tx: Tx,
  boardId: string,
  tickets: PlanTicket[],
  onBoard: Set<string>,
  existingById: Map<string, { parentId: string | null }>,
  outcome: ReconcileOutcome,
  sessionId: string,
): Promise<void> {
  const parents = [...new Set(tickets.map((ticket) => ticket.parent).filter((id): id is string => id !== null))];
  if (parents.length === 0) return;
  const found = await tx.ticket.findMany({ where: { id: { in: parents }, boardId }, select: { id: true } });
  const parentIds = new Set(found.map((row) => row.id));
  for (const ticket of tickets) {
    if (!ticket.parent || !onBoard.has(ticket.id) || !parentIds.has(ticket.parent)) continue;
    const before = existingById.get(ticket.id)?.parentId ?? null;
    if (before === ticket.parent) continue;
    await tx.ticket.update({ where: { id: ticket.id }, data: { parentId: ticket.parent } });
    // A ticket this import created has its parent in its creation event; any other, an edit.
    const created = outcome.audit.find((event) => event.action === "ticket.created" && event.entityId === ticket.id);
    if (created) created.after = { ...(created.after as object), parentId: ticket.parent };
    else outcome.audit.push({ action: "ticket.updated", entityType: "ticket", entityId: ticket.id, boardId, before: { parentId: before }, after: { parentId: ticket.parent }, reason: `plan ${sessionId} imported` });
  }
}

/** New `blocks` and `parent-child` edges; one that would close a cycle is skipped and reported. */
async function addEdges(tx: Tx, actor: Actor, boardId: string, tickets: PlanTicket[], onBoard: Set<string>, outcome: ReconcileOutcome): Promise<number> {
  const wanted: GraphEdge[] = [];
  for (const ticket of tickets) {
    if (!onBoard.has(ticket.id)) continue;
    for (const target of ticket.dependsOn) wanted.push({ issueId: ticket.id, dependsOnId: target, type: "blocks" });
    if (ticket.parent) wanted.push({ issueId: ticket.id, dependsOnId: ticket.parent, type: "parent-child" });
  }
  if (wanted.length === 0) return 0;
  const edges: GraphEdge[] = await tx.dependency.findMany({ where: { issue: { boardId } }, select: { issueId: true, dependsOnId: true, type: true } });
  const key = (edge: GraphEdge) => `${edge.issueId}\u0000${edge.dependsOnId}\u0000${edge.type}`;
  const present = new Set(edges.map(key));
  let added = 0;
  for (const edge of wanted) {
    if (present.has(key(edge))) continue;
    const cycle = findCycle(edges, edge);
    if (cycle) {
      outcome.skipped.push({ id: edge.issueId, reason: `${edge.type} edge to ${edge.dependsOnId} would close the cycle ${cycle.join(" → ")}` });
      continue;
    }
    await tx.dependency.create({ data: { id: newId(), issueId: edge.issueId, dependsOnId: edge.dependsOnId, type: edge.type, createdBy: actor.id } });
    // As adding one on the ticket page records it (add-dependency.ts).
    outcome.audit.push({ action: "dependency.added", entityType: "ticket", entityId: edge.issueId, boardId, after: { dependsOn: edge.dependsOnId, type: edge.type } });
    edges.push(edge);
    present.add(key(edge));
    added += 1;
  }
  return added;
}
