import { gateRequestListQuerySchema } from "@/lib/schemas/api-gates";
import { apiRoute } from "@/lib/server/api/api-route";
import { listGateRequests } from "@/lib/server/list-gate-requests";

export const GET = apiRoute(
  {
    method: "GET",
    path: "/api/v1/gate-requests",
    summary: "Open gate requests, oldest first, with their evidence",
    tags: ["gates"],
    query: gateRequestListQuerySchema,
  },
  async ({ actor, query }) => ({ items: await listGateRequests(actor, { status: query.status, boardKey: query.board, ticketId: query.ticket }) }),
);
