import { normalizeHeading } from "./markdown-sections";
import type { PlanSectionKey } from "./types";

// Order matters: the more specific names ("closed tasks", "task details", "reviewer notes")
// must be tried before the generic ones they contain ("tasks", "review").
const HEADING_RULES: [PlanSectionKey, RegExp][] = [
  ["phaseChecklist", /\bphase(?:s)?\b.*\b(?:checklist|status|table|overview)\b|^phases$/],
  ["hardStop", /\bhard[ -]?stop\b|\bawaiting (?:user )?approval\b|\bapproval required\b/],
  ["epicsInScope", /\bepics? in scope\b|^scope$|^epics$/],
  ["epicsFound", /\bepics? found\b/],
  ["targetTasks", /\btarget tasks?\b/],
  ["discoveredIssues", /\bdiscovered issues?\b|\bissues? discovered\b|\bnew issues\b/],
  ["discovery", /\bdiscovery\b/],
  ["conflictMatrix", /\bconflicts?\b/],
  ["dependencyContext", /\bdependenc(?:y|ies)\b/],
  ["taskDetails", /\btask details?\b/],
  ["baseline", /\bbaseline\b/],
  ["closedTasks", /\bclosed tasks?\b|\btasks? closed\b/],
  ["filesChanged", /\bfiles?\b.*\b(?:modified|created|changed|touched)\b|^files$|\bchanged files\b/],
  ["executionLog", /\bexecution log\b|^log$|\btimeline\b|\bactivity log\b/],
  ["workerValidation", /\bworker validation\b|\bvalidat(?:e|ion) workers?\b/],
  ["reviewerNotes", /\breview(?:er)? notes\b/],
  ["reviews", /\breviews?\b/],
  ["finalVerification", /\bverification\b/],
  ["compliance", /\bcompliance\b/],
  ["tasks", /\btasks?\b/],
  ["summary", /\bsummary\b/],
];

/** Which plan section a heading names, or null when it is not one we know. */
export function classifyPlanHeading(heading: string): PlanSectionKey | null {
  const normalized = normalizeHeading(heading).replace(/_/g, " ");
  for (const [key, pattern] of HEADING_RULES) {
    if (pattern.test(normalized)) return key;
  }
  return null;
}

/** Section keys that only a work plan has; used to tell a plan from other Markdown. */
export const PLAN_SPECIFIC_KEYS: ReadonlySet<PlanSectionKey> = new Set<PlanSectionKey>([
  "phaseChecklist",
  "epicsInScope",
  "conflictMatrix",
  "taskDetails",
  "baseline",
  "tasks",
  "executionLog",
  "workerValidation",
  "reviews",
  "closedTasks",
  "discoveredIssues",
  "finalVerification",
  "hardStop",
]);
