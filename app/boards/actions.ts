"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";
import { createBoardSchema } from "@/lib/schemas/board";
import { parseOrThrow } from "@/lib/schemas/validation-issues";
import { createBoard } from "@/lib/server/create-board";
import { runAction } from "@/lib/server/run-action";

// Authenticate (runAction), validate (zod), one use case (which authorizes).

export async function createBoardAction(_previous: ActionResult<{ key: string }> | null, form: FormData): Promise<ActionResult<{ key: string }>> {
  const result = await runAction(async (actor) => {
    const input = parseOrThrow(
      createBoardSchema,
      { name: form.get("name") ?? "", key: form.get("key") ?? "", workflow: form.get("workflow") || undefined },
      "The board is not valid.",
    );
    const created = await createBoard(actor, input);
    return { key: created.key };
  });
  if (!result.ok) return result;
  revalidatePath("/");
  // Outside runAction: redirect() works by throwing, which runAction would report as a failure.
  redirect(`/boards/${result.data.key}`);
}
