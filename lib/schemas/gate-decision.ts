import { z } from "zod";

export const gateDecisionSchema = z
  .object({
    decision: z.enum(["approve", "reject"]).describe("approve or reject"),
    comment: z.string().trim().max(2_000).optional().describe("Required when rejecting: what must change"),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.decision === "reject" && !value.comment) {
      ctx.addIssue({ code: "custom", path: ["comment"], message: "A rejection needs a comment saying what must change" });
    }
  });

export type GateDecisionInput = z.input<typeof gateDecisionSchema>;
