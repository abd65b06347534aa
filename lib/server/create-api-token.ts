import "server-only";
import type { z } from "zod";
import { db, writeTransaction, type Tx } from "@/lib/db";
import { generateTokenSecret, hashTokenSecret, tokenDisplayPrefix } from "@/lib/domain/api-token";
import { AppError } from "@/lib/domain/errors";
import { canGrantRole } from "@/lib/domain/grantable-role";
import { newId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import { createApiTokenSchema } from "@/lib/schemas/api-token";
import { parseOrThrow } from "@/lib/schemas/validation-issues";
import { authorize } from "@/lib/server/authorize";
import { recordAudit } from "@/lib/server/record-audit";

export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;
export type CreatedApiToken = { id: string; name: string; role: string; prefix: string; boardKey: string | null; agentName: string | null; secret: string };

/**
 * Creates an API token and returns its secret: the only time it exists outside the
 * caller's hands (the database keeps a SHA-256 and a short prefix). Audited `token.created`.
 */
export async function createApiToken(actor: Actor | null, input: CreateApiTokenInput): Promise<CreatedApiToken> {
  await authorize(actor, "token.manage");
  const { name, role, board: boardKey, agent: agentName } = parseOrThrow(createApiTokenSchema, input, "The token is not valid.");
  const board = boardKey ? await db().board.findUnique({ where: { key: boardKey }, select: { id: true, key: true } }) : null;
  if (boardKey && !board) throw new AppError("NOT_FOUND", `No board "${boardKey}".`, { field: "board" });
  const creator = await authorize(actor, "token.manage", board?.id);
  if (creator.boardScope && !board) throw new AppError("FORBIDDEN", "A board-scoped token can only create tokens for its own board.");
  if (!canGrantRole(creator, role)) throw new AppError("FORBIDDEN", `Your role (${creator.role}) cannot create a token with role ${role}.`, { field: "role" });
  const agent = agentName ? await db().agent.findUnique({ where: { name: agentName }, select: { id: true, name: true } }) : null;
  if (agentName && !agent) throw new AppError("NOT_FOUND", `No agent named "${agentName}".`, { field: "agent" });

  const secret = generateTokenSecret();
  const prefix = tokenDisplayPrefix(secret);
  const id = newId();
  await writeTransaction(async (tx) => {
    await tx.apiToken.create({
      data: {
        id,
        name,
        role,
        tokenHash: hashTokenSecret(secret),
        prefix,
        boardId: board?.id ?? null,
        agentId: agent?.id ?? null,
        createdById: creator.kind === "user" ? await existingUserId(tx, creator.id) : null,
      },
    });
    await recordAudit(tx, creator, {
      action: "token.created",
      entityType: "api_token",
      entityId: id,
      boardId: board?.id ?? null,
      after: { name, role, prefix, board: board?.key ?? null, agent: agent?.name ?? null },
    });
  });
  return { id, name, role, prefix, boardKey: board?.key ?? null, agentName: agent?.name ?? null, secret };
}

/** A token made by a person's own API token has no user row behind its actor id. */
async function existingUserId(tx: Tx, id: string): Promise<string | null> {
  return (await tx.user.findUnique({ where: { id }, select: { id: true } }))?.id ?? null;
}
