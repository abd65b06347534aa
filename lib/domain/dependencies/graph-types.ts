// Database-independent inputs of the dependency graph rules.

/** A ticket as the graph rules see it. `status` may be a raw beads status (pinned, hooked, …). */
export interface GraphTicket {
  id: string;
  status: string;
  type: string;
  priority?: number | null;
  parentId?: string | null;
  /** ISO timestamp; the ticket stays out of the ready queue until then. */
  deferUntil?: string | null;
  assignee?: string | null;
  files: string[];
}

/** `issueId` depends on `dependsOnId` (for parent-child: the child depends on its parent). */
export interface GraphEdge {
  issueId: string;
  dependsOnId: string;
  type: string;
  /** Object or the JSON string beads exports. */
  metadata?: Record<string, unknown> | string | null;
}

/** Statuses after which a ticket no longer holds anything up. */
export function isResolvedStatus(status: string): boolean {
  return status === "closed" || status === "pinned";
}

export const WORKABLE_STATUSES: readonly string[] = ["open", "in_progress"];

/** Issue types that represent coordination machinery rather than work anyone picks up. */
export const NON_WORK_TYPES: readonly string[] = [
  "gate",
  "molecule",
  "message",
  "agent",
  "role",
  "rig",
  "merge-request",
];

/** Priority used for ordering when a ticket has none (beads' default). */
export const DEFAULT_PRIORITY = 2;

export function priorityOf(ticket: { priority?: number | null }): number {
  return ticket.priority ?? DEFAULT_PRIORITY;
}

/** Stable order used for every ticket list the graph rules return. */
export function compareByPriorityThenId(
  a: { id: string; priority?: number | null },
  b: { id: string; priority?: number | null },
): number {
  return priorityOf(a) - priorityOf(b) || compareIds(a.id, b.id);
}

/** Plain code-unit order, so results do not depend on the host's locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
