import { apiRoute } from "@/lib/server/api/api-route";
import { documentIdParamsSchema } from "@/lib/schemas/plan";
import { exportPlanMarkdown } from "@/lib/server/export-plan-markdown";

export const GET = apiRoute(
  {
    method: "GET",
    path: "/api/v1/plans/{id}/export",
    summary: "Export a work plan as Markdown",
    description: "The plan written back in the work-plan format (`text/markdown`); importing it again gives the same structure.",
    tags: ["plans"],
    params: documentIdParamsSchema,
  },
  async ({ actor, params }) => {
    const { filename, markdown } = await exportPlanMarkdown(actor, params.id);
    return new Response(markdown, {
      headers: { "content-type": "text/markdown; charset=utf-8", "content-disposition": `attachment; filename="${filename}"` },
    });
  },
);
