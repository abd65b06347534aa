import { AppError } from "@/lib/domain/errors";
import { moveTicketSchema } from "@/lib/schemas/move";
import { moveResultSchema, ticketIdParamsSchema } from "@/lib/schemas/api-gates";
import { apiRoute } from "@/lib/server/api/api-route";
import { moveTicket } from "@/lib/server/move-ticket";

export const POST = apiRoute(
  {
    method: "POST",
    path: "/api/v1/tickets/{id}/move",
    summary: "Move a ticket to a phase and position",
    description:
      "Moves the ticket into `toPhase`, between `afterId` (the card above) and `beforeId` (the card below); neither: the bottom. " +
      "Refusals: VERSION_CONFLICT (stale `version`), TRANSITION_NOT_ALLOWED, WIP_LIMIT_REACHED, GATE_PENDING (details.gateRequestId; the ticket moves by itself once the gate is met).",
    tags: ["tickets"],
    params: ticketIdParamsSchema,
    body: moveTicketSchema,
    response: moveResultSchema,
  },
  async ({ actor, params, body }) => {
    const result = await moveTicket(actor, params.id, body);
    if (result.outcome === "gate_pending") {
      throw new AppError("GATE_PENDING", `${params.id} waits for a gate: ${result.needs.join("; ")}. Gate request ${result.gateRequestId} is open; the ticket moves on by itself once it is met.`, {
        gateRequestId: result.gateRequestId,
        needs: result.needs,
      });
    }
    return result;
  },
);
