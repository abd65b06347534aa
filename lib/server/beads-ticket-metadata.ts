import "server-only";
import { isPlainObject } from "@/lib/domain/beads/ticket-import";
import type { BeadsSource } from "@/lib/domain/beads/ticket-import";
import type { GraphEdge, GraphTicket } from "@/lib/domain/dependencies/graph-types";

// What a beads import keeps under `ticket.metadata.beads`: the fields Gateboard has no
// column for, so an export can give them back, and the content hash that makes a
// re-import of the same file a no-op. Shared by import, export and the ready queue.

export const BEADS_METADATA_KEY = "beads";

/** Edge details a Dependency row cannot hold (a missing created_at, unknown edge fields). */
export type StoredEdgeExtra = { createdAtMissing?: true; extra?: Record<string, unknown> };

export type StoredBeadsMetadata = {
  contentHash: string;
  /** The ticket version the import wrote: while it still holds, beads' updated_at is the truth. */
  importedVersion: number;
  /** The phase the import put the ticket in; a later import only moves it while it is still there. */
  phaseAtImport: string;
  assignee: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  dueAt: string | null;
  /** rawStatus/mappedStatus included: readiness needs the raw status (pinned, hooked). */
  source: BeadsSource;
  /** Keyed by edgeKey(dependsOnId, type). */
  edgeExtras?: Record<string, StoredEdgeExtra>;
};

/** Unambiguous and free of U+0000, which PostgreSQL's jsonb refuses. */
export function edgeKey(dependsOnId: string, type: string): string {
  return JSON.stringify([dependsOnId, type]);
}

export function readBeadsMetadata(metadata: unknown): StoredBeadsMetadata | null {
  if (!isPlainObject(metadata)) return null;
  const stored = metadata[BEADS_METADATA_KEY];
  if (!isPlainObject(stored) || typeof stored.contentHash !== "string" || !isPlainObject(stored.source)) return null;
  return stored as unknown as StoredBeadsMetadata;
}

/** Other features may keep their own keys in metadata; only ours is replaced. */
export function withBeadsMetadata(metadata: unknown, stored: StoredBeadsMetadata): Record<string, unknown> {
  return { ...(isPlainObject(metadata) ? metadata : {}), [BEADS_METADATA_KEY]: stored };
}

/** The columns and relations the graph rules need, as selected by loadBoardGraph. */
export type GraphTicketRow = {
  id: string;
  status: string;
  type: string;
  priority: number;
  parentId: string | null;
  deferUntil: Date | null;
  files: unknown;
  metadata: unknown;
  assigneeUser: { name: string } | null;
  assigneeAgent: { name: string } | null;
};

export function assigneeName(row: Pick<GraphTicketRow, "assigneeUser" | "assigneeAgent" | "metadata">): string | null {
  return row.assigneeUser?.name ?? row.assigneeAgent?.name ?? readBeadsMetadata(row.metadata)?.assignee ?? null;
}

/**
 * A stored ticket as the graph rules see it. Like toGraphTicket: the raw beads status
 * stands while Gateboard has not changed the status the import mapped it to.
 */
export function toGraphTicketFromRow(row: GraphTicketRow): GraphTicket {
  const stored = readBeadsMetadata(row.metadata);
  const status = stored && stored.source.mappedStatus === row.status ? stored.source.rawStatus : row.status;
  return {
    id: row.id,
    status,
    type: row.type,
    priority: row.priority,
    parentId: row.parentId,
    deferUntil: row.deferUntil?.toISOString() ?? null,
    assignee: assigneeName(row),
    files: stringList(row.files),
  };
}

export function toGraphEdgeFromRow(row: { issueId: string; dependsOnId: string; type: string; metadata: unknown }): GraphEdge {
  return {
    issueId: row.issueId,
    dependsOnId: row.dependsOnId,
    type: row.type,
    metadata: isPlainObject(row.metadata) || typeof row.metadata === "string" ? row.metadata : null,
  };
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}
