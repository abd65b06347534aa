import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { authorize } from "@/lib/server/authorize";
import type { BoardView, CardView } from "@/lib/board-view";
import { allowedTargets } from "@/lib/domain/workflow/engine";
import type { WorkflowDefinition } from "@/lib/schemas/workflow";
import { computeReadyQueue } from "@/lib/domain/dependencies/ready-queue";
import { toGraphEdgeFromRow, toGraphTicketFromRow } from "@/lib/server/beads-ticket-metadata";

/**
 * The board's first paint: each column's top cards only (more than a screenful), so the
 * HTML of a 2,000-ticket board stays small; the client then loads the whole board. Phase
 * counts stay exact. `complete` says whether anything was left out.
 */
export async function getBoardFirstPaint(actor: Actor, key: string, cardsPerColumn: number): Promise<{ board: BoardView; complete: boolean }> {
  const board = await getBoard(actor, key);
  const kept = new Map<string, number>();
  const tickets = board.tickets.filter((ticket) => {
    const count = kept.get(ticket.phase) ?? 0;
    kept.set(ticket.phase, count + 1);
    return count < cardsPerColumn;
  });
  return { board: { ...board, tickets }, complete: tickets.length === board.tickets.length };
}

/**
 * Everything the board screen draws, in one read: columns with their WIP settings and the
 * compact card fields (no descriptions: those load with the ticket detail). Blocked/ready
 * markers come from the dependency graph evaluated in memory and gate markers from one
 * query of open requests: three queries whatever the board's size, none per ticket.
 */
export async function getBoard(actor: Actor, key: string): Promise<BoardView> {
  const board = await db().board.findUnique({
    where: { key },
    select: {
      id: true,
      key: true,
      name: true,
      workflowKey: true,
      workflow: true,
      phases: {
        orderBy: { position: "asc" },
        select: { id: true, key: true, name: true, position: true, wipPolicy: true, wipMin: true, wipMax: true, ticketCount: true },
      },
    },
  });
  if (!board) throw new AppError("NOT_FOUND", `No board "${key}".`);
  // Outside a token's board scope the board "does not exist" (the attempt is still audited).
  const outOfScope = !!actor.boardScope && actor.boardScope !== board.id;
  await authorize(actor, "board.read", board.id, outOfScope ? { notFoundMessage: `No board "${key}".` } : { message: "You cannot read this board." });
  // Read before the cards: every change after it is in the live stream resumed from it, so
  // one committed between this read and the cards' is sent again (harmless), never lost.
  const latestChange = await db().auditEvent.findFirst({ where: { boardId: board.id }, orderBy: { seq: "desc" }, select: { seq: true } });
  const [tickets, edges, openGates] = await Promise.all([
    db().ticket.findMany({
      where: { boardId: board.id },
      orderBy: [{ phaseId: "asc" }, { rank: "asc" }],
      select: {
        id: true,
        title: true,
        type: true,
        priority: true,
        status: true,
        phaseId: true,
        rank: true,
        version: true,
        parentId: true,
        labels: true,
        phaseEnteredAt: true,
        deferUntil: true,
        orphanedAt: true,
        // Readiness needs an imported ticket's raw beads status (pinned, hooked), kept here.
        metadata: true,
        assigneeUser: { select: { name: true } },
        assigneeAgent: { select: { name: true } },
      },
    }),
    db().dependency.findMany({ where: { issue: { boardId: board.id } }, select: { issueId: true, dependsOnId: true, type: true, metadata: true } }),
    db().gateRequest.findMany({
      where: { boardId: board.id, status: { in: ["pending", "approved"] } },
      orderBy: { createdAt: "asc" },
      select: { ticketId: true, toPhaseKey: true, waitingForCapacity: true },
    }),
  ]);
  const now = new Date();
  // Files do not decide readiness; the card payload never carries them.
  const queue = computeReadyQueue(
    tickets.map((ticket) => toGraphTicketFromRow({ ...ticket, files: null })),
    edges.map(toGraphEdgeFromRow),
    { now },
  );
  const ready = new Set(queue.ready);
  const blocked = new Set(queue.blocked);
  const phaseName = new Map(board.phases.map((phase) => [phase.key, phase.name]));
  const phaseKey = new Map(board.phases.map((phase) => [phase.id, phase.key]));
  const gateOf = new Map(openGates.map((request) => [request.ticketId, { to: phaseName.get(request.toPhaseKey) ?? request.toPhaseKey, waitingForCapacity: request.waitingForCapacity }]));
  return {
    id: board.id,
    key: board.key,
    name: board.name,
    workflowKey: board.workflowKey,
    asOf: now.toISOString(),
    changeSeq: latestChange?.seq ?? 0,
    phases: board.phases.map(({ ticketCount, ...phase }) => ({
      ...phase,
      wipPolicy: phase.wipPolicy as BoardView["phases"][number]["wipPolicy"],
      count: ticketCount,
      allowedTargets: allowedTargets(board.workflow as unknown as WorkflowDefinition, phase.key),
    })),
    tickets: tickets.map((ticket) => {
      const card: CardView = {
        id: ticket.id,
        title: ticket.title,
        type: ticket.type,
        priority: ticket.priority,
        status: ticket.status,
        phase: phaseKey.get(ticket.phaseId) ?? "",
        rank: ticket.rank,
        version: ticket.version,
        labels: Array.isArray(ticket.labels) ? (ticket.labels as string[]) : [],
        phaseEnteredAt: ticket.phaseEnteredAt.toISOString(),
      };
      // Only what is set: a false flag or an empty field costs bytes on every card of the board.
      if (ticket.parentId !== null) card.parentId = ticket.parentId;
      if (blocked.has(ticket.id)) card.blocked = true;
      if (ready.has(ticket.id)) card.ready = true;
      const gate = gateOf.get(ticket.id);
      if (gate) card.gateWaiting = gate;
      if (ticket.orphanedAt !== null) card.orphaned = true;
      if (ticket.assigneeUser) card.assignee = { kind: "user", name: ticket.assigneeUser.name };
      else if (ticket.assigneeAgent) card.assignee = { kind: "agent", name: ticket.assigneeAgent.name };
      return card;
    }),
  };
}
