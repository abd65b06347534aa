import { z } from "zod";

const ticketId = z.string().trim().min(1).max(120);

/** Body of a move: where the ticket goes and the version the mover saw. */
export const moveTicketSchema = z
  .object({
    toPhase: z.string().trim().min(1, "toPhase is required").max(40).describe("Key of the target phase (column)"),
    afterId: ticketId.optional().describe("The ticket that will sit just above the moved one"),
    beforeId: ticketId.optional().describe("The ticket that will sit just below the moved one"),
    version: z.int().min(1).describe("The ticket version the client last saw; a stale one is refused with VERSION_CONFLICT"),
    reason: z.string().trim().max(500).optional().describe("Why; required when overriding a hard WIP limit"),
    overrideWip: z.boolean().optional().describe("Lead or admin only: move into a full hard-limit column (needs a reason)"),
  })
  .strict();

export type MoveTicketInput = z.input<typeof moveTicketSchema>;
