import { z } from "zod";

// Imported by the workflow YAML schema and the OpenAPI generator: keep it to schemas and types.

export const gateRoleSchema = z.enum(["reviewer", "lead", "admin"]);
export type GateRole = z.infer<typeof gateRoleSchema>;

export const gateKinds = ["approval", "artifact", "tests", "checklist", "hard-stop"] as const;
export type GateKind = (typeof gateKinds)[number];

const gateNameSchema = z
  .string()
  .trim()
  .min(1, "gate name must not be empty")
  .max(100, "gate name must be at most 100 characters")
  .optional()
  .describe("Label shown on the board and in gate requests");

// Artifact kinds are free-form slugs ("review-notes", "typecheck", "junit") so workflows can add their own.
export const artifactKindSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, {
    message: 'artifact kind must be a lowercase slug such as "review-notes" or "typecheck"',
  });

export const approvalGateSchema = z
  .strictObject({
    kind: z.literal("approval"),
    name: gateNameSchema,
    approvals: z
      .number()
      .int("approvals must be a whole number")
      .min(1, "approvals must be at least 1")
      .max(20, "approvals must be at most 20")
      .default(1)
      .describe("Distinct human deciders needed; the assignee and the requester never count"),
    roles: z
      .array(gateRoleSchema)
      .min(1, "roles must list at least one of reviewer, lead, admin")
      .default((): GateRole[] => ["reviewer", "lead"])
      .describe("Roles whose approval counts"),
  })
  .describe("N distinct humans with an allowed role approve");

export const artifactGateSchema = z
  .strictObject({
    kind: z.literal("artifact"),
    name: gateNameSchema,
    artifacts: z
      .array(artifactKindSchema)
      .min(1, "artifacts must list at least one artifact kind")
      .describe("Artifact kinds that must be attached to the ticket"),
  })
  .describe("Named artifact kinds are attached to the ticket");

export const testsGateSchema = z
  .strictObject({
    kind: z.literal("tests"),
    name: gateNameSchema,
    artifact: artifactKindSchema.default("junit").describe("Artifact kind holding the JUnit XML report"),
    allowBaseline: z
      .boolean()
      .default(true)
      .describe("Failures recorded in the ticket's baseline do not block the gate"),
  })
  .describe("The latest JUnit report has no failures beyond the recorded baseline");

export const checklistGateSchema = z
  .strictObject({
    kind: z.literal("checklist"),
    name: gateNameSchema,
  })
  .describe("Every done definition of the source phase is ticked");

export const hardStopGateSchema = z
  .strictObject({
    kind: z.literal("hard-stop"),
    name: gateNameSchema,
    label: z.string().trim().min(1).max(200).optional().describe("What the human is asked to confirm"),
  })
  .describe("A human reviewer, lead or admin approves, whatever automation says");

export const gateSpecSchema = z.discriminatedUnion(
  "kind",
  [approvalGateSchema, artifactGateSchema, testsGateSchema, checklistGateSchema, hardStopGateSchema],
  {
    error: (issue) =>
      issue.code === "invalid_union" ? `gate kind must be one of: ${gateKinds.join(", ")}` : undefined,
  },
);

/** A gate after parsing, with defaults applied. */
export type GateSpec = z.output<typeof gateSpecSchema>;
/** A gate as written in workflow YAML, before defaults. */
export type GateSpecInput = z.input<typeof gateSpecSchema>;
export type ApprovalGateSpec = z.output<typeof approvalGateSchema>;
export type ArtifactGateSpec = z.output<typeof artifactGateSchema>;
export type TestsGateSpec = z.output<typeof testsGateSchema>;
export type ChecklistGateSpec = z.output<typeof checklistGateSchema>;
export type HardStopGateSpec = z.output<typeof hardStopGateSchema>;
