"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { tickChecklistSchema } from "@/lib/schemas/checklist";
import { parseOrThrow } from "@/lib/schemas/validation-issues";
import { runAction } from "@/lib/server/run-action";
import { tickChecklist, type ChecklistTickResult } from "@/lib/server/tick-checklist";

/**
 * Ticks or unticks one done definition of a ticket's current phase (authenticate, validate,
 * one use case). Ticking the last one may move the ticket on; the result says how.
 */
export async function tickChecklistAction(boardKey: unknown, ticketId: unknown, input: unknown): Promise<ActionResult<ChecklistTickResult>> {
  const result = await runAction((actor) => tickChecklist(actor, String(ticketId), parseOrThrow(tickChecklistSchema, input, "The checklist change is not valid.")));
  if (result.ok) {
    revalidatePath(`/boards/${String(boardKey)}`);
    revalidatePath(`/boards/${String(boardKey)}/tickets/${String(ticketId)}`);
  }
  return result;
}
