"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { changeUserRoleSchema, inviteUserSchema } from "@/lib/schemas/user";
import { parseOrThrow } from "@/lib/schemas/validation-issues";
import { changeUserRole } from "@/lib/server/change-user-role";
import { inviteUser, type InvitedUser } from "@/lib/server/invite-user";
import { runAction } from "@/lib/server/run-action";

// Each action: authenticate (runAction), validate (zod), one use case (which authorizes).

export async function inviteUserAction(_previous: ActionResult<InvitedUser> | null, form: FormData): Promise<ActionResult<InvitedUser>> {
  const result = await runAction((actor) => {
    const input = parseOrThrow(inviteUserSchema, { email: form.get("email") ?? "", name: form.get("name") ?? "", role: form.get("role") ?? undefined }, "The invitation is not valid.");
    return inviteUser(actor, input);
  });
  if (result.ok) revalidatePath("/admin/users");
  return result;
}

export async function changeUserRoleAction(userId: unknown, role: unknown): Promise<ActionResult<{ id: string; role: string; changed: boolean }>> {
  const result = await runAction((actor) => changeUserRole(actor, parseOrThrow(changeUserRoleSchema, { userId, role }, "The role change is not valid.")));
  if (result.ok) revalidatePath("/admin/users");
  return result;
}
