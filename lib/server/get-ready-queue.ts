import "server-only";
import { db } from "@/lib/db";
import { buildConflictMatrix, planParallelBatches } from "@/lib/domain/dependencies/conflict-matrix";
import type { ConflictPair } from "@/lib/domain/dependencies/conflict-matrix";
import { computeReadyQueue } from "@/lib/domain/dependencies/ready-queue";
import type { NotReadyReason } from "@/lib/domain/dependencies/ready-queue";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { authorize } from "@/lib/server/authorize";
import { loadBoardGraph } from "@/lib/server/load-board-graph";

export type ReadyItem = {
  id: string;
  title: string;
  type: string;
  priority: number;
  status: string;
  assignee: string | null;
  files: string[];
  claimable: boolean;
};

export type ReadyQueueView = {
  asOf: string;
  claimableOnly: boolean;
  items: ReadyItem[];
  batches: string[][];
  conflicts: ConflictPair[];
  blocked: Array<{ id: string; title: string }>;
  counts: { tickets: number; ready: number; claimable: number; blocked: number };
  explain?: Record<string, NotReadyReason[]>;
};

export type GetReadyQueueOptions = { claimable?: boolean; explain?: boolean; now?: Date };

/**
 * What can be worked on now, by beads' rule, with the conflict matrix and parallel batches
 * of those tickets. `claimable` narrows everything (items, batches, conflicts) to what an
 * agent may claim: ready, open and unassigned.
 */
export async function getReadyQueue(actor: Actor, boardKey: string, options: GetReadyQueueOptions = {}): Promise<ReadyQueueView> {
  const board = await db().board.findUnique({ where: { key: boardKey }, select: { id: true } });
  const notFound = `No board "${boardKey}".`;
  if (!board) throw new AppError("NOT_FOUND", notFound);
  await authorize(actor, "board.read", board.id, actor.boardScope ? { notFoundMessage: notFound } : {});

  const now = options.now ?? new Date();
  const graph = await loadBoardGraph(db(), board.id);
  const queue = computeReadyQueue(graph.tickets, graph.edges, { now });
  const byId = new Map(graph.tickets.map((ticket) => [ticket.id, ticket]));
  const claimable = new Set(queue.claimable);
  const ids = options.claimable ? queue.claimable : queue.ready;
  const tickets = ids.map((id) => byId.get(id)!);

  return {
    asOf: now.toISOString(),
    claimableOnly: options.claimable ?? false,
    items: tickets.map((ticket) => ({
      id: ticket.id,
      title: graph.titles.get(ticket.id) ?? ticket.id,
      type: ticket.type,
      priority: ticket.priority ?? 2,
      status: ticket.status,
      assignee: ticket.assignee ?? null,
      files: ticket.files,
      claimable: claimable.has(ticket.id),
    })),
    batches: planParallelBatches(tickets),
    conflicts: buildConflictMatrix(tickets),
    blocked: queue.blocked.map((id) => ({ id, title: graph.titles.get(id) ?? id })),
    counts: { tickets: graph.tickets.length, ready: queue.ready.length, claimable: queue.claimable.length, blocked: queue.blocked.length },
    ...(options.explain ? { explain: queue.explain } : {}),
  };
}
