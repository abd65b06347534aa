import { z } from "zod";
import { apiRoute } from "@/lib/server/api/api-route";
import { updateTicketSchema } from "@/lib/schemas/ticket";
import { ticketDetailSchema } from "@/lib/schemas/ticket-detail";
import { getTicket } from "@/lib/server/get-ticket";
import { updateTicket } from "@/lib/server/update-ticket";

export const GET = apiRoute(
  {
    method: "GET",
    path: "/api/v1/tickets/{id}",
    summary: "One ticket with its dependencies, readiness, history, evidence and audit events",
    description:
      "Everything the ticket screen shows: fields, parent and children, dependency edges both ways (each says whether it blocks now), readiness with the reasons, phase history, artifacts, gate requests, the current phase's done definitions and the ticket's audit events (newest first, one page). A token scoped to another board gets 404.",
    tags: ["tickets"],
    params: z.object({ id: z.string().min(1).max(120).meta({ description: "Ticket id, e.g. gb-a3f8", example: "gb-a3f8" }) }),
    response: ticketDetailSchema,
  },
  async ({ actor, params }) => getTicket(actor, params.id),
);

export const PATCH = apiRoute(
  {
    method: "PATCH",
    path: "/api/v1/tickets/{id}",
    summary: "Edit a ticket",
    description:
      "Changes only the fields sent (never the phase: use the move endpoint). Send the `version` you last saw; a stale one is refused with 409 VERSION_CONFLICT and `details.currentVersion`.",
    tags: ["tickets"],
    params: z.object({ id: z.string().min(1).max(120).meta({ description: "Ticket id, e.g. gb-a3f8", example: "gb-a3f8" }) }),
    body: updateTicketSchema,
    response: z.object({ id: z.string(), version: z.int(), changed: z.array(z.string()).describe("Fields that changed; empty when nothing did") }),
  },
  async ({ actor, params, body }) => updateTicket(actor, params.id, body),
);
