"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { dependencyInputSchema, dependencyRemoveSchema } from "@/lib/schemas/dependency";
import { createTicketSchema, updateTicketSchema } from "@/lib/schemas/ticket";
import { parseOrThrow } from "@/lib/schemas/validation-issues";
import { addDependency, type DependencyChange } from "@/lib/server/add-dependency";
import { createTicket, type CreatedTicket } from "@/lib/server/create-ticket";
import { getTicket } from "@/lib/server/get-ticket";
import { removeDependency } from "@/lib/server/remove-dependency";
import { runAction } from "@/lib/server/run-action";
import { updateTicket, type UpdatedTicket } from "@/lib/server/update-ticket";
import { editableTicketOf, type EditableTicket } from "@/components/ticket/ticket-form-values";

// Each action: authenticate (runAction), validate (zod, so a form gets `details.issues`
// per field), one use case (which authorizes). Ids only need to be strings to look up.

export async function createTicketAction(boardKey: unknown, input: unknown): Promise<ActionResult<CreatedTicket>> {
  const key = String(boardKey);
  const result = await runAction((actor) => createTicket(actor, key, parseOrThrow(createTicketSchema, input, "The ticket is not valid.")));
  if (result.ok) revalidateBoardPages();
  return result;
}

export async function updateTicketAction(ticketId: unknown, input: unknown): Promise<ActionResult<UpdatedTicket>> {
  const id = String(ticketId);
  const result = await runAction((actor) => updateTicket(actor, id, parseOrThrow(updateTicketSchema, input, "The change is not valid.")));
  if (result.ok) revalidateBoardPages();
  return result;
}

/** The ticket's editable fields as they are now: what an edit form merges after a VERSION_CONFLICT. */
export async function loadEditableTicketAction(ticketId: unknown): Promise<ActionResult<EditableTicket>> {
  return runAction(async (actor) => {
    return editableTicketOf(await getTicket(actor, String(ticketId)));
  });
}

export async function addDependencyAction(ticketId: unknown, input: unknown): Promise<ActionResult<DependencyChange>> {
  const id = String(ticketId);
  const result = await runAction((actor) => addDependency(actor, id, parseOrThrow(dependencyInputSchema, input, "The dependency is not valid.")));
  if (result.ok) revalidateBoardPages();
  return result;
}

export async function removeDependencyAction(ticketId: unknown, input: unknown): Promise<ActionResult<DependencyChange>> {
  const id = String(ticketId);
  const result = await runAction((actor) => removeDependency(actor, id, parseOrThrow(dependencyRemoveSchema, input, "The dependency is not valid.")));
  if (result.ok) revalidateBoardPages();
  return result;
}

/** The board (its markers) and every ticket page under it: an edge changes both ends. */
function revalidateBoardPages(): void {
  revalidatePath("/boards/[board]", "layout");
}
