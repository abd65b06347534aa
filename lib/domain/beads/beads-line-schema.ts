import { z } from "zod";
import { normaliseEdgeType, parseEdgeMetadata } from "@/lib/domain/dependencies/edge-types";
import { normaliseTimestamp } from "./timestamps";

// One JSONL line as beads writes it. Error texts name the problem; the parser prefixes the field path.

const text = (what = "a string") =>
  z.string({ error: (issue) => (issue.input === undefined ? "is required" : `must be ${what}`) });

const requiredText = () => text().min(1, { error: "must not be empty" });

/** Optional text that beads leaves out when empty; "" and null both mean absent. */
const optionalText = () =>
  text()
    .nullish()
    .transform((value) => (value ? value : null));

function toIso(value: string, ctx: z.RefinementCtx): string {
  const iso = normaliseTimestamp(value);
  if (iso === null) {
    ctx.addIssue({ code: "custom", message: `is not a valid timestamp: ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return iso;
}

const timestamp = () => text("an RFC 3339 timestamp").transform(toIso);

/** "" and null mean absent, as Go's zero time does. */
const optionalTimestamp = () =>
  text("an RFC 3339 timestamp")
    .nullish()
    .transform((value, ctx) => (value ? toIso(value, ctx) : null));

const edgeMetadata = z
  .unknown()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === null || value === "") return null;
    const parsed = parseEdgeMetadata(value);
    if (parsed === null) {
      ctx.addIssue({ code: "custom", message: "must be a JSON object or a string holding one" });
      return z.NEVER;
    }
    return parsed;
  });

export const dependencyLineSchema = z.object({
  issue_id: text().optional(),
  depends_on_id: requiredText(),
  type: requiredText().transform(normaliseEdgeType),
  created_at: optionalTimestamp(),
  created_by: optionalText(),
  metadata: edgeMetadata,
});

export const commentLineSchema = z.object({
  id: z.union([z.number().int(), z.string().min(1)], { error: "must be an integer or a non-empty string" }),
  issue_id: text().optional(),
  author: optionalText(),
  text: text().nullish().transform((value) => value ?? ""),
  created_at: timestamp(),
});

export const issueLineSchema = z.object({
  id: requiredText(),
  title: requiredText(),
  description: text()
    .nullish()
    .transform((value) => value ?? ""),
  design: optionalText(),
  acceptance_criteria: optionalText(),
  notes: optionalText(),
  // beads' SetDefaults: a missing status is open, a missing type is task.
  status: text()
    .nullish()
    .transform((value) => value || "open"),
  priority: z
    .number({ error: "must be an integer from 0 to 4" })
    .int({ error: "must be an integer from 0 to 4" })
    .min(0, { error: "must be an integer from 0 to 4" })
    .max(4, { error: "must be an integer from 0 to 4" })
    .nullish()
    .transform((value) => value ?? 2),
  issue_type: text()
    .nullish()
    .transform((value) => value || "task"),
  assignee: optionalText(),
  labels: z
    .array(text(), { error: "must be an array of strings" })
    .nullish()
    .transform((value) => value ?? []),
  created_at: optionalTimestamp(),
  created_by: optionalText(),
  updated_at: optionalTimestamp(),
  closed_at: optionalTimestamp(),
  close_reason: optionalText(),
  defer_until: optionalTimestamp(),
  due_at: optionalTimestamp(),
  external_ref: optionalText(),
  dependencies: z
    .array(dependencyLineSchema, { error: "must be an array" })
    .nullish()
    .transform((value) => value ?? []),
  comments: z
    .array(commentLineSchema, { error: "must be an array" })
    .nullish()
    .transform((value) => value ?? []),
  metadata: z.unknown().optional(),
});

export type IssueLine = z.output<typeof issueLineSchema>;

/** Keys the schema consumes; everything else on a line is carried in `extra`. */
export const KNOWN_ISSUE_KEYS: ReadonlySet<string> = new Set([...Object.keys(issueLineSchema.shape), "_type"]);
export const KNOWN_DEPENDENCY_KEYS: ReadonlySet<string> = new Set(Object.keys(dependencyLineSchema.shape));
