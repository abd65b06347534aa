import { z } from "zod";
import { gateDecisionSchema } from "@/lib/schemas/gate-decision";
import { documentIdParamsSchema } from "@/lib/schemas/plan";
import { apiRoute } from "@/lib/server/api/api-route";
import { decidePlanHardStop } from "@/lib/server/decide-plan-hard-stop";

const hardStopGateSchema = z.object({
  gate: z.string().meta({ description: 'What is approved, as the plan names it, e.g. "User-Approved Commit"' }),
  state: z.enum(["not_reached", "waiting", "approved", "rejected", "done"]),
  decisions: z.array(
    z.object({ decision: z.enum(["approve", "reject"]), deciderName: z.string(), role: z.string(), comment: z.string().nullable(), at: z.string() }),
  ),
});

export const POST = apiRoute(
  {
    method: "POST",
    path: "/api/v1/plans/{id}/hard-stop/decision",
    summary: "Approve or reject a plan's HARD STOP",
    description:
      "A person with gate.decide (reviewer, lead, admin) decides the plan's HARD STOP gate; agents are refused. " +
      "CONFLICT when the plan has not reached it, or it is already decided (a rejection reopens when the plan is re-imported). A rejection needs a comment.",
    tags: ["plans", "gates"],
    params: documentIdParamsSchema,
    body: gateDecisionSchema,
    response: hardStopGateSchema,
  },
  async ({ actor, params, body }) => decidePlanHardStop(actor, params.id, body),
);
