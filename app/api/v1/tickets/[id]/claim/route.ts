import { claimedTicketSchema, claimTicketSchema } from "@/lib/schemas/agent";
import { ticketIdParamsSchema } from "@/lib/schemas/api-gates";
import { apiRoute } from "@/lib/server/api/api-route";
import { claimTicket } from "@/lib/server/claim-ticket";

export const POST = apiRoute(
  {
    method: "POST",
    path: "/api/v1/tickets/{id}/claim",
    summary: "Claim a ready ticket",
    description:
      "Atomic: of racing claims exactly one wins; the others get 409 CONFLICT with `details.reason` ALREADY_CLAIMED (or NOT_OPEN). The ticket must be open, unassigned and ready (409 BLOCKED_BY_DEPENDENCIES otherwise). " +
      "It is assigned to the caller, set in progress and its version bumped. An agent at its capacity gets 409 WIP_LIMIT_REACHED. Body `{}`; a lead or admin may send `agentId` to claim for an agent.",
    tags: ["tickets"],
    params: ticketIdParamsSchema,
    body: claimTicketSchema,
    response: claimedTicketSchema,
  },
  async ({ actor, params, body }) => claimTicket(actor, params.id, body),
);
