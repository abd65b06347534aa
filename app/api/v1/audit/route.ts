import { apiRoute } from "@/lib/server/api/api-route";
import { auditListQuerySchema, auditPageSchema } from "@/lib/schemas/audit";
import { listAuditEvents } from "@/lib/server/list-audit-events";

export const GET = apiRoute(
  {
    method: "GET",
    path: "/api/v1/audit",
    summary: "List audit events",
    description:
      "The audit trail, newest first, filtered by entity, actor, action, board and time. Pages with a cursor: pass `nextCursor` as `after`; null means the last page.",
    tags: ["audit"],
    query: auditListQuerySchema,
    response: auditPageSchema,
  },
  async ({ actor, query }) => listAuditEvents(actor, query),
);
