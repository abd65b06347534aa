import "server-only";
import { db, writeTransaction } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { dependencyRemoveSchema, type DependencyRemoveInput } from "@/lib/schemas/dependency";
import { validationIssues } from "@/lib/schemas/validation-issues";
import type { DependencyChange } from "@/lib/server/add-dependency";
import { authorize } from "@/lib/server/authorize";
import { recordAudit } from "@/lib/server/record-audit";

/** Removes one typed edge; removing an edge that is not there changes nothing and says so. */
export async function removeDependency(actor: Actor, ticketId: string, input: DependencyRemoveInput): Promise<DependencyChange> {
  const parsed = dependencyRemoveSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", "The dependency is not valid.", { issues: validationIssues(parsed.error) });
  const { dependsOnId, type } = parsed.data;

  const ticket = await db().ticket.findUnique({ where: { id: ticketId }, select: { boardId: true } });
  const notFound = `No ticket ${ticketId}.`;
  if (!ticket) throw new AppError("NOT_FOUND", notFound);
  await authorize(actor, "ticket.edit", ticket.boardId, actor.boardScope ? { notFoundMessage: notFound } : {});

  return writeTransaction(async (tx) => {
    const removed = await tx.dependency.deleteMany({ where: { issueId: ticketId, dependsOnId, type } });
    if (removed.count === 0) return { issueId: ticketId, dependsOnId, type, changed: false };
    await recordAudit(tx, actor, { action: "dependency.removed", entityType: "ticket", entityId: ticketId, boardId: ticket.boardId, before: { dependsOn: dependsOnId, type } });
    return { issueId: ticketId, dependsOnId, type, changed: true };
  });
}
