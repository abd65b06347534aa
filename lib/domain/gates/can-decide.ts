import type { GateRole, GateSpec } from "@/lib/schemas/gate";
import type { DeciderKind } from "./gate-evidence";
import { formatRoles, withArticle } from "./gate-wording";

export interface Decider {
  id: string;
  kind: DeciderKind;
  role: string;
}

export interface CanDecideInput {
  decider: Decider;
  assigneeId?: string | null;
  requestedById?: string | null;
  spec: GateSpec;
}

export type CanDecideResult = { ok: true } | { ok: false; reason: string };

const HARD_STOP_ROLES: readonly GateRole[] = ["reviewer", "lead", "admin"];

/** Roles whose decision counts on a gate; empty for gates that evidence alone decides. */
export function decidingRoles(spec: GateSpec): readonly GateRole[] {
  if (spec.kind === "approval") return spec.roles;
  if (spec.kind === "hard-stop") return HARD_STOP_ROLES;
  return [];
}

/**
 * The one rule for who may approve or reject a gate. Used both when a decision is recorded
 * and when decisions are counted, so a decision that should not have been accepted never counts.
 */
export function canDecide({ decider, assigneeId, requestedById, spec }: CanDecideInput): CanDecideResult {
  const roles = decidingRoles(spec);
  if (roles.length === 0) {
    return { ok: false, reason: `${withArticle(spec.kind)} gate is decided by evidence, not by approval` };
  }
  if (decider.kind !== "user") {
    return { ok: false, reason: "agents cannot approve or reject gates; a human must decide" };
  }
  if (assigneeId != null && decider.id === assigneeId) {
    return { ok: false, reason: "you are the ticket's assignee; someone else must review your own work" };
  }
  if (requestedById != null && decider.id === requestedById) {
    return { ok: false, reason: "you requested this gate; someone else must decide it" };
  }
  if (!roles.some((role) => role === decider.role)) {
    return { ok: false, reason: `only ${withArticle(formatRoles(roles))} may decide this gate (your role: ${decider.role || "none"})` };
  }
  return { ok: true };
}
