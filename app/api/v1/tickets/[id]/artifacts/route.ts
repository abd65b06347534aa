import { attachArtifactSchema } from "@/lib/schemas/artifact";
import { ticketIdParamsSchema } from "@/lib/schemas/api-gates";
import { apiRoute } from "@/lib/server/api/api-route";
import { attachArtifact } from "@/lib/server/attach-artifact";

export const POST = apiRoute(
  {
    method: "POST",
    path: "/api/v1/tickets/{id}/artifacts",
    summary: "Attach evidence to a ticket",
    description: "text, json, junit (JUnit XML, parsed and refused when malformed) or link. Open gate requests of the ticket are re-evaluated; `gates` says whether the ticket moved on.",
    tags: ["gates"],
    params: ticketIdParamsSchema,
    body: attachArtifactSchema,
    status: 201,
  },
  async ({ actor, params, body }) => attachArtifact(actor, params.id, body),
);
