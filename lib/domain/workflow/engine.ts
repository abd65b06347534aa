import type { GateSpec } from "@/lib/schemas/gate";
import type { WorkflowDefinition, WorkflowPhase } from "@/lib/schemas/workflow";

/**
 * The workflow state machine: which moves a workflow allows, which gates guard them, and
 * what a phase asks of its tickets. Pure; every door reaches it through lib/server use cases.
 */

export function findPhase(workflow: WorkflowDefinition, key: string): WorkflowPhase | undefined {
  return workflow.phases.find((phase) => phase.key === key);
}

/** Phase keys a ticket in `from` may move to, in board order. */
export function allowedTargets(workflow: WorkflowDefinition, from: string): string[] {
  const targets = new Set(workflow.transitions.filter((t) => t.from === from).flatMap((t) => t.to));
  return workflow.phases.map((phase) => phase.key).filter((key) => targets.has(key));
}

export function isTransitionAllowed(workflow: WorkflowDefinition, from: string, to: string): boolean {
  return workflow.transitions.some((t) => t.from === from && t.to.includes(to));
}

/** The gates guarding `from → to` (empty when the move is free). */
export function transitionGates(workflow: WorkflowDefinition, from: string, to: string): GateSpec[] {
  return workflow.transitions.filter((t) => t.from === from && t.to.includes(to)).flatMap((t) => t.gates);
}

/**
 * Phases a new ticket may start in, in board order: those reachable from the first phase
 * without passing a gate. A ticket created further on would skip the evidence or approval
 * every moved ticket needs.
 */
export function creatablePhases(workflow: WorkflowDefinition): string[] {
  const first = workflow.phases[0]?.key;
  if (!first) return [];
  const reached = new Set([first]);
  const queue = [first];
  for (let from = queue.shift(); from !== undefined; from = queue.shift()) {
    for (const transition of workflow.transitions) {
      if (transition.from !== from || transition.gates.length > 0) continue;
      for (const to of transition.to) {
        if (reached.has(to)) continue;
        reached.add(to);
        queue.push(to);
      }
    }
  }
  return workflow.phases.map((phase) => phase.key).filter((key) => reached.has(key));
}

/** Done definitions of a phase with the ticket's ticks (indexes into the list). */
export function checklistState(phase: WorkflowPhase | undefined, ticked: readonly number[]): Array<{ item: string; done: boolean }> {
  const done = new Set(ticked);
  return (phase?.doneDefinitions ?? []).map((item, index) => ({ item, done: done.has(index) }));
}

export type ChecklistTick =
  | { ok: true; ticked: number[]; changed: boolean }
  | { ok: false; message: string };

/**
 * Ticks (or unticks) done definition `index` of `phase` in a ticket's ticked list. The
 * result is sorted and free of duplicates and of indexes the phase does not have, so two
 * clients ticking in a different order store the same list.
 */
export function applyChecklistTick(phase: WorkflowPhase, ticked: readonly number[], index: number, done: boolean): ChecklistTick {
  const count = phase.doneDefinitions.length;
  if (count === 0) return { ok: false, message: `${phase.name} has no done definitions to tick.` };
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    return { ok: false, message: `${phase.name} has ${count} done definition${count === 1 ? "" : "s"} (index 0–${count - 1}); ${index} is not one of them.` };
  }
  const current = [...new Set(ticked)].filter((entry) => Number.isInteger(entry) && entry >= 0 && entry < count).sort((a, b) => a - b);
  const next = new Set(current);
  if (done) next.add(index);
  else next.delete(index);
  const sorted = [...next].sort((a, b) => a - b);
  return { ok: true, ticked: sorted, changed: sorted.length !== current.length };
}

/**
 * Where a ticket goes by itself once its phase's done definitions are all ticked, if the
 * phase says so and the workflow allows that move. Null otherwise.
 */
export function autoAdvanceTarget(workflow: WorkflowDefinition, from: string, ticked: readonly number[]): string | null {
  const phase = findPhase(workflow, from);
  if (!phase?.autoAdvance || phase.doneDefinitions.length === 0) return null;
  if (!checklistState(phase, ticked).every((entry) => entry.done)) return null;
  return isTransitionAllowed(workflow, from, phase.autoAdvance.to) ? phase.autoAdvance.to : null;
}

/** The status a ticket takes when it enters a phase (closing on the last, reopening when leaving it). */
export function statusOnEnter(workflow: WorkflowDefinition, to: string, current: string): string {
  const keys = workflow.phases.map((phase) => phase.key);
  if (to === keys[keys.length - 1]) return "closed";
  if (current === "closed") return to === keys[0] ? "open" : "in_progress";
  if (current === "open" && to !== keys[0]) return "in_progress";
  return current;
}
