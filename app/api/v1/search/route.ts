import { z } from "zod";
import { apiRoute } from "@/lib/server/api/api-route";
import { searchHitSchema, searchQuerySchema } from "@/lib/schemas/plan";
import { searchDocuments } from "@/lib/server/search-documents";

export const GET = apiRoute(
  {
    method: "GET",
    path: "/api/v1/search",
    summary: "Search plans and session summaries",
    description: "Case-insensitive full-text search across imported session summaries and work plans, with a snippet around each hit.",
    tags: ["plans", "summaries"],
    query: searchQuerySchema,
    response: z.object({ results: z.array(searchHitSchema) }),
  },
  async ({ actor, query }) => ({ results: await searchDocuments(actor, query) }),
);
