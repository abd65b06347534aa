import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

// Inputs and outputs of plan and session-summary imports, shared by the use cases, the
// /api/v1 routes (and their OpenAPI document) and the import form. The parsed documents
// themselves are described by lib/domain/plans/types.ts; the API documents them loosely.
extendZodWithOpenApi(z);

/** Just under apiRoute's 1 MB body limit, leaving room for the JSON envelope. */
export const MAX_DOCUMENT_CHARS = 1_000_000;

const markdown = z
  .string()
  .max(MAX_DOCUMENT_CHARS, `The document is longer than ${MAX_DOCUMENT_CHARS} characters.`)
  .refine((text) => text.trim() !== "", "The document is empty: paste or upload the Markdown.")
  .meta({ description: "The whole Markdown document as written by the orchestrator" });

export const importPlanSchema = z.object({
  markdown,
  boardKey: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .optional()
    .meta({ description: "Reconcile the plan's tasks into tickets on this board (matched by task id)", example: "gb" }),
});
export type ImportPlanInput = z.input<typeof importPlanSchema>;

export const importSummarySchema = z.object({ markdown });
export type ImportSummaryInput = z.input<typeof importSummarySchema>;

export const documentIdParamsSchema = z.object({
  id: z.string().min(1).max(200).meta({ description: "The plan's or summary's id" }),
});

export const searchQuerySchema = z.object({
  q: z.string().trim().min(2, "Type at least 2 characters.").max(200).meta({ description: "Text to find (case-insensitive)", example: "heartbeat" }),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.input<typeof searchQuerySchema>;

const parseIssueSchema = z.object({ line: z.int(), message: z.string() });

export const planImportResultSchema = z
  .object({
    id: z.string(),
    sessionId: z.string(),
    created: z.boolean().meta({ description: "False when an earlier import of the same session was updated" }),
    warnings: z.array(parseIssueSchema),
    repairedSequences: z.int(),
    reconcile: z
      .object({
        boardKey: z.string(),
        created: z.array(z.string()),
        updated: z.array(z.string()),
        unchanged: z.array(z.string()),
        skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
        dependenciesAdded: z.int(),
      })
      .nullable(),
    plan: z.record(z.string(), z.unknown()).meta({ description: "The parsed plan (phases, tasks, conflict matrix, …)" }),
  })
  .openapi("PlanImportResult");

export const summaryImportResultSchema = z
  .object({
    id: z.string(),
    created: z.boolean(),
    kind: z.enum(["completion-summary", "progress-log"]),
    warnings: z.array(parseIssueSchema),
    repairedSequences: z.int(),
    summary: z.record(z.string(), z.unknown()),
  })
  .openapi("SummaryImportResult");

export const planListItemSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  title: z.string(),
  status: z.string(),
  currentPhase: z.string().nullable(),
  generatedAt: z.string().nullable(),
  boardKey: z.string().nullable(),
  taskCount: z.int(),
  doneTaskCount: z.int(),
  warningCount: z.int(),
  updatedAt: z.string(),
});

export const summaryListItemSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  date: z.string().nullable(),
  metrics: z.object({
    testsPassed: z.int().nullable(),
    testsTotal: z.int().nullable(),
    durationText: z.string().nullable(),
    durationMinutes: z.number().nullable(),
    completionPercent: z.number().nullable(),
  }),
  warningCount: z.int(),
  updatedAt: z.string(),
});

export const searchHitSchema = z.object({
  kind: z.enum(["plan", "summary"]),
  id: z.string(),
  title: z.string(),
  href: z.string(),
  snippet: z.object({ before: z.string(), match: z.string(), after: z.string() }),
});
