import type { GateKind } from "@/lib/schemas/gate";
import type { JunitParseResult } from "./junit";

// Everything a gate is judged on. The server assembles it; evaluation itself does no I/O.

export interface GateArtifact {
  id: string;
  /** Artifact kind, e.g. "junit", "review-notes", "typecheck". */
  kind: string;
  /** ISO 8601. The latest artifact of a kind is the one that counts. */
  createdAt: string;
  createdBy: string;
  /** For test reports: the parsed report or the parse error, stored when the artifact was attached. */
  junit?: JunitParseResult;
}

export type DeciderKind = "user" | "agent";
export type GateDecisionValue = "approve" | "reject";

export interface GateDecision {
  deciderId: string;
  deciderKind: DeciderKind;
  /** The decider's role on the board when deciding ("reviewer", "lead", "admin", "member", …). */
  role: string;
  decision: GateDecisionValue;
  comment?: string;
  /** ISO 8601. */
  at: string;
}

export interface ChecklistItem {
  item: string;
  done: boolean;
}

export interface GateEvidence {
  artifacts: readonly GateArtifact[];
  /** Known failures recorded for the ticket (case ids or a plan's loose entries); null when none recorded. */
  baseline?: readonly string[] | null;
  /** Done definitions of the source phase. */
  checklist: readonly ChecklistItem[];
  decisions: readonly GateDecision[];
  assigneeId?: string | null;
  requestedById?: string | null;
}

export interface TestGateSummary {
  artifactId: string;
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  passed: number;
  durationSec?: number;
  baselineUsed: boolean;
  newFailures: string[];
  knownFailures: string[];
  fixedSinceBaseline: string[];
  warnings: string[];
}

export interface GateRejection {
  deciderId: string;
  role: string;
  comment?: string;
  at: string;
}

export interface GateEvaluation {
  kind: GateKind;
  name?: string;
  satisfied: boolean;
  /** A standing reject from someone allowed to decide; the move stays refused until they approve. */
  rejected: boolean;
  /** What is still missing, in words for the person or agent who wants to move the ticket. */
  needs: string[];
  approvalsCounted: number;
  rejections: GateRejection[];
  summary?: TestGateSummary;
}

export interface TransitionGatesEvaluation {
  satisfied: boolean;
  rejected: boolean;
  needs: string[];
  gates: GateEvaluation[];
}
