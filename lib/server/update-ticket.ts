import "server-only";
import { z } from "zod";
import { db, writeTransaction, type Tx } from "@/lib/db";
import { changedFields } from "@/lib/domain/audit/hash-chain";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { updateTicketSchema, type UpdateTicketInput } from "@/lib/schemas/ticket";
import { authorize } from "@/lib/server/authorize";
import { recordAudit } from "@/lib/server/record-audit";

export type UpdatedTicket = { id: string; version: number; changed: string[] };

const EDITABLE = { title: true, description: true, acceptanceCriteria: true, type: true, priority: true, labels: true, files: true, status: true } as const;

/**
 * Edits a ticket's fields (never its phase: moves are moveTicket's). Optimistic
 * concurrency: the write only lands on the version the client saw, else VERSION_CONFLICT
 * with the current version. Audited as `ticket.updated` with only the changed fields; an
 * edit that changes nothing writes nothing and keeps the version.
 */
export async function updateTicket(actor: Actor, ticketId: string, input: UpdateTicketInput, tx?: Tx): Promise<UpdatedTicket> {
  const parsed = updateTicketSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", "The change is not valid.", { issues: z.treeifyError(parsed.error) });
  const { version, reason, ...fields } = parsed.data;

  // Authorised before the transaction (a refusal is recorded in one of its own); inside a
  // caller's transaction everything reads through it.
  const notFound = `No ticket ${ticketId}.`;
  const target = await (tx ?? db()).ticket.findUnique({ where: { id: ticketId }, select: { boardId: true } });
  if (!target) throw new AppError("NOT_FOUND", notFound);
  await authorize(actor, "ticket.edit", target.boardId, actor.boardScope ? { notFoundMessage: notFound } : {});

  const run = async (t: Tx): Promise<UpdatedTicket> => {
    const current = await t.ticket.findUnique({ where: { id: ticketId }, select: { ...EDITABLE, boardId: true, version: true } });
    if (!current) throw new AppError("NOT_FOUND", notFound);
    if (current.version !== version) throw versionConflict(ticketId, current.version, version);

    const { boardId: _boardId, version: _version, ...before } = current;
    const after = { ...before, ...stripUndefined(fields) };
    const diff = changedFields(before, after);
    if (!diff) return { id: ticketId, version, changed: [] };

    // The version in the WHERE makes the check and the write one statement: on PostgreSQL
    // a concurrent edit that committed after our read leaves 0 rows here.
    const { count } = await t.ticket.updateMany({
      where: { id: ticketId, version },
      data: { ...diff.after, version: { increment: 1 } },
    });
    if (count === 0) {
      const now = await t.ticket.findUnique({ where: { id: ticketId }, select: { version: true } });
      if (!now) throw new AppError("NOT_FOUND", `No ticket ${ticketId}.`);
      throw versionConflict(ticketId, now.version, version);
    }
    await recordAudit(t, actor, {
      action: "ticket.updated",
      entityType: "ticket",
      entityId: ticketId,
      boardId: current.boardId,
      before: diff.before,
      after: diff.after,
      reason: reason || null,
    });
    return { id: ticketId, version: version + 1, changed: Object.keys(diff.after) };
  };
  return tx ? run(tx) : writeTransaction(run);
}

function versionConflict(ticketId: string, currentVersion: number, sent: number): AppError {
  return new AppError(
    "VERSION_CONFLICT",
    `${ticketId} was changed by someone else (now version ${currentVersion}, you had ${sent}). Reload and try again.`,
    { currentVersion },
  );
}

function stripUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as Partial<T>;
}
