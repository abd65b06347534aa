import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import { can, type Actor } from "@/lib/domain/permissions";
import { checkWip } from "@/lib/domain/wip/check-wip";
import type { WipPolicy } from "@/lib/board-view";
import type { AuditInput } from "@/lib/server/record-audit";

export type WipFlag = "over-soft-limit" | "hard-limit-overridden" | null;

export type ColumnAdmission = {
  flag: WipFlag;
  column: { id: string; key: string; name: string; wipMax: number | null; ticketCount: number };
};

/**
 * Decides whether one more ticket may enter a column, for every way a ticket enters one
 * (a move, a creation). The caller has locked the column row (lockPhases) in `tx`, so the
 * counter read here is the count no racing writer can change before this one commits.
 * Refuses with WIP_LIMIT_REACHED; `details` is added to the refusal's own.
 */
export async function admitToColumn(
  tx: Tx,
  actor: Actor,
  boardId: string,
  phaseId: string,
  request: { overrideWip?: boolean; reason?: string | null },
  details: Record<string, unknown> = {},
): Promise<ColumnAdmission> {
  const column = await tx.phase.findUniqueOrThrow({
    where: { id: phaseId },
    select: { id: true, key: true, name: true, wipPolicy: true, wipMax: true, ticketCount: true },
  });
  const mayOverride = can(actor, "wip.override", boardId);
  const decision = checkWip({
    phaseName: column.name,
    policy: column.wipPolicy as WipPolicy,
    max: column.wipMax,
    count: column.ticketCount,
    override: request.overrideWip ? { allowed: mayOverride, reason: request.reason } : undefined,
  });
  if (!decision.allowed) {
    const hint = !request.overrideWip ? "" : mayOverride ? " An override needs a reason." : " Only a lead or an admin can override a WIP limit.";
    throw new AppError("WIP_LIMIT_REACHED", decision.message + hint, { phase: column.key, limit: column.wipMax, count: column.ticketCount, ...details });
  }
  return { flag: decision.flag, column: { id: column.id, key: column.key, name: column.name, wipMax: column.wipMax, ticketCount: column.ticketCount } };
}

/** The `wip.override` event that goes with a ticket let into a full hard-limit column. */
export function wipOverrideEvent(admission: ColumnAdmission, boardId: string, ticketId: string, reason: string | null | undefined): AuditInput[] {
  if (admission.flag !== "hard-limit-overridden") return [];
  const { column } = admission;
  return [
    {
      action: "wip.override",
      entityType: "phase",
      entityId: column.id,
      boardId,
      after: { phase: column.key, limit: column.wipMax, count: column.ticketCount + 1, ticket: ticketId },
      reason: reason ?? null,
    },
  ];
}
