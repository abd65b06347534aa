import { gateDecisionSchema } from "@/lib/schemas/gate-decision";
import { gateRequestIdParamsSchema } from "@/lib/schemas/api-gates";
import { apiRoute } from "@/lib/server/api/api-route";
import { decideGate } from "@/lib/server/decide-gate";

export const POST = apiRoute(
  {
    method: "POST",
    path: "/api/v1/gate-requests/{id}/decision",
    summary: "Approve or reject a gate request",
    description: "Reviewers and leads only; never the ticket's assignee or the requester; a rejection needs a comment. The last approval moves the ticket on by itself (or leaves it approved and waiting for room in the column).",
    tags: ["gates"],
    params: gateRequestIdParamsSchema,
    body: gateDecisionSchema,
  },
  async ({ actor, params, body }) => decideGate(actor, params.id, body),
);
