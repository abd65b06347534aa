import { apiRoute } from "@/lib/server/api/api-route";
import { boardKeyParamsSchema } from "@/lib/schemas/api";
import { importBeadsBodySchema, importBeadsResultSchema } from "@/lib/schemas/beads";
import { importBeads } from "@/lib/server/import-beads";

export const POST = apiRoute(
  {
    method: "POST",
    path: "/api/v1/boards/{board}/import/beads",
    summary: "Import a beads JSONL export",
    description:
      "Creates and updates tickets and their dependencies from a beads (`bd`) export sent as `{\"jsonl\": \"…\"}`. Idempotent: the same file again changes nothing. A bad line is reported in `errors` with its line number and left out whole; the rest is imported. The 1 MB body limit applies: split a larger export by lines or use `gateboard import beads FILE`.",
    tags: ["beads"],
    params: boardKeyParamsSchema,
    body: importBeadsBodySchema,
    response: importBeadsResultSchema,
  },
  async ({ actor, params, body }) => importBeads(actor, params.board, body.jsonl, { phaseByStatus: body.phaseByStatus }),
);
