import { compareIds } from "@/lib/domain/dependencies/graph-types";
import { phaseFor } from "./beads-status";
import type { PhaseMapping, TicketStatus } from "./beads-status";
import type { BeadsComment, BeadsDependency, BeadsIssue } from "./beads-types";

/** Key under beads' issue `metadata` where Gateboard-only data travels. */
export const GATEBOARD_METADATA_KEY = "gateboard";

/** What only beads knew about an imported ticket; kept so an export can give it back. */
export interface BeadsSource {
  system: "beads";
  rawStatus: string;
  /** The status `rawStatus` mapped to at import; export writes `rawStatus` back while it still holds. */
  mappedStatus: TicketStatus;
  createdBy: string | null;
  externalRef: string | null;
  comments: BeadsComment[];
  /** beads' issue metadata without Gateboard's block. */
  metadata: unknown;
  extra: Record<string, unknown>;
  /** Gateboard fields from an earlier export other than phase and files (rank, version, …). */
  gateboard: Record<string, unknown> | null;
}

/** A beads issue as a Gateboard ticket to create or update. JSON-serialisable. */
export interface TicketImport {
  id: string;
  title: string;
  description: string;
  design: string | null;
  acceptanceCriteria: string | null;
  notes: string | null;
  status: TicketStatus;
  phase: string;
  priority: number;
  type: string;
  assignee: string | null;
  labels: string[];
  /** Only set when the parent is part of the import (or `knownIds`). */
  parentId: string | null;
  files: string[];
  createdAt: string | null;
  updatedAt: string | null;
  closedAt: string | null;
  closeReason: string | null;
  deferUntil: string | null;
  dueAt: string | null;
  /** Edges this ticket is the dependent of, all of them (dangling ones included). */
  dependencies: BeadsDependency[];
  source: BeadsSource;
}

export interface MapBeadsOptions {
  phases?: PhaseMapping;
  /** Ticket ids already on the board: edges to them are not dangling, parents may point at them. */
  knownIds?: Iterable<string>;
  /** Use the phase a previous Gateboard export recorded (default true). */
  preferExportedPhase?: boolean;
}

export interface MappedBeadsImport {
  tickets: TicketImport[];
  /** Edges whose both ends are in the import or `knownIds`. */
  edges: BeadsDependency[];
  /** Edges pointing elsewhere (tombstoned, ephemeral `bd-wisp-*`, `external:*` refs). */
  danglingEdges: BeadsDependency[];
}

export function mapBeadsIssues(issues: readonly BeadsIssue[], options: MapBeadsOptions = {}): MappedBeadsImport {
  const known = new Set(options.knownIds ?? []);
  for (const issue of issues) known.add(issue.id);

  const tickets = issues.map((issue) => mapBeadsIssue(issue, known, options));
  const edges: BeadsDependency[] = [];
  const danglingEdges: BeadsDependency[] = [];
  for (const ticket of tickets) {
    for (const edge of ticket.dependencies) (known.has(edge.dependsOnId) ? edges : danglingEdges).push(edge);
  }
  return { tickets, edges, danglingEdges };
}

/** One issue; `knownIds` decides which parent-child edge may become `parentId`. */
export function mapBeadsIssue(
  issue: BeadsIssue,
  knownIds: ReadonlySet<string>,
  options: Pick<MapBeadsOptions, "phases" | "preferExportedPhase"> = {},
): TicketImport {
  const { metadata, block } = splitGateboardBlock(issue.metadata);
  const { phase: exportedPhase, files, ...gateboardRest } = block ?? {};
  const preferExported = options.preferExportedPhase ?? true;

  return {
    id: issue.id,
    title: issue.title,
    description: issue.description,
    design: issue.design,
    acceptanceCriteria: issue.acceptanceCriteria,
    notes: issue.notes,
    status: issue.status,
    phase:
      preferExported && typeof exportedPhase === "string" && exportedPhase !== ""
        ? exportedPhase
        : phaseFor(issue.status, issue.rawStatus, options.phases),
    priority: issue.priority,
    type: issue.issueType,
    assignee: issue.assignee,
    labels: [...issue.labels],
    parentId: pickParent(issue, knownIds),
    files: Array.isArray(files) ? files.filter((f): f is string => typeof f === "string") : [],
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    closedAt: issue.closedAt,
    closeReason: issue.closeReason,
    deferUntil: issue.deferUntil,
    dueAt: issue.dueAt,
    dependencies: issue.dependencies.map((dep) => ({ ...dep })),
    source: {
      system: "beads",
      rawStatus: issue.rawStatus,
      mappedStatus: issue.status,
      createdBy: issue.createdBy,
      externalRef: issue.externalRef,
      comments: issue.comments.map((c) => ({ ...c })),
      metadata,
      extra: { ...issue.extra },
      gateboard: block && Object.keys(gateboardRest).length > 0 ? gateboardRest : null,
    },
  };
}

/**
 * A child can carry several parent-child edges (4 issues in the legacy fixture do). The
 * one matching the hierarchical id (`bd-au0.5` → `bd-au0`) wins, then the smallest id.
 */
function pickParent(issue: BeadsIssue, knownIds: ReadonlySet<string>): string | null {
  const candidates = issue.dependencies
    .filter((dep) => dep.type === "parent-child" && knownIds.has(dep.dependsOnId) && dep.dependsOnId !== issue.id)
    .map((dep) => dep.dependsOnId);
  if (candidates.length === 0) return null;
  const hierarchical = candidates.find((id) => issue.id.startsWith(`${id}.`));
  return hierarchical ?? candidates.sort(compareIds)[0] ?? null;
}

function splitGateboardBlock(metadata: unknown): { metadata: unknown; block: Record<string, unknown> | null } {
  if (!isPlainObject(metadata) || !(GATEBOARD_METADATA_KEY in metadata)) return { metadata, block: null };
  const { [GATEBOARD_METADATA_KEY]: block, ...rest } = metadata;
  return {
    metadata: Object.keys(rest).length > 0 ? rest : null,
    block: isPlainObject(block) ? block : null,
  };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
