import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/permissions";
import { authorize } from "@/lib/server/authorize";

export type UserSummary = { id: string; name: string; email: string; role: string; createdAt: Date; disabledAt: Date | null };

/** People of this installation for the Users page, by name. */
export async function listUsers(actor: Actor | null): Promise<UserSummary[]> {
  await authorize(actor, "user.manage");
  return db().user.findMany({
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true, role: true, createdAt: true, disabledAt: true },
  });
}
