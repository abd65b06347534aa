import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

extendZodWithOpenApi(z);

const phaseKey = z.string().trim().min(1).max(40);

export const importBeadsBodySchema = z
  .object({
    jsonl: z.string().min(1, "The JSONL text is empty").describe("The beads export, one issue per line (`bd export` / .beads/issues.jsonl)"),
    phaseByStatus: z
      .record(z.string().trim().min(1).max(60), phaseKey)
      .optional()
      .describe("Status (open, in_progress, blocked, deferred, closed, or a raw beads status) → phase key; overrides the default mapping"),
  })
  .strict();
export type ImportBeadsBody = z.output<typeof importBeadsBodySchema>;

export const importBeadsResultSchema = z
  .object({
    created: z.int(),
    updated: z.int(),
    unchanged: z.int(),
    skipped: z.object({ tombstone: z.int(), nonIssue: z.int() }),
    errors: z.array(z.object({ line: z.int(), message: z.string() })).describe("Lines left out, each whole; the rest was imported"),
  })
  .openapi("BeadsImportResult");

const flag = z
  .enum(["1", "0", "true", "false"])
  .optional()
  .transform((value) => value === "1" || value === "true");

export const readyQueueQuerySchema = z.object({
  claimable: flag.describe("1: only tickets an agent may claim now (ready, open, unassigned)"),
  explain: flag.describe("1: say for every ticket that is not ready why (which edge, which ancestor)"),
});

const readyItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  type: z.string(),
  priority: z.int(),
  status: z.string(),
  assignee: z.string().nullable(),
  files: z.array(z.string()),
  claimable: z.boolean(),
});

export const readyQueueSchema = z
  .object({
    asOf: z.string(),
    claimableOnly: z.boolean(),
    items: z.array(readyItemSchema).describe("Ready tickets by priority, then id"),
    batches: z.array(z.array(z.string())).describe("Parallel-safe groups of the items: no two tickets in a group touch the same files"),
    conflicts: z.array(z.object({ a: z.string(), b: z.string(), files: z.array(z.string()) })).describe("Pairs of items that must run one after the other"),
    blocked: z.array(z.object({ id: z.string(), title: z.string() })),
    counts: z.object({ tickets: z.int(), ready: z.int(), claimable: z.int(), blocked: z.int() }),
    explain: z
      .record(z.string(), z.array(z.looseObject({ kind: z.string() })))
      .optional()
      .describe("With explain=1: for every ticket that is not ready, why"),
  })
  .openapi("ReadyQueue");
