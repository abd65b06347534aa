import type { WipPolicy } from "@/lib/board-view";

export type WipDecision =
  | { allowed: true; flag: null | "over-soft-limit" | "hard-limit-overridden" }
  | { allowed: false; message: string };

/**
 * Decides whether one more ticket may enter a column. `count` is the column's size before
 * the move. A hard limit refuses unless a lead overrides it with a reason; a soft limit
 * lets the ticket in and flags it.
 */
export function checkWip(input: {
  phaseName: string;
  policy: WipPolicy;
  max: number | null;
  count: number;
  override?: { allowed: boolean; reason?: string | null };
}): WipDecision {
  const { phaseName, policy, max, count, override } = input;
  if (policy === "none" || max === null || count < max) return { allowed: true, flag: null };
  if (policy === "soft") return { allowed: true, flag: "over-soft-limit" };
  if (override?.allowed && override.reason && override.reason.trim().length > 0) return { allowed: true, flag: "hard-limit-overridden" };
  const state = count === max ? `is at its limit of ${max}` : `holds ${count}, over its limit of ${max}`;
  return { allowed: false, message: `${phaseName} ${state} — finish or move a card out first.` };
}
