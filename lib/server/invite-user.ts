import "server-only";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { hashPassword } from "better-auth/crypto";
import { db, writeTransaction } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import { newId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import { inviteUserSchema } from "@/lib/schemas/user";
import { parseOrThrow } from "@/lib/schemas/validation-issues";
import { authorize } from "@/lib/server/authorize";
import { recordAudit } from "@/lib/server/record-audit";

export type InviteUserInput = z.input<typeof inviteUserSchema>;
export type InvitedUser = { id: string; email: string; name: string; role: string; temporaryPassword: string };

/**
 * Creates a person with a one-time temporary password (returned once, stored only as
 * Better Auth's scrypt hash) for the admin to hand over. Audited `user.invited`; the
 * password never enters the audit trail.
 */
export async function inviteUser(actor: Actor | null, input: InviteUserInput): Promise<InvitedUser> {
  const admin = await authorize(actor, "user.manage");
  const { email, name, role } = parseOrThrow(inviteUserSchema, input, "The invitation is not valid.");
  if (await db().user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError("CONFLICT", `${email} already has an account.`, { field: "email" });
  }
  // 15 random bytes → 20 base64url characters: typeable, and far beyond guessing.
  const temporaryPassword = randomBytes(15).toString("base64url");
  const passwordHash = await hashPassword(temporaryPassword);
  const id = newId();
  await writeTransaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new AppError("CONFLICT", `${email} already has an account.`, { field: "email" });
    }
    await tx.user.create({ data: { id, email, name, role, emailVerified: false } });
    await tx.account.create({ data: { id: newId(), accountId: id, providerId: "credential", userId: id, password: passwordHash } });
    await recordAudit(tx, admin, { action: "user.invited", entityType: "user", entityId: id, after: { email, name, role } });
  });
  return { id, email, name, role, temporaryPassword };
}
