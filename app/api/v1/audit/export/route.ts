import { exportContentType, exportFileName } from "@/lib/domain/audit/export-format";
import { apiRoute } from "@/lib/server/api/api-route";
import { auditExportQuerySchema } from "@/lib/schemas/audit";
import { exportAuditEvents } from "@/lib/server/export-audit-events";

export const GET = apiRoute(
  {
    method: "GET",
    path: "/api/v1/audit/export",
    summary: "Export audit events",
    description: "The filtered audit view (same filters as GET /api/v1/audit, newest first) as a JSONL or CSV download, streamed page by page.",
    tags: ["audit"],
    query: auditExportQuerySchema,
  },
  async ({ actor, query }) => {
    const { format, ...filter } = query;
    const chunks = await exportAuditEvents(actor, filter, format);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        "content-type": exportContentType(format),
        "content-disposition": `attachment; filename="${exportFileName(format, new Date())}"`,
      },
    });
  },
);
