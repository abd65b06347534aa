import { agentIdParamsSchema, agentSchema, heartbeatSchema } from "@/lib/schemas/agent";
import { apiRoute } from "@/lib/server/api/api-route";
import { recordHeartbeat } from "@/lib/server/record-heartbeat";

export const POST = apiRoute(
  {
    method: "POST",
    path: "/api/v1/agents/{id}/heartbeat",
    summary: "Report an agent alive, its state and ticket",
    description:
      "A full report: an omitted `currentTicketId` or `note` means none. Clears `stale`. A state change the lifecycle does not allow is refused with 409 TRANSITION_NOT_ALLOWED; a stopped or crashed agent registers again instead. " +
      "An agent heartbeats for itself only (403 otherwise); a lead or an admin may for any agent.",
    tags: ["agents"],
    params: agentIdParamsSchema,
    body: heartbeatSchema,
    response: agentSchema,
  },
  async ({ actor, params, body }) => recordHeartbeat(actor, params.id, body),
);
