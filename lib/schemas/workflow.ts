import { z } from "zod";
import { gateSpecSchema } from "./gate";

export const WIP_POLICIES = ["none", "soft", "hard"] as const;

const phaseKey = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, "must be lower-case letters, digits or '-', starting with a letter (max 40)");

/**
 * A column's WIP settings, as a workflow file declares them and as a lead edits them on a
 * board: the one place that says which combinations make sense.
 */
export const wipSettingsSchema = z
  .object({
    policy: z.enum(WIP_POLICIES),
    min: z.int().min(0).optional(),
    max: z.int().min(1).optional(),
  })
  .strict()
  .superRefine((wip, ctx) => {
    if (wip.policy !== "none" && wip.max === undefined) {
      ctx.addIssue({ code: "custom", path: ["max"], message: `a ${wip.policy} WIP policy needs a max` });
    }
    if (wip.min !== undefined && wip.max !== undefined && wip.min > wip.max) {
      ctx.addIssue({ code: "custom", path: ["min"], message: `min (${wip.min}) is above max (${wip.max})` });
    }
  });

const phaseSchema = z
  .object({
    key: phaseKey,
    name: z.string().trim().min(1).max(60),
    wip: wipSettingsSchema.default({ policy: "none" }),
    doneDefinitions: z.array(z.string().trim().min(1)).default([]),
    expectedOutputs: z.array(z.string().trim().min(1)).default([]),
    prompt: z.string().trim().default(""),
    /// Move tickets on by themselves to this phase once every done definition is ticked.
    autoAdvance: z.object({ to: phaseKey }).strict().optional(),
  })
  .strict();

const transitionSchema = z
  .object({
    from: phaseKey,
    to: z.union([phaseKey.transform((key) => [key]), z.array(phaseKey).min(1)]),
    gates: z.array(gateSpecSchema).default([]),
  })
  .strict();

/** A workflow file in workflows/: phases are the board's columns, in order. */
export const workflowDefinitionSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    description: z.string().trim().default(""),
    phases: z.array(phaseSchema).min(2, "a workflow needs at least two phases"),
    transitions: z.array(transitionSchema).min(1, "a workflow needs at least one transition"),
  })
  .strict()
  .superRefine((workflow, ctx) => {
    const keys = new Set<string>();
    workflow.phases.forEach((phase, index) => {
      if (keys.has(phase.key)) {
        ctx.addIssue({ code: "custom", path: ["phases", index, "key"], message: `duplicate phase key "${phase.key}"` });
      }
      keys.add(phase.key);
    });
    const unknown = (key: string) => `unknown phase "${key}" (phases: ${[...keys].join(", ")})`;
    workflow.phases.forEach((phase, index) => {
      if (phase.autoAdvance && !keys.has(phase.autoAdvance.to)) {
        ctx.addIssue({ code: "custom", path: ["phases", index, "autoAdvance", "to"], message: unknown(phase.autoAdvance.to) });
      }
    });
    const seen = new Set<string>();
    workflow.transitions.forEach((transition, index) => {
      if (!keys.has(transition.from)) {
        ctx.addIssue({ code: "custom", path: ["transitions", index, "from"], message: unknown(transition.from) });
      }
      transition.to.forEach((to, toIndex) => {
        if (!keys.has(to)) {
          ctx.addIssue({ code: "custom", path: ["transitions", index, "to", toIndex], message: unknown(to) });
        }
        if (to === transition.from) {
          ctx.addIssue({ code: "custom", path: ["transitions", index, "to", toIndex], message: `a phase cannot transition to itself ("${to}")` });
        }
        const pair = `${transition.from}→${to}`;
        if (seen.has(pair)) {
          ctx.addIssue({ code: "custom", path: ["transitions", index, "to", toIndex], message: `transition ${pair} is declared twice` });
        }
        seen.add(pair);
      });
    });
  });

export type WipSettings = z.infer<typeof wipSettingsSchema>;
export type WorkflowDefinition = z.infer<typeof workflowDefinitionSchema>;
export type WorkflowPhase = WorkflowDefinition["phases"][number];
export type WorkflowTransition = WorkflowDefinition["transitions"][number];
