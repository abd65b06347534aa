import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { normaliseEdgeType } from "@/lib/domain/dependencies/edge-types";

extendZodWithOpenApi(z);

export const ticketIdParamsSchema = z.object({
  id: z.string().min(1).max(120).meta({ description: "Ticket id, e.g. gb-a3f8", example: "gb-a3f8" }),
});

/** Any beads edge type: the four readiness types, the annotation ones, or a new one kept verbatim. */
const edgeType = z
  .string()
  .trim()
  .transform(normaliseEdgeType)
  .pipe(z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, "Type is a lower-case word with dashes, e.g. blocks, waits-for, related"));

export const dependencyInputSchema = z
  .object({
    dependsOnId: z.string().trim().min(1).max(120).describe("The ticket this one depends on (for parent-child: the parent)"),
    type: edgeType
      .default("blocks")
      .describe("blocks | conditional-blocks | waits-for | parent-child decide readiness; related, discovered-from, … only annotate"),
    metadata: z.record(z.string(), z.unknown()).optional().describe('Edge metadata, e.g. {"gate": "any-children"} on waits-for'),
  })
  .strict();
export type DependencyInput = z.input<typeof dependencyInputSchema>;

export const dependencyRemoveSchema = dependencyInputSchema.omit({ metadata: true });
export type DependencyRemoveInput = z.input<typeof dependencyRemoveSchema>;

export const dependencyResultSchema = z.object({
  issueId: z.string(),
  dependsOnId: z.string(),
  type: z.string(),
  changed: z.boolean().describe("False when the edge already existed (add) or did not exist (remove)"),
});
