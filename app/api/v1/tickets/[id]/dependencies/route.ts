import { apiRoute } from "@/lib/server/api/api-route";
import { dependencyInputSchema, dependencyRemoveSchema, dependencyResultSchema, ticketIdParamsSchema } from "@/lib/schemas/dependency";
import { addDependency } from "@/lib/server/add-dependency";
import { removeDependency } from "@/lib/server/remove-dependency";

export const POST = apiRoute(
  {
    method: "POST",
    path: "/api/v1/tickets/{id}/dependencies",
    summary: "Add a dependency",
    description:
      "Makes the ticket depend on `dependsOnId`. An edge that would close a cycle among blocks, conditional-blocks, waits-for and parent-child edges is refused with 409 DEPENDENCY_CYCLE and `details.cycle`.",
    tags: ["dependencies"],
    params: ticketIdParamsSchema,
    body: dependencyInputSchema,
    response: dependencyResultSchema,
  },
  async ({ actor, params, body }) => addDependency(actor, params.id, body),
);

export const DELETE = apiRoute(
  {
    method: "DELETE",
    path: "/api/v1/tickets/{id}/dependencies",
    summary: "Remove a dependency",
    description: "Removes the edge named by `dependsOnId` and `type` in the query (`?dependsOnId=gb-1&type=blocks`; type defaults to blocks).",
    tags: ["dependencies"],
    params: ticketIdParamsSchema,
    query: dependencyRemoveSchema,
    response: dependencyResultSchema,
  },
  async ({ actor, params, query }) => removeDependency(actor, params.id, query),
);
