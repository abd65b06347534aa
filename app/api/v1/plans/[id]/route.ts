import { z } from "zod";
import { apiRoute } from "@/lib/server/api/api-route";
import { documentIdParamsSchema } from "@/lib/schemas/plan";
import { getPlan } from "@/lib/server/get-plan";

export const GET = apiRoute(
  {
    method: "GET",
    path: "/api/v1/plans/{id}",
    summary: "One work plan",
    description: "The parsed plan (by id or session id), its parse warnings, and the live phase of each task's ticket on the plan's board.",
    tags: ["plans"],
    params: documentIdParamsSchema,
    response: z.object({ plan: z.record(z.string(), z.unknown()) }),
  },
  async ({ actor, params }) => ({ plan: await getPlan(actor, params.id) }),
);
