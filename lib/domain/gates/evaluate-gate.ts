import type { GateSpec } from "@/lib/schemas/gate";
import { decidingRoles } from "./can-decide";
import type { GateEvaluation, GateEvidence, TransitionGatesEvaluation } from "./gate-evidence";
import { formatList, formatRoles, plural, withArticle } from "./gate-wording";
import { latestArtifact } from "./latest-artifact";
import { tallyDecisions } from "./tally-decisions";
import { evaluateTestsGate } from "./evaluate-tests-gate";

// Kept here too so callers find the approval rule next to the evaluation that applies it.
export { canDecide } from "./can-decide";

function approvalNeeds(spec: GateSpec, evidence: GateEvidence, required: number): Omit<GateEvaluation, "kind"> {
  const { approvers, rejections } = tallyDecisions(spec, evidence);
  const needs = rejections.map(
    (r) => `rejected by ${r.deciderId}${r.comment ? ` ("${r.comment}")` : ""}; only their approval lifts it`,
  );
  const missing = required - approvers.length;
  const roles = formatRoles(decidingRoles(spec));
  if (missing > 0) {
    const label = spec.kind === "hard-stop" && spec.label ? ` to confirm: ${spec.label}` : "";
    const who = spec.kind === "hard-stop" ? `a human ${roles}` : withArticle(roles);
    needs.push(`${plural(missing, "more approval")} from ${who}${label}`);
  }
  return {
    satisfied: rejections.length === 0 && missing <= 0,
    rejected: rejections.length > 0,
    needs,
    approvalsCounted: approvers.length,
    rejections,
  };
}

/** Judges one gate against the evidence. Pure: the same evidence always gives the same answer. */
export function evaluateGate(spec: GateSpec, evidence: GateEvidence): GateEvaluation {
  const head = { kind: spec.kind, ...(spec.name !== undefined ? { name: spec.name } : {}) };
  const evidenceOnly = (needs: string[]): GateEvaluation => ({
    ...head,
    satisfied: needs.length === 0,
    rejected: false,
    needs,
    approvalsCounted: 0,
    rejections: [],
  });

  switch (spec.kind) {
    case "approval":
      return { ...head, ...approvalNeeds(spec, evidence, spec.approvals) };
    case "hard-stop":
      // Exactly one human approval; agents are refused by canDecide, so automation can never pass it.
      return { ...head, ...approvalNeeds(spec, evidence, 1) };
    case "artifact": {
      const missing = [...new Set(spec.artifacts)].filter((kind) => latestArtifact(evidence.artifacts, kind) === undefined);
      return evidenceOnly(missing.map((kind) => `attach ${withArticle(kind)} artifact`));
    }
    case "checklist": {
      // A phase without done definitions has nothing to tick, so the gate holds vacuously.
      const open = evidence.checklist.filter((entry) => !entry.done).map((entry) => `"${entry.item}"`);
      return evidenceOnly(open.length === 0 ? [] : [`tick ${plural(open.length, "done definition")}: ${formatList(open)}`]);
    }
    case "tests": {
      const { needs, summary } = evaluateTestsGate(spec, evidence);
      return { ...evidenceOnly(needs), ...(summary !== undefined ? { summary } : {}) };
    }
  }
}

/** All gates on a transition must hold; needs are prefixed with the gate's name when it has one. */
export function evaluateTransitionGates(specs: readonly GateSpec[], evidence: GateEvidence): TransitionGatesEvaluation {
  const gates = specs.map((spec) => evaluateGate(spec, evidence));
  return {
    satisfied: gates.every((gate) => gate.satisfied),
    rejected: gates.some((gate) => gate.rejected),
    needs: gates.flatMap((gate) => gate.needs.map((need) => (gate.name ? `${gate.name}: ${need}` : need))),
    gates,
  };
}
