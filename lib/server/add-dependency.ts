import "server-only";
import { db, dbKind, writeTransaction, type Tx } from "@/lib/db";
import { findCycle } from "@/lib/domain/dependencies/find-cycle";
import { AppError } from "@/lib/domain/errors";
import { newId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import { dependencyInputSchema, type DependencyInput } from "@/lib/schemas/dependency";
import { validationIssues } from "@/lib/schemas/validation-issues";
import { authorize } from "@/lib/server/authorize";
import { loadBoardGraph } from "@/lib/server/load-board-graph";
import { recordAudit } from "@/lib/server/record-audit";

export type DependencyChange = { issueId: string; dependsOnId: string; type: string; changed: boolean };

/** beads' references to work outside any tracker; kept as edges that block nothing. */
const EXTERNAL_REF = /^external:/;

/**
 * Makes `ticketId` depend on `dependsOnId`. An edge that would close a cycle among the
 * readiness edges (blocks, conditional-blocks, waits-for, parent-child) is refused with
 * DEPENDENCY_CYCLE naming the loop. Adding an edge that exists already changes nothing.
 */
export async function addDependency(actor: Actor, ticketId: string, input: DependencyInput): Promise<DependencyChange> {
  const parsed = dependencyInputSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", "The dependency is not valid.", { issues: validationIssues(parsed.error) });
  const { dependsOnId, type, metadata } = parsed.data;

  const ticket = await db().ticket.findUnique({ where: { id: ticketId }, select: { id: true, boardId: true } });
  const notFound = `No ticket ${ticketId}.`;
  if (!ticket) throw new AppError("NOT_FOUND", notFound);
  await authorize(actor, "ticket.edit", ticket.boardId, actor.boardScope ? { notFoundMessage: notFound } : {});

  return writeTransaction(async (tx) => {
    await lockBoard(tx, ticket.boardId);
    if (!EXTERNAL_REF.test(dependsOnId)) {
      const target = await tx.ticket.findUnique({ where: { id: dependsOnId }, select: { boardId: true } });
      if (!target || target.boardId !== ticket.boardId) {
        throw new AppError("NOT_FOUND", `No ticket ${dependsOnId} on this board: a dependency links two tickets of one board (or an external:… reference).`);
      }
    }
    const existing = await tx.dependency.findUnique({ where: { issueId_dependsOnId_type: { issueId: ticketId, dependsOnId, type } }, select: { id: true } });
    if (existing) return { issueId: ticketId, dependsOnId, type, changed: false };

    const { edges } = await loadBoardGraph(tx, ticket.boardId);
    const cycle = findCycle(edges, { issueId: ticketId, dependsOnId, type });
    if (cycle) {
      throw new AppError("DEPENDENCY_CYCLE", `${ticketId} cannot depend on ${dependsOnId} (${type}): that closes the cycle ${cycle.join(" → ")}. Remove one of those edges first.`, {
        cycle,
      });
    }
    await tx.dependency.create({ data: { id: newId(), issueId: ticketId, dependsOnId, type, metadata: metadata as object | undefined, createdBy: actor.name ?? actor.id } });
    await recordAudit(tx, actor, { action: "dependency.added", entityType: "ticket", entityId: ticketId, boardId: ticket.boardId, after: { dependsOn: dependsOnId, type, ...(metadata ? { metadata } : {}) } });
    return { issueId: ticketId, dependsOnId, type, changed: true };
  });
}

/**
 * Two concurrent adds on PostgreSQL could each pass the cycle check and together close a
 * loop; the board row lock makes them take turns. SQLite's write lock already does.
 */
async function lockBoard(tx: Tx, boardId: string): Promise<void> {
  if (dbKind() !== "postgresql") return;
  await tx.$queryRaw`SELECT id FROM "Board" WHERE id = ${boardId} FOR UPDATE`;
}
