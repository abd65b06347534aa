import "server-only";
import { z } from "zod";
import { db, dbKind, lockPhases, writeTransaction, type Tx } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import { newTicketId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import { rankBetween } from "@/lib/domain/rank";
import { creatablePhases } from "@/lib/domain/workflow/engine";
import type { WorkflowDefinition } from "@/lib/schemas/workflow";
import { createTicketSchema, type CreateTicketInput } from "@/lib/schemas/ticket";
import { authorize } from "@/lib/server/authorize";
import { admitToColumn, wipOverrideEvent, type WipFlag } from "@/lib/server/admit-to-column";
import { recordAudit, type AuditInput } from "@/lib/server/record-audit";

export type CreatedTicket = {
  id: string;
  boardId: string;
  phase: string;
  rank: string;
  version: number;
  /** Set when the ticket went over the column's soft limit or a lead overrode its hard one. */
  wipFlag: WipFlag;
};

/** Random ids start at 4 hex digits and grow by one per collision, as beads does. */
const MAX_ID_ATTEMPTS = 6;

/**
 * Creates a ticket at the bottom of a column (the board's first phase by default), within
 * the column's WIP policy as a move would be, and never behind a gate; audited as `ticket.created`. Children of a
 * parent get `<parent>.<n>`.
 */
export async function createTicket(actor: Actor, boardKey: string, input: CreateTicketInput, tx?: Tx): Promise<CreatedTicket> {
  const parsed = createTicketSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", "The ticket is not valid.", { issues: z.treeifyError(parsed.error) });
  const data = parsed.data;

  // Authorised before the transaction (a refusal is recorded in one of its own); inside a
  // caller's transaction everything reads through it.
  const board = await (tx ?? db()).board.findUnique({
    where: { key: boardKey },
    select: { id: true, key: true, archivedAt: true, workflow: true, phases: { orderBy: { position: "asc" }, select: { id: true, key: true, name: true } } },
  });
  const notFound = `No board "${boardKey}".`;
  if (!board) throw new AppError("NOT_FOUND", notFound);
  await authorize(actor, "ticket.create", board.id, actor.boardScope ? { notFoundMessage: notFound } : {});

  const run = async (t: Tx): Promise<CreatedTicket> => {
    if (board.archivedAt) throw new AppError("CONFLICT", `Board "${boardKey}" is archived.`);
    const phase = data.phase ? board.phases.find((p) => p.key === data.phase) : board.phases[0];
    if (!phase) {
      throw new AppError("VALIDATION_FAILED", `Board "${boardKey}" has no phase "${data.phase}".`, {
        field: "phase",
        phases: board.phases.map((p) => p.key),
      });
    }
    if (actor.kind !== "system") refuseBehindGate(board.workflow as unknown as WorkflowDefinition, board.phases, phase);
    // Locks the column row on PostgreSQL: two creates in one column must not read the same
    // last rank, nor both fit under its WIP limit.
    await lockPhases(t, [phase.id]);
    const admission = await admitToColumn(t, actor, board.id, phase.id, data, { field: "phase" });

    const id = data.parentId ? await nextChildId(t, board.id, data.parentId) : await freshTicketId(t, board.key);
    const last = await t.ticket.findFirst({
      where: { boardId: board.id, phaseId: phase.id },
      orderBy: { rank: "desc" },
      select: { rank: true },
    });
    const rank = rankBetween(last?.rank ?? null, null);

    await t.ticket.create({
      data: {
        id,
        boardId: board.id,
        phaseId: phase.id,
        rank,
        title: data.title,
        description: data.description,
        acceptanceCriteria: data.acceptanceCriteria,
        type: data.type,
        priority: data.priority,
        parentId: data.parentId ?? null,
        labels: data.labels,
        files: data.files,
        checklist: [],
      },
    });
    await t.phase.update({ where: { id: phase.id }, data: { ticketCount: { increment: 1 } } });
    const created: AuditInput = {
      action: "ticket.created",
      entityType: "ticket",
      entityId: id,
      boardId: board.id,
      after: {
        title: data.title,
        type: data.type,
        priority: data.priority,
        phase: phase.key,
        parentId: data.parentId ?? null,
        labels: data.labels,
        files: data.files,
        ...(data.description ? { description: data.description } : {}),
        ...(data.acceptanceCriteria ? { acceptanceCriteria: data.acceptanceCriteria } : {}),
      },
      reason: data.reason || null,
    };
    await recordAudit(t, actor, [created, ...wipOverrideEvent(admission, board.id, id, data.reason)]);
    return { id, boardId: board.id, phase: phase.key, rank, version: 1, wipFlag: admission.flag };
  };
  return tx ? run(tx) : writeTransaction(run);
}

/**
 * A ticket created behind a gate would skip the evidence or approval a moved one needs.
 * Gateboard itself (seeding, fixtures) may place a ticket anywhere.
 */
function refuseBehindGate(workflow: WorkflowDefinition, phases: Array<{ key: string; name: string }>, phase: { key: string; name: string }): void {
  const creatable = creatablePhases(workflow);
  if (creatable.includes(phase.key)) return;
  const names = phases.filter((candidate) => creatable.includes(candidate.key)).map((candidate) => candidate.name);
  const where = names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names.at(-1)}` : (names[0] ?? "the first column");
  throw new AppError(
    "TRANSITION_NOT_ALLOWED",
    `A new ticket cannot start in ${phase.name}: a gate lies on the way there, and creating it would skip it. Start it in ${where} and move it on.`,
    { field: "phase", creatable },
  );
}

async function freshTicketId(t: Tx, prefix: string): Promise<string> {
  for (let attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt += 1) {
    const id = newTicketId(prefix, 4 + attempt);
    if (!(await t.ticket.findUnique({ where: { id }, select: { id: true } }))) return id;
  }
  throw new AppError("CONFLICT", "Could not find a free ticket id; try again.");
}

/**
 * `<parent>.<n>` with n one past the highest existing child number. The parent row is
 * locked on PostgreSQL so two children created at once cannot take the same number.
 */
async function nextChildId(t: Tx, boardId: string, parentId: string): Promise<string> {
  const parent = await t.ticket.findUnique({ where: { id: parentId }, select: { boardId: true } });
  if (!parent || parent.boardId !== boardId) {
    throw new AppError("VALIDATION_FAILED", `No parent ticket ${parentId} on this board.`, { field: "parentId" });
  }
  await lockTicket(t, parentId);
  const children = await t.ticket.findMany({ where: { parentId }, select: { id: true } });
  let highest = 0;
  for (const child of children) {
    const match = /\.(\d+)$/.exec(child.id);
    if (match && child.id.startsWith(`${parentId}.`)) highest = Math.max(highest, Number(match[1]));
  }
  // A child re-parented away keeps its id; skip numbers still taken by any ticket.
  for (let n = highest + 1; ; n += 1) {
    const id = `${parentId}.${n}`;
    if (!(await t.ticket.findUnique({ where: { id }, select: { id: true } }))) return id;
  }
}

async function lockTicket(t: Tx, id: string): Promise<void> {
  // SQLite transactions already hold the database's write lock (BEGIN IMMEDIATE).
  if (dbKind() !== "postgresql") return;
  await t.$queryRaw`SELECT id FROM "Ticket" WHERE id = ${id} FOR UPDATE`;
}
