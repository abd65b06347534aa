import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { TICKET_STATUSES } from "@/lib/schemas/ticket";

// The board's ticket list (GET /api/v1/boards/{board}/tickets): filters, one page of compact
// tickets and the cursor to the next page. Shared by the use case, the route and the CLI's
// documentation of what it prints.
extendZodWithOpenApi(z);

export const TICKET_PAGE_DEFAULT = 100;
export const TICKET_PAGE_MAX = 500;

/** An empty query value (`?phase=`) means "no filter", as a form would send it. */
const optionalText = (max: number) =>
  z.preprocess((value) => (value === "" ? undefined : value), z.string().trim().min(1).max(max).optional());

export const ticketListQuerySchema = z.object({
  phase: optionalText(40).describe("Only this phase (its key, e.g. `building`)"),
  status: z
    .preprocess((value) => (value === "" ? undefined : value), z.enum(TICKET_STATUSES).optional())
    .describe("Only this status: open, in_progress, blocked, deferred or closed"),
  assignee: optionalText(200).describe("Only tickets of this assignee: a person's email or id, an agent's name or id, or `none` for unassigned ones"),
  q: optionalText(200).describe("Text the id or title contains, taken literally (% and _ too); case-insensitive (on SQLite for ASCII letters only)"),
  limit: z
    .preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().min(1).max(TICKET_PAGE_MAX).default(TICKET_PAGE_DEFAULT))
    .describe(`Tickets per page (1–${TICKET_PAGE_MAX})`),
  cursor: optionalText(1_000).describe("The nextCursor of the previous page"),
});
export type TicketListQuery = z.input<typeof ticketListQuerySchema>;

export const ticketListItemSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    type: z.string(),
    priority: z.int(),
    status: z.string(),
    phase: z.string().meta({ description: "Phase key" }),
    rank: z.string().meta({ description: "Position inside the column (fractional index)" }),
    version: z.int().meta({ description: "Send it back with a move or an edit" }),
    parentId: z.string().nullable(),
    assignee: z.object({ kind: z.enum(["user", "agent"]), id: z.string(), name: z.string() }).nullable(),
    labels: z.array(z.string()),
    updatedAt: z.string(),
  })
  .openapi("TicketListItem");
export type TicketListItem = z.infer<typeof ticketListItemSchema>;

export const ticketListSchema = z
  .object({
    board: z.string().meta({ description: "The board key" }),
    items: z.array(ticketListItemSchema).describe("By phase (left to right), then position in the column"),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last one. A page may hold fewer than `limit` tickets and still have a next one"),
  })
  .openapi("TicketList");
export type TicketList = z.infer<typeof ticketListSchema>;

export const createdTicketSchema = z
  .object({
    id: z.string(),
    boardId: z.string(),
    phase: z.string(),
    rank: z.string(),
    version: z.int(),
    wipFlag: z.enum(["over-soft-limit", "hard-limit-overridden"]).nullable().describe("Set when the ticket went over the column's soft WIP limit, or a lead overrode its hard one"),
  })
  .openapi("CreatedTicket");
