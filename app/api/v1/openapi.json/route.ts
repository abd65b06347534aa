import { apiRoute } from "@/lib/server/api/api-route";
import { openApiDocument } from "@/lib/server/api/openapi";
// Each route registers itself when its module loads; list every /api/v1 route here.
// (tests/integration/openapi.test.ts fails when one is missing.)
import "@/app/api/v1/agents/[id]/heartbeat/route";
import "@/app/api/v1/agents/route";
import "@/app/api/v1/audit/export/route";
import "@/app/api/v1/audit/route";
import "@/app/api/v1/audit/verify/route";
import "@/app/api/v1/boards/[board]/export/beads/route";
import "@/app/api/v1/boards/[board]/import/beads/route";
import "@/app/api/v1/boards/[board]/phases/[phase]/route";
import "@/app/api/v1/boards/[board]/ready/route";
import "@/app/api/v1/boards/[board]/route";
import "@/app/api/v1/boards/[board]/tickets/route";
import "@/app/api/v1/boards/route";
import "@/app/api/v1/events/route";
import "@/app/api/v1/gate-requests/[id]/decision/route";
import "@/app/api/v1/gate-requests/route";
import "@/app/api/v1/me/route";
import "@/app/api/v1/plans/[id]/export/route";
import "@/app/api/v1/plans/[id]/hard-stop/decision/route";
import "@/app/api/v1/plans/[id]/route";
import "@/app/api/v1/plans/route";
import "@/app/api/v1/search/route";
import "@/app/api/v1/summaries/[id]/route";
import "@/app/api/v1/summaries/route";
import "@/app/api/v1/tickets/[id]/artifacts/route";
import "@/app/api/v1/tickets/[id]/checklist/route";
import "@/app/api/v1/tickets/[id]/claim/route";
import "@/app/api/v1/tickets/[id]/dependencies/route";
import "@/app/api/v1/tickets/[id]/move/route";
import "@/app/api/v1/tickets/[id]/route";

export const GET = apiRoute(
  { method: "GET", path: "/api/v1/openapi.json", summary: "This API's OpenAPI 3.1 document", tags: ["meta"], auth: false },
  async ({ request }) => openApiDocument(new URL(request.url).origin),
);
