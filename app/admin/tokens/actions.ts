"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/schemas/api-token";
import { parseOrThrow } from "@/lib/schemas/validation-issues";
import { createApiToken, type CreatedApiToken } from "@/lib/server/create-api-token";
import { revokeApiToken } from "@/lib/server/revoke-api-token";
import { runAction } from "@/lib/server/run-action";

// Each action: authenticate (runAction), validate (zod), one use case (which authorizes).

export async function createTokenAction(_previous: ActionResult<CreatedApiToken> | null, form: FormData): Promise<ActionResult<CreatedApiToken>> {
  const result = await runAction((actor) => {
    const input = parseOrThrow(
      createApiTokenSchema,
      { name: form.get("name") ?? "", role: form.get("role") ?? undefined, board: form.get("board") ?? undefined, agent: form.get("agent") ?? undefined },
      "The token is not valid.",
    );
    return createApiToken(actor, input);
  });
  if (result.ok) revalidatePath("/admin/tokens");
  return result;
}

export async function revokeTokenAction(id: unknown): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(async (actor) => {
    const input = parseOrThrow(revokeApiTokenSchema, { id }, "Which token?");
    await revokeApiToken(actor, input.id);
    return { id: input.id };
  });
  if (result.ok) revalidatePath("/admin/tokens");
  return result;
}
