import { apiRoute } from "@/lib/server/api/api-route";
import { boardKeyParamsSchema } from "@/lib/schemas/api";
import { importBeadsBodySchema, importBeadsResultSchema } from "@/lib/schemas/beads";
import { importBeads } from "@/lib/server/import-beads";

/** Whole exports in one request: the 5.7k-issue legacy export is about 4 MB. */
const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

export const POST = apiRoute(
  {
    method: "POST",
    path: "/api/v1/boards/{board}/import/beads",
    summary: "Import a beads JSONL export",
    description:
      "Creates and updates tickets and their dependencies from a beads (`bd`) export, sent either as the file itself (`Content-Type: application/x-ndjson` or `text/plain`, e.g. `curl --data-binary @.beads/issues.jsonl`) or as JSON `{\"jsonl\": \"…\", \"phaseByStatus\": {…}}` when the default status → phase mapping needs overriding. Idempotent: the same file again changes nothing. A bad line is reported in `errors` with its line number and left out whole; the rest is imported. Bodies up to 16 MB; for larger exports use `gateboard import beads FILE`.",
    tags: ["beads"],
    params: boardKeyParamsSchema,
    body: importBeadsBodySchema,
    maxBodyBytes: MAX_IMPORT_BYTES,
    textBody: { contentTypes: ["application/x-ndjson", "application/jsonl", "text/plain"], description: "the JSONL file itself", toBody: (jsonl) => ({ jsonl }) },
    response: importBeadsResultSchema,
  },
  async ({ actor, params, body }) => importBeads(actor, params.board, body.jsonl, { phaseByStatus: body.phaseByStatus }),
);
