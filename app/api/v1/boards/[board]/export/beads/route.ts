import { apiRoute } from "@/lib/server/api/api-route";
import { boardKeyParamsSchema } from "@/lib/schemas/api";
import { exportBeads } from "@/lib/server/export-beads";

export const GET = apiRoute(
  {
    method: "GET",
    path: "/api/v1/boards/{board}/export/beads",
    summary: "Export a board as beads JSONL",
    description: "One `_type: \"issue\"` line per ticket (application/x-ndjson) in the shape `bd import` accepts; Gateboard-only data travels in `metadata.gateboard`.",
    tags: ["beads"],
    params: boardKeyParamsSchema,
  },
  async ({ actor, params }) => {
    const result = await exportBeads(actor, params.board);
    return new Response(result.jsonl, {
      headers: {
        "content-type": "application/x-ndjson; charset=utf-8",
        "content-disposition": `attachment; filename="${result.boardKey}-beads.jsonl"`,
      },
    });
  },
);
