import "server-only";
import { createHash } from "node:crypto";
import { db, writeTransaction } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import { newId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import { parsePlan } from "@/lib/domain/plans/parse-plan";
import { repairMojibake } from "@/lib/domain/plans/repair-mojibake";
import type { ParseIssue, Plan } from "@/lib/domain/plans/types";
import { importPlanSchema, type ImportPlanInput } from "@/lib/schemas/plan";
import { parseOrThrow } from "@/lib/schemas/validation-issues";
import { authorize } from "@/lib/server/authorize";
import { recordAudit } from "@/lib/server/record-audit";
import { reconcilePlanTickets, type ReconcileBoard, type ReconcileOutcome } from "@/lib/server/reconcile-plan-tickets";

export type ImportPlanResult = {
  id: string;
  sessionId: string;
  created: boolean;
  plan: Plan;
  warnings: ParseIssue[];
  repairedSequences: number;
  reconcile: Omit<ReconcileOutcome, "audit"> | null;
};

/**
 * Imports an orchestrator's work plan: repaired, parsed, stored by session id (a re-import
 * updates the same row) and, with `boardKey`, reconciled into that board's tickets — all
 * in one transaction with its audit events. Input that is not a plan is VALIDATION_FAILED
 * with `details.errors` as `[{line, message}]`.
 */
export async function importPlan(actor: Actor, input: ImportPlanInput): Promise<ImportPlanResult> {
  const data = parseOrThrow(importPlanSchema, input, "The plan import is not valid.");
  const board = data.boardKey ? await findBoard(data.boardKey) : null;
  await authorize(actor, "plan.import", board?.id);

  const repair = repairMojibake(data.markdown);
  const parsed = parsePlan(repair.text);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw new AppError("VALIDATION_FAILED", `This is not a work plan${first ? ` (line ${first.line}: ${first.message})` : ""}.`, {
      errors: parsed.errors,
      warnings: parsed.warnings,
    });
  }
  const { plan, warnings } = parsed;
  const sessionId = plan.sessionId ?? derivedSessionId(plan);
  const row = {
    title: plan.title.slice(0, 300),
    generatedAt: toDate(plan.generatedAt),
    currentPhase: plan.currentPhase?.label ?? plan.currentPhase?.text ?? null,
    status: planStatus(plan),
    source: repair.text,
    parsed: plan as object,
    warnings: warnings as object[],
    importedBy: actor.id,
  };

  return writeTransaction(async (tx) => {
    const existing = await tx.plan.findUnique({ where: { sessionId }, select: { id: true, boardId: true, title: true, status: true } });
    const id = existing?.id ?? newId();
    const boardId = board?.id ?? existing?.boardId ?? null;
    if (existing) await tx.plan.update({ where: { id }, data: { ...row, boardId } });
    else await tx.plan.create({ data: { id, sessionId, boardId, ...row } });

    const reconcile = board ? await reconcilePlanTickets(tx, actor, board, plan, sessionId) : null;
    const counts = {
      tasks: plan.tasks?.length ?? plan.taskDetails?.length ?? 0,
      phases: plan.phases?.length ?? 0,
      warnings: warnings.length,
      repairedSequences: repair.repaired,
      ...(reconcile
        ? {
            ticketsCreated: reconcile.created.length,
            ticketsUpdated: reconcile.updated.length,
            ticketsSkipped: reconcile.skipped.length,
            dependenciesAdded: reconcile.dependenciesAdded,
          }
        : {}),
    };
    await recordAudit(tx, actor, [
      {
        action: existing ? "plan.updated" : "plan.imported",
        entityType: "plan",
        entityId: id,
        boardId,
        before: existing ? { title: existing.title, status: existing.status } : null,
        after: { sessionId, title: row.title, status: row.status, boardKey: board?.key ?? null, ...counts },
      },
      ...(reconcile?.audit ?? []),
    ]);
    const { audit: _audit, ...summary } = reconcile ?? { audit: null };
    return { id, sessionId, created: !existing, plan, warnings, repairedSequences: repair.repaired, reconcile: reconcile ? (summary as Omit<ReconcileOutcome, "audit">) : null };
  });
}

async function findBoard(key: string): Promise<ReconcileBoard> {
  const board = await db().board.findUnique({
    where: { key },
    select: { id: true, key: true, archivedAt: true, phases: { orderBy: { position: "asc" }, take: 1, select: { id: true, key: true } } },
  });
  if (!board) throw new AppError("NOT_FOUND", `No board "${key}" to reconcile the plan with.`);
  if (board.archivedAt) throw new AppError("CONFLICT", `Board "${key}" is archived: its tickets cannot take a plan.`);
  const firstPhase = board.phases[0];
  if (!firstPhase) throw new AppError("CONFLICT", `Board "${key}" has no phases.`);
  return { id: board.id, key: board.key, firstPhase };
}

/** A plan without a Session line still re-imports onto itself: same title and time, same id. */
function derivedSessionId(plan: Plan): string {
  return `plan-${createHash("sha256").update(`${plan.title}\n${plan.generatedAt ?? ""}`).digest("hex").slice(0, 12)}`;
}

function toDate(text: string | null): Date | null {
  if (!text) return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time);
}

/** done: every phase finished; awaiting_approval: only phases from the HARD STOP on are open. */
function planStatus(plan: Plan): string {
  const phases = plan.phases ?? [];
  const open = phases.filter((phase) => phase.status.status !== "done" && phase.status.status !== "skipped");
  if (phases.length > 0 && open.length === 0) return "done";
  const stop = plan.hardStop?.phaseNumber ?? null;
  if (stop !== null && open.length > 0 && open.every((phase) => phase.number !== null && phase.number >= stop)) return "awaiting_approval";
  return "active";
}
