import { z } from "zod";
import { apiRoute } from "@/lib/server/api/api-route";
import { importSummarySchema, summaryImportResultSchema, summaryListItemSchema } from "@/lib/schemas/plan";
import { importSummary } from "@/lib/server/import-summary";
import { listSummaries } from "@/lib/server/list-summaries";

// A document may be up to MAX_DOCUMENT_CHARS; as a JSON string with escapes and multi-byte
// characters that is several times as many bytes, so the body limit leaves the schema to judge.
const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

export const GET = apiRoute(
  {
    method: "GET",
    path: "/api/v1/summaries",
    summary: "List session summaries",
    description: "Imported session summaries and progress logs, newest session first, with their key metrics.",
    tags: ["summaries"],
    response: z.object({ summaries: z.array(summaryListItemSchema) }),
  },
  async ({ actor }) => ({ summaries: await listSummaries(actor) }),
);

// The Markdown itself (`text/markdown`, `text/plain`) or JSON `{"markdown": "# Session Completion Summary\n…"}`.
export const POST = apiRoute(
  {
    method: "POST",
    path: "/api/v1/summaries",
    summary: "Import a session summary",
    description:
      "Parses a session completion summary or a dated progress log sent as the body itself (`text/markdown` or `text/plain`) or as JSON `{markdown}`; mis-decoded text (\"âœ…\" for ✅) is repaired. The same document imported again updates it (200) instead of creating one (201). Input that is neither is refused with 400 VALIDATION_FAILED and `details.errors` as `[{line, message}]`.",
    tags: ["summaries"],
    body: importSummarySchema,
    textBody: { contentTypes: ["text/markdown", "text/plain"], description: "the Markdown document itself", toBody: (markdown) => ({ markdown }) },
    maxBodyBytes: MAX_DOCUMENT_BYTES,
    response: summaryImportResultSchema,
    status: 201,
  },
  async ({ actor, body }) => {
    const result = await importSummary(actor, body);
    return Response.json(result, { status: result.created ? 201 : 200 });
  },
);
