"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { renameBoardSchema, updatePhaseSchema } from "@/lib/schemas/board";
import { parseOrThrow } from "@/lib/schemas/validation-issues";
import { renameBoard, type RenamedBoard } from "@/lib/server/rename-board";
import { runAction } from "@/lib/server/run-action";
import { updatePhase, type UpdatedPhase } from "@/lib/server/update-phase";

// Authenticate (runAction), validate (zod), one use case (which authorizes). The board key
// and phase key are bound by the page; the use cases look both up and check the caller.

export async function updatePhaseAction(
  boardKey: string,
  phaseKey: string,
  _previous: ActionResult<UpdatedPhase> | null,
  form: FormData,
): Promise<ActionResult<UpdatedPhase>> {
  const result = await runAction((actor) => {
    const input = parseOrThrow(
      updatePhaseSchema,
      { name: form.get("name") ?? undefined, wipPolicy: form.get("wipPolicy") ?? undefined, wipMin: limit(form.get("wipMin")), wipMax: limit(form.get("wipMax")) },
      "The column settings are not valid.",
    );
    return updatePhase(actor, String(boardKey), String(phaseKey), input);
  });
  if (result.ok) revalidateBoard(String(boardKey));
  return result;
}

export async function renameBoardAction(boardKey: string, _previous: ActionResult<RenamedBoard> | null, form: FormData): Promise<ActionResult<RenamedBoard>> {
  const result = await runAction((actor) => {
    const input = parseOrThrow(renameBoardSchema, { name: form.get("name") ?? "" }, "The board name is not valid.");
    return renameBoard(actor, String(boardKey), input);
  });
  if (result.ok) {
    revalidateBoard(String(boardKey));
    revalidatePath("/");
  }
  return result;
}

/** An empty limit field clears the limit; anything else must be a whole number (zod says so if not). */
function limit(value: FormDataEntryValue | null): number | null | undefined {
  if (value === null) return undefined;
  const text = String(value).trim();
  return text === "" ? null : Number(text);
}

function revalidateBoard(boardKey: string): void {
  revalidatePath(`/boards/${boardKey}`);
  revalidatePath(`/boards/${boardKey}/settings`);
}
