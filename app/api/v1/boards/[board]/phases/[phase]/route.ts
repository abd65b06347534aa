import { apiRoute } from "@/lib/server/api/api-route";
import { boardPhaseParamsSchema, updatedPhaseSchema, updatePhaseSchema } from "@/lib/schemas/board";
import { updatePhase } from "@/lib/server/update-phase";

export const PATCH = apiRoute(
  {
    method: "PATCH",
    path: "/api/v1/boards/{board}/phases/{phase}",
    summary: "Change a column's name or WIP settings",
    description:
      "Changes only the fields sent; `null` clears `wipMin` or `wipMax`. The resulting settings must fit together (a soft or hard policy needs a max; min ≤ max), " +
      "else 400 VALIDATION_FAILED with `details.issues` naming each field. A limit below the current count is allowed: the column then shows as over it. " +
      "Lead or admin; audited as `phase.updated` with the values before and after.",
    tags: ["boards"],
    params: boardPhaseParamsSchema,
    body: updatePhaseSchema,
    response: updatedPhaseSchema,
  },
  async ({ actor, params, body }) => updatePhase(actor, params.board, params.phase, body),
);
