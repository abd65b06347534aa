import { z } from "zod";

/** Ticket types Gateboard creates; imported beads types are kept as they come. */
export const TICKET_TYPES = ["epic", "feature", "task", "bug", "chore"] as const;
export const TICKET_STATUSES = ["open", "in_progress", "blocked", "deferred", "closed"] as const;

const MAX_MARKDOWN = 50_000;

const title = z.string().trim().min(1, "Title is required").max(200, "Title is at most 200 characters");
const markdown = (label: string) =>
  z.string().max(MAX_MARKDOWN, `${label} is at most ${MAX_MARKDOWN.toLocaleString("en")} characters`);
const priority = z.int().min(0, "Priority is 0 (critical) to 4 (backlog)").max(4, "Priority is 0 (critical) to 4 (backlog)");
const stringList = (label: string, max: number) =>
  z
    .array(z.string().trim().min(1, `${label} cannot be empty`).max(300))
    .max(max, `At most ${max} ${label.toLowerCase()}`)
    // A set in the order given: duplicates would only be noise in the audit trail.
    .transform((items) => [...new Set(items)]);

/** Body of a ticket creation; the board comes from the path (`/boards/{key}/tickets`). */
export const createTicketSchema = z
  .object({
    title: title.describe("One line, 1–200 characters"),
    description: markdown("Description").default("").describe("Markdown"),
    acceptanceCriteria: markdown("Acceptance criteria").default("").describe("Markdown"),
    type: z.enum(TICKET_TYPES).default("task"),
    priority: priority.default(2).describe("0 (critical) … 4 (backlog)"),
    labels: stringList("Labels", 50).default([]),
    files: stringList("Files", 500).default([]).describe("Repository paths the work touches; a trailing slash marks a directory"),
    parentId: z.string().trim().min(1).max(120).nullish().describe("Parent epic; the new ticket gets the id <parent>.<n>"),
    phase: z.string().trim().min(1).max(40).optional().describe("Key of the column to create it in; the board's first phase when left out. The column's WIP limit applies as it does to a move"),
    overrideWip: z.boolean().optional().describe("Lead or admin only: create it in a full hard-limit column (needs a reason)"),
    reason: z.string().trim().max(500).optional().describe("Why; required when overriding a hard WIP limit, kept in the audit trail"),
  })
  .strict();

/** Body of a ticket edit: only the fields sent change. Phase is not one: moves have their own use case. */
export const updateTicketSchema = z
  .object({
    version: z.int().min(1).describe("The ticket version the client last saw; a stale one is refused with VERSION_CONFLICT"),
    title: title.optional(),
    description: markdown("Description").optional(),
    acceptanceCriteria: markdown("Acceptance criteria").optional(),
    type: z.enum(TICKET_TYPES).optional(),
    priority: priority.optional(),
    labels: stringList("Labels", 50).optional(),
    files: stringList("Files", 500).optional(),
    status: z.enum(TICKET_STATUSES).optional(),
    reason: z.string().trim().max(2_000).optional().describe("Why; kept in the audit trail"),
  })
  .strict();

export type CreateTicketInput = z.input<typeof createTicketSchema>;
export type UpdateTicketInput = z.input<typeof updateTicketSchema>;
