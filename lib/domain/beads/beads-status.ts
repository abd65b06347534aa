// beads statuses (built-in and custom) onto Gateboard's five, and statuses onto board phases.

export const TICKET_STATUSES = ["open", "in_progress", "blocked", "deferred", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Phase keys of the default `software-development` workflow. */
export const DEFAULT_WORKFLOW_PHASES = [
  "backlog",
  "analyzing",
  "building",
  "testing",
  "review",
  "deploying",
  "done",
] as const;

/** Where an imported ticket lands on the default board unless the caller says otherwise. */
export const DEFAULT_PHASE_BY_STATUS: Readonly<Record<TicketStatus, string>> = {
  open: "backlog",
  in_progress: "building",
  blocked: "backlog",
  deferred: "backlog",
  closed: "done",
};

const BUILT_IN: Readonly<Record<string, TicketStatus>> = {
  open: "open",
  in_progress: "in_progress",
  blocked: "blocked",
  deferred: "deferred",
  closed: "closed",
  // A pinned bead is standing context that never closes; it is not work in progress.
  pinned: "open",
  // A hooked bead is attached to an agent that is working it.
  hooked: "in_progress",
};

// Custom statuses are free text (`bd config set status.custom`); match common words.
const KEYWORDS: ReadonlyArray<[TicketStatus, RegExp]> = [
  ["closed", /done|complete|resolved|fixed|merged|shipped|released|cancel|won'?t_?fix|rejected|abandon|duplicate|obsolete/],
  ["deferred", /defer|later|someday|icebox|parked|snooze|postpone/],
  ["blocked", /block|waiting|wait_for|on_hold|hold|stuck|needs_info/],
  ["in_progress", /progress|doing|active|started|working|wip|review|testing|qa|implement|building|hook/],
];

/** Nearest Gateboard status for a raw beads status; `overrides` (by raw status) win. */
export function nearestTicketStatus(
  rawStatus: string,
  overrides?: Readonly<Record<string, TicketStatus>>,
): TicketStatus {
  const override = overrides?.[rawStatus];
  if (override) return override;
  const key = rawStatus.trim().toLowerCase().replace(/[\s-]+/g, "_");
  const builtIn = BUILT_IN[key];
  if (builtIn) return builtIn;
  for (const [status, pattern] of KEYWORDS) if (pattern.test(key)) return status;
  return "open";
}

export interface PhaseMapping {
  /** Replaces entries of DEFAULT_PHASE_BY_STATUS. */
  byStatus?: Partial<Record<TicketStatus, string>>;
  /** Checked first: a raw beads status (e.g. a custom "review") straight to a phase. */
  byRawStatus?: Readonly<Record<string, string>>;
}

export function phaseFor(status: TicketStatus, rawStatus: string, mapping?: PhaseMapping): string {
  return mapping?.byRawStatus?.[rawStatus] ?? mapping?.byStatus?.[status] ?? DEFAULT_PHASE_BY_STATUS[status];
}
