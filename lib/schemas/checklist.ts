import { z } from "zod";

/** Body of a checklist tick: one done definition of the ticket's current phase. */
export const tickChecklistSchema = z
  .object({
    index: z
      .int({ error: "index must be a whole number" })
      .min(0, "index starts at 0")
      .describe("Position of the done definition in the current phase's list (0-based)"),
    done: z.boolean({ error: "done must be true or false" }).describe("true ticks it, false unticks it"),
    version: z.int().min(1).describe("The ticket version the client last saw; a stale one is refused with VERSION_CONFLICT"),
  })
  .strict();

export type TickChecklistInput = z.input<typeof tickChecklistSchema>;

// Response shapes of /api/v1/tickets/{id}/checklist.
export const ticketChecklistSchema = z.object({
  ticketId: z.string(),
  boardKey: z.string(),
  phase: z.object({ key: z.string(), name: z.string() }),
  version: z.int(),
  items: z.array(z.object({ index: z.int(), label: z.string(), done: z.boolean() })),
  autoAdvanceTo: z.object({ key: z.string(), name: z.string() }).nullable().describe("Where the workflow moves the ticket once every item is ticked"),
});

export const checklistTickResultSchema = z.object({
  ticket: z.object({ id: z.string(), phase: z.string(), phaseName: z.string(), version: z.int(), status: z.string() }),
  checklist: z.array(z.object({ item: z.string(), done: z.boolean() })).describe("The done definitions of the phase the ticket is in now"),
  changed: z.boolean().describe("False when the item already was in the requested state"),
  advance: z
    .union([
      z.object({ outcome: z.literal("moved"), to: z.string(), toName: z.string(), via: z.enum(["auto-transition", "gate"]), gateRequestId: z.string().nullable() }),
      z.object({ outcome: z.literal("gate_pending"), to: z.string(), toName: z.string(), gateRequestId: z.string(), needs: z.array(z.string()) }),
      z.object({ outcome: z.literal("wip_limit_reached"), to: z.string(), toName: z.string(), message: z.string() }),
    ])
    .nullable()
    .describe("What completing the list led to: a move, a gate request, or a refusal by the target's WIP limit"),
});
