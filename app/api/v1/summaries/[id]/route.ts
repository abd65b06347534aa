import { z } from "zod";
import { apiRoute } from "@/lib/server/api/api-route";
import { documentIdParamsSchema } from "@/lib/schemas/plan";
import { getSummary } from "@/lib/server/get-summary";

export const GET = apiRoute(
  {
    method: "GET",
    path: "/api/v1/summaries/{id}",
    summary: "One session summary",
    description: "The parsed summary, its metrics and the repaired Markdown.",
    tags: ["summaries"],
    params: documentIdParamsSchema,
    response: z.object({ summary: z.record(z.string(), z.unknown()) }),
  },
  async ({ actor, params }) => ({ summary: await getSummary(actor, params.id) }),
);
