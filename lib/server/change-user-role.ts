import "server-only";
import type { z } from "zod";
import { writeTransaction } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { changeUserRoleSchema } from "@/lib/schemas/user";
import { parseOrThrow } from "@/lib/schemas/validation-issues";
import { authorize } from "@/lib/server/authorize";
import { recordAudit } from "@/lib/server/record-audit";

export type ChangeUserRoleInput = z.input<typeof changeUserRoleSchema>;

/**
 * Gives a person another role; audited `user.role_changed` with before and after. The last
 * admin cannot be demoted: nobody could manage people afterwards.
 */
export async function changeUserRole(actor: Actor | null, input: ChangeUserRoleInput): Promise<{ id: string; role: string; changed: boolean }> {
  const admin = await authorize(actor, "user.manage");
  const { userId, role } = parseOrThrow(changeUserRoleSchema, input, "The role change is not valid.");
  return writeTransaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true } });
    if (!user) throw new AppError("NOT_FOUND", "No such user.");
    if (user.role === role) return { id: user.id, role, changed: false };
    if (user.role === "admin") {
      const admins = await tx.user.count({ where: { role: "admin", disabledAt: null } });
      if (admins <= 1) throw new AppError("CONFLICT", "This is the last admin: make someone else an admin first.", { field: "role" });
    }
    await tx.user.update({ where: { id: user.id }, data: { role } });
    await recordAudit(tx, admin, { action: "user.role_changed", entityType: "user", entityId: user.id, before: { role: user.role }, after: { role, email: user.email } });
    return { id: user.id, role, changed: true };
  });
}
