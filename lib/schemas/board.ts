import { z } from "zod";
import { BOARD_KEY_PATTERN } from "@/lib/domain/board-key";

const boardName = z.string().trim().min(1, "Name is required").max(80, "Name is at most 80 characters");

/** Body of a board creation: its columns come from the workflow file. */
export const createBoardSchema = z
  .object({
    name: boardName.describe("The board's display name, 1–80 characters"),
    key: z
      .string()
      .trim()
      .toLowerCase()
      .regex(BOARD_KEY_PATTERN, "Key is 2–10 lower-case letters or digits, starting with a letter (it prefixes ticket ids)")
      .describe("Ticket id prefix, e.g. `gb` for gb-a3f8; unique, cannot change later"),
    workflow: z.string().trim().min(1, "Choose a workflow").default("software-development").describe("A workflow file in workflows/, without .yaml"),
  })
  .strict();

/** Body of a board rename. */
export const renameBoardSchema = z
  .object({
    name: boardName.describe("The board's display name, 1–80 characters"),
    reason: z.string().trim().max(500).optional().describe("Why; kept in the audit trail"),
  })
  .strict();

const wipLimit = (label: string, min: number) =>
  z
    .int({ error: `${label} must be a whole number` })
    .min(min, `${label} is at least ${min}`)
    .max(10_000, `${label} is at most 10000`);

/**
 * Body of a column settings change: only the fields sent change; `null` clears a limit.
 * Whether the resulting combination makes sense (a hard policy needs a max, min ≤ max) is
 * judged on the merged settings by the workflow's own WIP rule (wipSettingsSchema).
 */
export const updatePhaseSchema = z
  .object({
    name: z.string().trim().min(1, "Name is required").max(60, "Name is at most 60 characters").optional().describe("The column's display name"),
    wipPolicy: z.enum(["none", "soft", "hard"]).optional().describe("none: no limit; soft: warn and colour; hard: refuse moves into a full column"),
    wipMin: wipLimit("Min", 0).nullable().optional().describe("Below this many tickets the column shows as under its minimum; null clears it"),
    wipMax: wipLimit("Max", 1).nullable().optional().describe("The WIP limit; a soft or hard policy needs one; null clears it"),
    reason: z.string().trim().max(500).optional().describe("Why; kept in the audit trail"),
  })
  .strict()
  .refine((input) => ["name", "wipPolicy", "wipMin", "wipMax"].some((field) => field in input && input[field as keyof typeof input] !== undefined), {
    error: "Send at least one of name, wipPolicy, wipMin, wipMax",
  });

export type RenameBoardInput = z.input<typeof renameBoardSchema>;
export type UpdatePhaseInput = z.input<typeof updatePhaseSchema>;

// Response shapes of the board settings routes (documented in the OpenAPI document).
export const createdBoardSchema = z.object({ id: z.string(), key: z.string() });

export const renamedBoardSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  changed: z.boolean().describe("False when the board already had this name"),
});

export const updatedPhaseSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  position: z.int(),
  wipPolicy: z.enum(["none", "soft", "hard"]),
  wipMin: z.int().nullable(),
  wipMax: z.int().nullable(),
  count: z.int().describe("Tickets in the column now"),
  state: z.enum(["ok", "at-limit", "over-limit", "under-minimum"]).describe("How the column stands against its new settings"),
  changed: z.array(z.string()).describe("Fields that changed; empty when nothing did"),
  admitted: z.array(z.string()).describe("Approved tickets that were waiting for room and moved in"),
});

export const boardPhaseParamsSchema = z.object({
  board: z.string().min(1).max(40).meta({ description: "The board key, e.g. `gb`", example: "gb" }),
  phase: z.string().min(1).max(40).meta({ description: "The phase (column) key, e.g. `testing`", example: "testing" }),
});
