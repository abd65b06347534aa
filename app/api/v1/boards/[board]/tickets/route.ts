import { apiRoute } from "@/lib/server/api/api-route";
import { boardKeyParamsSchema } from "@/lib/schemas/api";
import { createTicketSchema } from "@/lib/schemas/ticket";
import { createdTicketSchema, ticketListQuerySchema, ticketListSchema } from "@/lib/schemas/ticket-list";
import { createTicket } from "@/lib/server/create-ticket";
import { listTickets } from "@/lib/server/list-tickets";

export const GET = apiRoute(
  {
    method: "GET",
    path: "/api/v1/boards/{board}/tickets",
    summary: "List a board's tickets",
    description:
      "Compact tickets in board order (phase left to right, then position), filtered by `phase`, `status`, `assignee` (email, id, agent name or `none`) and `q` (id or title contains, case-insensitive). " +
      "Pages of `limit`; pass `nextCursor` back as `cursor` for the next one.",
    tags: ["tickets"],
    params: boardKeyParamsSchema,
    query: ticketListQuerySchema,
    response: ticketListSchema,
  },
  async ({ actor, params, query }) => listTickets(actor, params.board, query),
);

export const POST = apiRoute(
  {
    method: "POST",
    path: "/api/v1/boards/{board}/tickets",
    summary: "Create a ticket",
    description: "Creates a ticket at the bottom of `phase` (the board's first phase when left out). A `parentId` makes it a child with the id `<parent>.<n>`. A ticket cannot start behind a gate (409 `TRANSITION_NOT_ALLOWED`, `details.creatable` lists where it may; `GET /api/v1/boards` marks those phases `creatable`). The column's WIP policy applies as it does to a move: a full hard-limit column refuses with 409 `WIP_LIMIT_REACHED` unless a lead or admin sends `overrideWip` with a `reason`; a soft limit lets the ticket in and sets `wipFlag`.",
    tags: ["tickets"],
    params: boardKeyParamsSchema,
    body: createTicketSchema,
    response: createdTicketSchema,
    status: 201,
  },
  async ({ actor, params, body }) => createTicket(actor, params.board, body),
);
