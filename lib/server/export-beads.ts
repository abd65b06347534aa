import "server-only";
import { db } from "@/lib/db";
import { exportBeadsJsonl } from "@/lib/domain/beads/export-beads-jsonl";
import type { ExportEdge, ExportTicket } from "@/lib/domain/beads/export-beads-jsonl";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { authorize } from "@/lib/server/authorize";
import { edgeKey, readBeadsMetadata, stringList } from "@/lib/server/beads-ticket-metadata";

export type BeadsExport = { boardKey: string; jsonl: string; tickets: number };

/**
 * A board as beads JSONL (`_type: "issue"` lines that `bd import` accepts). What only beads
 * knew about an imported ticket comes back from its metadata; beads' own timestamps and
 * assignee stand while the ticket is still at the version the import wrote.
 */
export async function exportBeads(actor: Actor, boardKey: string): Promise<BeadsExport> {
  const board = await db().board.findUnique({ where: { key: boardKey }, select: { id: true, phases: { select: { id: true, key: true } } } });
  const notFound = `No board "${boardKey}".`;
  if (!board) throw new AppError("NOT_FOUND", notFound);
  await authorize(actor, "board.read", board.id, actor.boardScope ? { notFoundMessage: notFound } : {});

  const [rows, edgeRows] = await Promise.all([
    db().ticket.findMany({
      where: { boardId: board.id },
      select: {
        id: true, title: true, description: true, design: true, notes: true, acceptanceCriteria: true, status: true, priority: true,
        type: true, labels: true, files: true, parentId: true, phaseId: true, version: true, createdAt: true, updatedAt: true,
        closedAt: true, closeReason: true, deferUntil: true, metadata: true,
        assigneeUser: { select: { email: true } },
        assigneeAgent: { select: { name: true } },
      },
    }),
    db().dependency.findMany({
      where: { issue: { boardId: board.id } },
      select: { issueId: true, dependsOnId: true, type: true, metadata: true, createdBy: true, createdAt: true },
    }),
  ]);
  const phaseKey = new Map(board.phases.map((phase) => [phase.id, phase.key]));
  const stored = new Map(rows.map((row) => [row.id, readBeadsMetadata(row.metadata)]));

  const tickets = rows.map((row): ExportTicket => {
    const beads = stored.get(row.id) ?? null;
    const untouched = beads !== null && beads.importedVersion === row.version;
    return {
      id: row.id,
      title: row.title,
      description: row.description,
      design: row.design || null,
      acceptanceCriteria: row.acceptanceCriteria || null,
      notes: row.notes || null,
      status: row.status,
      priority: row.priority,
      type: row.type,
      assignee: row.assigneeUser?.email ?? row.assigneeAgent?.name ?? beads?.assignee ?? null,
      labels: stringList(row.labels),
      parentId: row.parentId,
      phase: phaseKey.get(row.phaseId) ?? null,
      files: stringList(row.files),
      createdAt: beads ? beads.createdAt : row.createdAt.toISOString(),
      updatedAt: untouched ? beads.updatedAt : row.updatedAt.toISOString(),
      closedAt: row.closedAt?.toISOString() ?? null,
      closeReason: row.closeReason,
      deferUntil: row.deferUntil?.toISOString() ?? null,
      dueAt: beads?.dueAt ?? null,
      source: beads?.source ?? null,
    };
  });

  const edges = edgeRows.map((edge): ExportEdge => {
    const extra = stored.get(edge.issueId)?.edgeExtras?.[edgeKey(edge.dependsOnId, edge.type)];
    return {
      issueId: edge.issueId,
      dependsOnId: edge.dependsOnId,
      type: edge.type,
      createdAt: extra?.createdAtMissing ? null : edge.createdAt.toISOString(),
      createdBy: edge.createdBy,
      metadata: (edge.metadata ?? null) as ExportEdge["metadata"],
      extra: extra?.extra ?? {},
    };
  });
  return { boardKey, jsonl: exportBeadsJsonl(tickets, edges), tickets: tickets.length };
}
