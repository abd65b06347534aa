/**
 * The state of a plan's HARD STOP gate, from the plan as imported and the decisions people
 * made on it. Pure, so the plan view, the inbox and the decision use case agree.
 *
 * - `not_reached`: the orchestrator has not stopped there yet (the plan is still active).
 * - `waiting`: the plan says it awaits approval and nobody has decided since it was last imported.
 * - `approved` / `rejected`: the latest decision. A rejection holds until the orchestrator
 *   re-imports the plan (its revised work), which opens the gate for a decision again.
 * - `done`: the plan itself reports every phase complete (approved outside Gateboard).
 */
export type HardStopState = "not_reached" | "waiting" | "approved" | "rejected" | "done";

export type HardStopDecisionFact = { decision: "approve" | "reject"; createdAt: Date };

export function hardStopState(input: {
  planStatus: string;
  /** When the plan was last (re-)imported. */
  importedAt: Date;
  /** Newest first. */
  decisions: HardStopDecisionFact[];
}): HardStopState {
  const latest = input.decisions[0];
  if (latest?.decision === "approve") return "approved";
  if (input.planStatus === "done") return "done";
  if (latest?.decision === "reject" && latest.createdAt >= input.importedAt) return "rejected";
  return input.planStatus === "awaiting_approval" ? "waiting" : "not_reached";
}
