import { normaliseEdgeType } from "@/lib/domain/dependencies/edge-types";
import { compareIds } from "@/lib/domain/dependencies/graph-types";
import type { BeadsComment } from "./beads-types";
import { GATEBOARD_METADATA_KEY, isPlainObject } from "./ticket-import";
import type { BeadsSource } from "./ticket-import";

/** A Gateboard ticket to write as a beads issue; a TicketImport satisfies it. */
export interface ExportTicket {
  id: string;
  title: string;
  description?: string | null;
  design?: string | null;
  acceptanceCriteria?: string | null;
  notes?: string | null;
  status: string;
  priority: number;
  type: string;
  assignee?: string | null;
  labels?: readonly string[];
  parentId?: string | null;
  phase?: string | null;
  files?: readonly string[];
  createdAt?: string | null;
  updatedAt?: string | null;
  closedAt?: string | null;
  closeReason?: string | null;
  deferUntil?: string | null;
  dueAt?: string | null;
  /** Further Gateboard-only data (rank, version, …) to carry in beads' metadata. */
  gateboard?: Record<string, unknown> | null;
  /** What an earlier beads import kept; absent for tickets born in Gateboard. */
  source?: Partial<BeadsSource> | null;
}

export interface ExportEdge {
  issueId: string;
  dependsOnId: string;
  type: string;
  createdAt?: string | null;
  createdBy?: string | null;
  metadata?: Record<string, unknown> | string | null;
  extra?: Record<string, unknown>;
}

/**
 * JSONL in the current beads export shape: one issue per line, sorted by id, `_type` first,
 * beads' field names, each ticket's edges on its own line (the dependent's). Gateboard-only
 * data goes under `metadata.gateboard`. Edges whose dependent is not in `tickets` have no
 * line to live on and are left out.
 */
export function exportBeadsJsonl(tickets: readonly ExportTicket[], edges: readonly ExportEdge[]): string {
  const edgesByIssue = new Map<string, ExportEdge[]>();
  for (const edge of edges) {
    const list = edgesByIssue.get(edge.issueId);
    if (list) list.push(edge);
    else edgesByIssue.set(edge.issueId, [edge]);
  }
  const lines = [...tickets]
    .sort((a, b) => compareIds(a.id, b.id))
    .map((ticket) => JSON.stringify(toBeadsRecord(ticket, edgesByIssue.get(ticket.id) ?? [])));
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

function toBeadsRecord(ticket: ExportTicket, edges: readonly ExportEdge[]): Record<string, unknown> {
  const source = ticket.source ?? {};
  // A status beads alone knows (hooked, pinned, custom) survives while Gateboard has not changed it.
  const status =
    source.rawStatus && source.mappedStatus === ticket.status ? source.rawStatus : ticket.status;

  const record: Record<string, unknown> = { _type: "issue", id: ticket.id, title: ticket.title };
  setIf(record, "description", ticket.description);
  setIf(record, "design", ticket.design);
  setIf(record, "acceptance_criteria", ticket.acceptanceCriteria);
  setIf(record, "notes", ticket.notes);
  record.status = status;
  record.priority = Math.min(4, Math.max(0, Math.round(ticket.priority)));
  record.issue_type = ticket.type;
  setIf(record, "assignee", ticket.assignee);
  setIf(record, "created_at", ticket.createdAt);
  setIf(record, "created_by", source.createdBy);
  setIf(record, "updated_at", ticket.updatedAt);
  // bd refuses closed_at on anything but a closed issue, and requires it on one.
  if (status === "closed") setIf(record, "closed_at", ticket.closedAt ?? ticket.updatedAt ?? ticket.createdAt);
  setIf(record, "close_reason", ticket.closeReason);
  setIf(record, "due_at", ticket.dueAt);
  setIf(record, "defer_until", ticket.deferUntil);
  setIf(record, "external_ref", source.externalRef);
  if (ticket.labels && ticket.labels.length > 0) record.labels = [...ticket.labels];

  const dependencies = dependencyRecords(ticket, edges);
  if (dependencies.length > 0) record.dependencies = dependencies;
  if (source.comments && source.comments.length > 0) record.comments = source.comments.map(commentRecord);

  const metadata = withGateboardBlock(source.metadata ?? null, gateboardBlock(ticket));
  if (metadata !== null && metadata !== undefined) record.metadata = metadata;

  for (const [key, value] of Object.entries(source.extra ?? {})) {
    if (!(key in record)) Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return record;
}

function dependencyRecords(ticket: ExportTicket, edges: readonly ExportEdge[]): Record<string, unknown>[] {
  const all: ExportEdge[] = [...edges];
  const hasParentEdge = edges.some(
    (edge) => normaliseEdgeType(edge.type) === "parent-child" && edge.dependsOnId === ticket.parentId,
  );
  if (ticket.parentId && !hasParentEdge) {
    all.push({ issueId: ticket.id, dependsOnId: ticket.parentId, type: "parent-child", createdAt: ticket.createdAt });
  }
  const seen = new Set<string>();
  const records: Record<string, unknown>[] = [];
  for (const edge of all) {
    const type = normaliseEdgeType(edge.type);
    const key = `${edge.dependsOnId}\u0000${type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const record: Record<string, unknown> = { issue_id: ticket.id, depends_on_id: edge.dependsOnId, type };
    setIf(record, "created_at", edge.createdAt);
    setIf(record, "created_by", edge.createdBy);
    // beads stores edge metadata as a JSON string.
    if (edge.metadata !== null && edge.metadata !== undefined) {
      record.metadata = typeof edge.metadata === "string" ? edge.metadata : JSON.stringify(edge.metadata);
    }
    for (const [key, value] of Object.entries(edge.extra ?? {})) if (!(key in record)) record[key] = value;
    records.push(record);
  }
  return records;
}

function commentRecord(comment: BeadsComment): Record<string, unknown> {
  return {
    // beads' comment ids are int64; give back an integer when that is what it was.
    id: /^\d{1,15}$/.test(comment.id) ? Number(comment.id) : comment.id,
    issue_id: comment.issueId,
    author: comment.author,
    text: comment.text,
    created_at: comment.createdAt,
  };
}

function gateboardBlock(ticket: ExportTicket): Record<string, unknown> {
  const block: Record<string, unknown> = { ...(ticket.source?.gateboard ?? {}), ...(ticket.gateboard ?? {}) };
  if (ticket.phase) block.phase = ticket.phase;
  if (ticket.files && ticket.files.length > 0) block.files = [...ticket.files];
  return block;
}

/** beads' metadata is free-form; Gateboard's block only fits when it is an object or absent. */
function withGateboardBlock(metadata: unknown, block: Record<string, unknown>): unknown {
  if (Object.keys(block).length === 0) return metadata;
  if (metadata === null || metadata === undefined) return { [GATEBOARD_METADATA_KEY]: block };
  if (isPlainObject(metadata)) return { ...metadata, [GATEBOARD_METADATA_KEY]: block };
  return metadata;
}

function setIf(record: Record<string, unknown>, key: string, value: string | null | undefined): void {
  if (value !== null && value !== undefined && value !== "") record[key] = value;
}
