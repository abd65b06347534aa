import { z } from "zod";

/** Hard cap of one page; export pages through the whole view with it. */
export const AUDIT_PAGE_MAX = 500;

const optionalText = (max: number) =>
  z.preprocess((value) => (value === "" ? undefined : value), z.string().trim().min(1).max(max).optional());
const optionalTime = z.preprocess(
  (value) => (value === "" ? undefined : value),
  z.iso.datetime({ offset: true, message: "Use an ISO 8601 time, e.g. 2026-11-23T12:00:00Z" }).optional(),
);

/** Filters of the audit view, shared by the API, the export and the page (all from search params). */
export const auditFilterSchema = z.object({
  entity: optionalText(40).describe("Entity type: ticket, board, gate_request, user, agent, …"),
  entityId: optionalText(200).describe("Entity id, e.g. gb-a3f8"),
  actor: optionalText(200).describe("Actor id (user, agent or `system`)"),
  action: optionalText(80).describe("Exact action, e.g. ticket.moved"),
  board: optionalText(40).describe("Board key, e.g. gb"),
  from: optionalTime.describe("Only events at or after this time (ISO 8601)"),
  to: optionalTime.describe("Only events before this time (ISO 8601)"),
});

export const auditListQuerySchema = auditFilterSchema.extend({
  after: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().min(1).optional()).describe(
    "Cursor: the nextCursor of the previous page (events with a lower sequence follow)",
  ),
  limit: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(100)),
});

export const auditExportQuerySchema = auditFilterSchema.extend({
  format: z.enum(["jsonl", "csv"]).default("jsonl"),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;
export type AuditListQuery = z.input<typeof auditListQuerySchema>;
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;

const auditActorSchema = z.object({
  kind: z.enum(["user", "agent", "system"]),
  id: z.string(),
  role: z.string(),
  name: z.string().nullable().describe("Display name, null when the user or agent no longer exists"),
});

export const auditEventSchema = z.object({
  seq: z.int(),
  at: z.string().describe("UTC, ISO 8601"),
  actor: auditActorSchema,
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  boardKey: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
});

export const auditPageSchema = z.object({
  items: z.array(auditEventSchema),
  nextCursor: z.int().nullable().describe("Pass as `after` for the next page; null on the last page"),
});

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.int(),
  firstBadSeq: z.int().nullable(),
  problem: z.string().optional(),
});
