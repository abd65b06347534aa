import "server-only";
import { writeTransaction } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import { can, type Actor, type Permission } from "@/lib/domain/permissions";
import { recordAudit } from "@/lib/server/record-audit";

type AuthorizeOptions = {
  /** Refuse as NOT_FOUND with this message, so a token scoped to another board cannot learn what exists. */
  notFoundMessage?: string;
  /** What the refusal says when the default is not right. */
  message?: string;
};

/**
 * The one gate every use case goes through. No actor → UNAUTHENTICATED; a missing grant or
 * a board outside the actor's scope → FORBIDDEN (or NOT_FOUND, see options), recorded as
 * `access.denied`. Call it before opening the use case's transaction: the refusal is
 * written in its own small transaction, because the refused change writes nothing.
 */
export async function authorize(actor: Actor | null | undefined, permission: Permission, boardId?: string, options: AuthorizeOptions = {}): Promise<Actor> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in, or send an API token as `Authorization: Bearer <token>`.");
  if (can(actor, permission, boardId)) return actor;
  if (options.notFoundMessage) return refuse(actor, permission, boardId, new AppError("NOT_FOUND", options.notFoundMessage));
  return refuse(actor, permission, boardId, new AppError("FORBIDDEN", options.message ?? refusalMessage(actor, permission, boardId), { permission }));
}

/**
 * Records a refusal as `access.denied`, then throws `error`. For refusals the role table
 * cannot express (a gate's own roles, self-approval, a board-less record a board-scoped
 * token may not see), so they are audited like authorize()'s own. Not inside a
 * transaction: the record is written in one of its own.
 */
export async function refuse(actor: Actor, permission: Permission, boardId: string | null | undefined, error: AppError): Promise<never> {
  await recordRefusal(actor, permission, boardId ?? undefined);
  throw error;
}

function refusalMessage(actor: Actor, permission: Permission, boardId?: string): string {
  if (boardId && actor.boardScope && actor.boardScope !== boardId) return "This token is limited to another board.";
  return `Your role (${actor.role}) does not allow ${permission}.`;
}

async function recordRefusal(actor: Actor, permission: Permission, boardId?: string): Promise<void> {
  try {
    await writeTransaction((tx) =>
      recordAudit(tx, actor, { action: "access.denied", entityType: "permission", entityId: permission, boardId: boardId ?? null, after: { permission } }),
    );
  } catch (error) {
    // The refusal stands even when its record cannot be written; say so in the server log.
    console.error("authorize: could not record access.denied", error);
  }
}
