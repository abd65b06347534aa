import "server-only";
import { db, writeTransaction } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { authorize } from "@/lib/server/authorize";
import { recordAudit } from "@/lib/server/record-audit";

/**
 * Revokes a token: from the next request on it authenticates nobody. Audited
 * `token.revoked`; revoking a revoked token changes nothing and records nothing.
 */
export async function revokeApiToken(actor: Actor | null, id: string, now: Date = new Date()): Promise<{ id: string; revokedAt: Date }> {
  await authorize(actor, "token.manage");
  const token = await db().apiToken.findUnique({ where: { id }, select: { id: true, name: true, prefix: true, boardId: true, revokedAt: true } });
  if (!token) throw new AppError("NOT_FOUND", "No such token.");
  const revoker = await authorize(actor, "token.manage", token.boardId ?? undefined);
  if (revoker.boardScope && !token.boardId) throw new AppError("FORBIDDEN", "A board-scoped token cannot revoke an instance-wide token.");
  if (token.revokedAt) return { id, revokedAt: token.revokedAt };
  await writeTransaction(async (tx) => {
    // Guarded update: a concurrent revoke of the same token records one event, not two.
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) return;
    await recordAudit(tx, revoker, { action: "token.revoked", entityType: "api_token", entityId: id, boardId: token.boardId, before: { revokedAt: null }, after: { name: token.name, prefix: token.prefix, revokedAt: now } }, now);
  });
  return { id, revokedAt: now };
}
