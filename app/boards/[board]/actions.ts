"use server";

import type { ActionResult } from "@/lib/action-result";
import type { MoveTicketInput } from "@/lib/schemas/move";
import { moveTicket, type MoveResult } from "@/lib/server/move-ticket";
import { runAction } from "@/lib/server/run-action";

export async function moveTicketAction(ticketId: unknown, input: unknown): Promise<ActionResult<MoveResult>> {
  // The use case validates `input` with zod; the id only needs to be a string to look up.
  return runAction((actor) => moveTicket(actor, String(ticketId), input as MoveTicketInput));
}
