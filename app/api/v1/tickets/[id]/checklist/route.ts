import { ticketIdParamsSchema } from "@/lib/schemas/api-gates";
import { checklistTickResultSchema, tickChecklistSchema, ticketChecklistSchema } from "@/lib/schemas/checklist";
import { apiRoute } from "@/lib/server/api/api-route";
import { getChecklist } from "@/lib/server/get-checklist";
import { tickChecklist } from "@/lib/server/tick-checklist";

export const GET = apiRoute(
  {
    method: "GET",
    path: "/api/v1/tickets/{id}/checklist",
    summary: "A ticket's checklist",
    description: "The done definitions of the ticket's current phase, each with its `index` and whether it is ticked, and where the workflow moves the ticket once all are.",
    tags: ["tickets"],
    params: ticketIdParamsSchema,
    response: ticketChecklistSchema,
  },
  async ({ actor, params }) => getChecklist(actor, params.id),
);

export const POST = apiRoute(
  {
    method: "POST",
    path: "/api/v1/tickets/{id}/checklist",
    summary: "Tick or untick a done definition",
    description:
      "Ticks (`done: true`) or unticks done definition `index` of the ticket's current phase. Send the `version` you last saw (409 VERSION_CONFLICT when stale). " +
      "Ticking the last one re-evaluates the phase's open checklist gates and tries the workflow's auto-transition through the ordinary move: " +
      "`advance` says whether the ticket moved, waits for a gate, or stays because the target column is at its hard WIP limit.",
    tags: ["tickets"],
    params: ticketIdParamsSchema,
    body: tickChecklistSchema,
    response: checklistTickResultSchema,
  },
  async ({ actor, params, body }) => tickChecklist(actor, params.id, body),
);
