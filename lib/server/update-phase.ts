import "server-only";
import { db, lockPhases, writeTransaction, type Tx } from "@/lib/db";
import { changedFields } from "@/lib/domain/audit/hash-chain";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { wipState, type WipState } from "@/lib/domain/wip/wip-state";
import type { WipPolicy } from "@/lib/board-view";
import { updatePhaseSchema, type UpdatePhaseInput } from "@/lib/schemas/board";
import { parseOrThrow, type ValidationIssue } from "@/lib/schemas/validation-issues";
import { wipSettingsSchema } from "@/lib/schemas/workflow";
import { advanceGateRequest } from "@/lib/server/advance-gate-request";
import { authorize } from "@/lib/server/authorize";
import { recordAudit } from "@/lib/server/record-audit";

export type UpdatedPhase = {
  id: string;
  key: string;
  name: string;
  position: number;
  wipPolicy: WipPolicy;
  wipMin: number | null;
  wipMax: number | null;
  /** Tickets in the column now (a limit may be set below it: the column then shows as over). */
  count: number;
  state: WipState;
  /** Fields that changed; empty when the request changed nothing. */
  changed: string[];
  /** Approved tickets that were waiting for room and moved in because the limit went up. */
  admitted: string[];
};

type Settings = { name: string; wipPolicy: WipPolicy; wipMin: number | null; wipMax: number | null };

const SETTINGS_FIELD: Record<string, string> = { policy: "wipPolicy", min: "wipMin", max: "wipMax" };

/**
 * Changes one column's name or WIP settings (policy none/soft/hard, min, max). The merged
 * settings must make sense by the workflow's own WIP rule; a limit below the current count
 * is allowed (the column then shows as over it). Audited as `phase.updated` with the
 * changed fields before and after. Raising a limit lets approved tickets that were waiting
 * for room move in, oldest first.
 */
export async function updatePhase(actor: Actor, boardKey: string, phaseKey: string, input: UpdatePhaseInput): Promise<UpdatedPhase> {
  const fields = parseOrThrow(updatePhaseSchema, input, "The column settings are not valid.");
  const notFound = `No board "${boardKey}".`;
  const board = await db().board.findUnique({ where: { key: boardKey }, select: { id: true } });
  if (!board) throw new AppError("NOT_FOUND", notFound);
  const outOfScope = !!actor.boardScope && actor.boardScope !== board.id;
  await authorize(actor, "board.manage", board.id, outOfScope ? { notFoundMessage: notFound } : { message: "Only a lead or an admin can change a board's columns." });

  return writeTransaction(async (tx) => {
    const located = await tx.phase.findUnique({ where: { boardId_key: { boardId: board.id, key: phaseKey } }, select: { id: true } });
    if (!located) {
      const keys = (await tx.phase.findMany({ where: { boardId: board.id }, orderBy: { position: "asc" }, select: { key: true } })).map((phase) => phase.key);
      throw new AppError("NOT_FOUND", `Board ${boardKey} has no phase "${phaseKey}". Its phases: ${keys.join(", ")}.`);
    }
    // Moves check the WIP limit on this locked row; changing it under the same lock means a
    // racing move sees either the old settings or the new ones, never a mix.
    await lockPhases(tx, [located.id]);
    const phase = await tx.phase.findUniqueOrThrow({
      where: { id: located.id },
      select: { id: true, key: true, name: true, position: true, wipPolicy: true, wipMin: true, wipMax: true },
    });
    const before: Settings = { name: phase.name, wipPolicy: phase.wipPolicy as WipPolicy, wipMin: phase.wipMin, wipMax: phase.wipMax };
    const after: Settings = {
      name: fields.name ?? before.name,
      wipPolicy: fields.wipPolicy ?? before.wipPolicy,
      wipMin: fields.wipMin === undefined ? before.wipMin : fields.wipMin,
      wipMax: fields.wipMax === undefined ? before.wipMax : fields.wipMax,
    };
    assertSettingsFit(after);

    const diff = changedFields(before, after);
    let admitted: string[] = [];
    if (diff) {
      await tx.phase.update({ where: { id: phase.id }, data: after });
      await recordAudit(tx, actor, {
        action: "phase.updated",
        entityType: "phase",
        entityId: phase.id,
        boardId: board.id,
        // The phase key rides along in `after` only, so the audit view names the column
        // without showing it as a change.
        before: diff.before,
        after: { phase: phase.key, ...diff.after },
        reason: fields.reason || null,
      });
      if (roomMayHaveGrown(before, after)) admitted = await admitWaiting(tx, board.id, phase.key);
    }
    const { ticketCount } = await tx.phase.findUniqueOrThrow({ where: { id: phase.id }, select: { ticketCount: true } });
    return {
      id: phase.id,
      key: phase.key,
      position: phase.position,
      ...after,
      count: ticketCount,
      state: wipState(ticketCount, after.wipPolicy, after.wipMin, after.wipMax),
      changed: diff ? Object.keys(diff.after) : [],
      admitted,
    };
  });
}

/** The settings as a whole, judged by the rule workflow files are loaded with. */
function assertSettingsFit(settings: Settings): void {
  const result = wipSettingsSchema.safeParse({
    policy: settings.wipPolicy,
    ...(settings.wipMin === null ? {} : { min: settings.wipMin }),
    ...(settings.wipMax === null ? {} : { max: settings.wipMax }),
  });
  if (result.success) return;
  const issues: ValidationIssue[] = result.error.issues.map((issue) => {
    const field = SETTINGS_FIELD[String(issue.path[0])] ?? String(issue.path[0] ?? "");
    return { path: field, message: issue.message.charAt(0).toUpperCase() + issue.message.slice(1) };
  });
  throw new AppError("VALIDATION_FAILED", `These WIP settings do not fit together: ${issues.map((issue) => issue.message).join("; ")}.`, { issues });
}

function roomMayHaveGrown(before: Settings, after: Settings): boolean {
  if (after.wipPolicy !== "hard" || after.wipMax === null) return before.wipPolicy === "hard";
  return before.wipPolicy !== "hard" || before.wipMax === null || after.wipMax > before.wipMax;
}

/** Moves in approved tickets waiting for room in the column until it is full again. */
async function admitWaiting(tx: Tx, boardId: string, phaseKey: string): Promise<string[]> {
  const waiting = await tx.gateRequest.findMany({
    where: { boardId, toPhaseKey: phaseKey, status: "approved", waitingForCapacity: true },
    orderBy: { createdAt: "asc" },
    select: { id: true, ticketId: true },
  });
  const admitted: string[] = [];
  for (const request of waiting) {
    const outcome = await advanceGateRequest(tx, request.id, "The column's WIP limit was raised; the gate was already approved");
    if (outcome === "waiting_for_capacity") break;
    if (outcome === "moved") admitted.push(request.ticketId);
  }
  return admitted;
}
