import { z } from "zod";
import { apiRoute } from "@/lib/server/api/api-route";
import { importPlanSchema, planImportResultSchema, planListItemSchema } from "@/lib/schemas/plan";
import { importPlan } from "@/lib/server/import-plan";
import { listPlans } from "@/lib/server/list-plans";

// A document may be up to MAX_DOCUMENT_CHARS; as a JSON string with escapes and multi-byte
// characters that is several times as many bytes, so the body limit leaves the schema to judge.
const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

export const GET = apiRoute(
  {
    method: "GET",
    path: "/api/v1/plans",
    summary: "List work plans",
    description: "Imported work plans, most recently imported first, with task counts and status.",
    tags: ["plans"],
    response: z.object({ plans: z.array(planListItemSchema) }),
  },
  async ({ actor }) => ({ plans: await listPlans(actor) }),
);

// The Markdown itself (`curl --data-binary @plan.md -H 'content-type: text/markdown' …?board=gb`)
// or JSON `{"markdown": "# Beads Work Plan\n…", "boardKey": "gb"}`.
export const POST = apiRoute(
  {
    method: "POST",
    path: "/api/v1/plans",
    summary: "Import a work plan",
    description:
      "Parses a \"Beads Work Plan\" Markdown document, sent as the body itself (`text/markdown` or `text/plain`, board in `?board=`) or as JSON `{markdown, boardKey?}`, and stores it by session id: importing the same session again updates the plan (200) instead of creating one (201). With `boardKey` the plan's tasks become or update tickets on that board (matched by task id) with their `blocks` and `parent-child` dependencies. Input that is not a plan is refused with 400 VALIDATION_FAILED and `details.errors` as `[{line, message}]`.",
    tags: ["plans"],
    body: importPlanSchema,
    query: z.object({ board: z.string().optional().describe("Board key to reconcile the tasks with, when the body is the Markdown itself") }),
    textBody: { contentTypes: ["text/markdown", "text/plain"], description: "the Markdown document itself", toBody: (markdown) => ({ markdown }) },
    maxBodyBytes: MAX_DOCUMENT_BYTES,
    response: planImportResultSchema,
    status: 201,
  },
  async ({ actor, body, query }) => {
    const result = await importPlan(actor, { ...body, boardKey: body.boardKey ?? query.board });
    return Response.json(result, { status: result.created ? 201 : 200 });
  },
);
