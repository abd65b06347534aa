// Shapes produced by the plan and session-summary parsers. Consumed by the server layer,
// the API schemas and the React views, so everything here is plain JSON: strings (ISO for
// times), numbers, booleans, arrays and records — no Dates, Maps or class instances.

/** A problem found while parsing, with the 1-based line of the input it refers to. */
export interface ParseIssue {
  line: number;
  message: string;
}

/** The small status vocabulary every emoji/word in a plan or summary is mapped to. */
export type WorkStatus = "done" | "pending" | "in_progress" | "failed" | "blocked" | "skipped" | "unknown";

/** A mapped status together with the words it was read from (kept for display and export). */
export interface StatusValue {
  status: WorkStatus;
  text: string;
}

/** A fenced code block kept verbatim; `data` is the YAML/JSON reading when it parses. */
export interface CodeBlock {
  lang: string;
  text: string;
  data: unknown;
}

/** `- [x] text` style checklist entry; `checked` is null for a plain bullet. */
export interface ChecklistItem {
  checked: boolean | null;
  text: string;
}

// ---------------------------------------------------------------- work plans

/** Every section of a plan the parser understands; anything else is `raw`. */
export type PlanSectionKey =
  | "phaseChecklist"
  | "epicsInScope"
  | "targetTasks"
  | "discovery"
  | "epicsFound"
  | "conflictMatrix"
  | "dependencyContext"
  | "taskDetails"
  | "baseline"
  | "tasks"
  | "filesChanged"
  | "executionLog"
  | "workerValidation"
  | "reviews"
  | "reviewerNotes"
  | "closedTasks"
  | "discoveredIssues"
  | "finalVerification"
  | "summary"
  | "compliance"
  | "hardStop";

/**
 * One heading of the plan in document order. `notes` holds the Markdown of that section
 * the parser did not turn into structure, so nothing is silently dropped.
 */
export interface PlanOutlineEntry {
  key: PlanSectionKey | "raw";
  heading: string;
  level: number;
  line: number;
  /** `Status: ✅ done` line directly under the heading, when present. */
  status: StatusValue | null;
  notes: string;
  /** Index into `rawSections` when key is "raw". */
  rawIndex: number | null;
}

export interface RawSection {
  heading: string;
  level: number;
  line: number;
  markdown: string;
}

export interface PlanPhase {
  number: number | null;
  name: string;
  agent: string;
  status: StatusValue;
  notes: string;
  /** Derived from the "Current Phase" line (or inferred when absent). */
  current: boolean;
  /** True when the notes carry the HARD STOP marker. */
  hardStop: boolean;
  extra: Record<string, string>;
}

export interface PlanCurrentPhase {
  number: number | null;
  label: string | null;
  /** "stated" when the plan has a "Current Phase" line, "inferred" from statuses otherwise. */
  source: "stated" | "inferred";
  text: string;
}

/** `id: title (note)` bullet used for epics in scope, epics found and target tasks. */
export interface PlanItemRef {
  id: string;
  title: string;
  checked: boolean | null;
  note: string | null;
  /** First "N task(s)" number in the note. */
  taskCount: number | null;
  /** "N remaining" number in the note. */
  remainingCount: number | null;
}

export interface ConflictGroup {
  taskIds: string[];
  reason: string;
}

export interface PlanConflictMatrix {
  parallelSafe: ConflictGroup[];
  sequentialRequired: ConflictGroup[];
}

/** `path: [SymbolA, SymbolB]` line of the dependency context. */
export interface FileSymbols {
  file: string;
  symbols: string[];
}

export interface PlanDependencyContext {
  valueObjects: FileSymbols[];
  fakes: FileSymbols[];
  /** Other bold-labelled groups (label → lines), in order. */
  otherGroups: { label: string; items: string[] }[];
  codeBlocks: CodeBlock[];
}

export interface PlanBaseline {
  /** Written as a bullet list or as a fenced yaml block; kept so export looks the same. */
  style: "list" | "yaml";
  testCount: number | null;
  testCountText: string | null;
  /** False when the baseline says there are no tests yet. */
  hasTests: boolean;
  status: StatusValue | null;
  preExistingFailures: {
    text: string;
    none: boolean;
    count: number | null;
    details: string[];
  } | null;
  /** Any other KEY: value lines. */
  extra: Record<string, string>;
}

export interface PlanDependencyRef {
  id: string;
  note: string | null;
}

/** A `TASK: id` block from the discovery results (YAML-like, not always valid YAML). */
export interface PlanTaskDetail {
  id: string;
  title: string | null;
  description: string | null;
  acceptanceCriteria: string[];
  dependsOn: PlanDependencyRef[];
  parent: string | null;
  extra: Record<string, string | string[]>;
}

export interface PlanTask {
  id: string;
  title: string;
  epic: string | null;
  status: StatusValue;
  /** Null when the cell is empty or "-". */
  worker: string | null;
  files: string[];
  respawns: number | null;
  extra: Record<string, string>;
}

export interface PlanFileChange {
  path: string;
  /** "modified", "created", … as written; null when not stated. */
  change: string | null;
  note: string | null;
}

export interface PlanLogEntry {
  /** Timestamp as written. */
  at: string;
  /** Same instant as an ISO-8601 local date-time (seconds always present), null if unreadable. */
  iso: string | null;
  message: string;
}

/** A yes/no-ish cell ("yes", "4/4", "✅"); counts are filled for "N/M". */
export interface CheckCell {
  text: string;
  ok: boolean | null;
  passed: number | null;
  total: number | null;
}

export interface PlanWorkerValidation {
  taskId: string;
  testsRun: CheckCell;
  testsPassed: CheckCell;
  typeCheckPassed: CheckCell;
  valid: CheckCell;
  extra: Record<string, string>;
}

export interface PlanReview {
  epic: string;
  reviewer: string;
  status: StatusValue;
  warnings: number | null;
  warningsText: string;
  respawns: number | null;
  extra: Record<string, string>;
}

export interface PlanClosedTask {
  id: string;
  title: string;
  /** A trailing ✓/✔/✅ confirming the close. */
  confirmed: boolean;
}

export interface PlanClosedTasks {
  tasks: PlanClosedTask[];
  /** Bullets that are not `id: title` (e.g. "Parent epic … still has 9 blockers"). */
  notes: string[];
}

export interface PlanDiscoveredIssues {
  none: boolean;
  items: string[];
  /** Text after "None -", or other free text. */
  note: string | null;
}

export interface PlanFinalVerification {
  items: ChecklistItem[];
  /** Read from the checklist, e.g. "… = 621 unit tests" or "(4/4)". */
  testsPassed: number | null;
  testsTotal: number | null;
}

export interface PlanCompliance {
  block: CodeBlock | null;
  /** Names of top-level entries whose `violation` is true. */
  violations: string[];
  allPassed: boolean | null;
}

export interface PlanSummary {
  text: string;
}

/** Where the orchestrator stops and waits for a human. */
export interface PlanHardStop {
  source: "section" | "phase-checklist";
  phaseNumber: number | null;
  /** What the human must approve, e.g. "User-Approved Commit". */
  awaiting: string | null;
  /** Condition under which work resumes, e.g. 'after user says "commit"'. */
  condition: string | null;
  items: string[];
  text: string;
}

export interface Plan {
  title: string;
  generatedAt: string | null;
  sessionId: string | null;
  /** Other `Key: value` lines in the header. */
  headerExtra: Record<string, string>;
  /** Header lines that are not `Key: value`. */
  headerNotes: string;
  outline: PlanOutlineEntry[];
  rawSections: RawSection[];
  /** Null when the plan has no such section (an empty section gives an empty value). */
  phases: PlanPhase[] | null;
  currentPhase: PlanCurrentPhase | null;
  epicsInScope: PlanItemRef[] | null;
  targetTasks: PlanItemRef[] | null;
  epicsFound: PlanItemRef[] | null;
  conflictMatrix: PlanConflictMatrix | null;
  dependencyContext: PlanDependencyContext | null;
  taskDetails: PlanTaskDetail[] | null;
  baseline: PlanBaseline | null;
  tasks: PlanTask[] | null;
  filesChanged: PlanFileChange[] | null;
  executionLog: PlanLogEntry[] | null;
  workerValidation: PlanWorkerValidation[] | null;
  reviews: PlanReview[] | null;
  reviewerNotes: string[] | null;
  closedTasks: PlanClosedTasks | null;
  discoveredIssues: PlanDiscoveredIssues | null;
  finalVerification: PlanFinalVerification | null;
  summary: PlanSummary | null;
  compliance: PlanCompliance | null;
  hardStop: PlanHardStop | null;
}

export type PlanParseResult =
  | { ok: true; plan: Plan; warnings: ParseIssue[] }
  | { ok: false; errors: ParseIssue[]; warnings: ParseIssue[] };

// ---------------------------------------------------------- session summaries

/** Numbers for the small metrics panel; null when the document does not say. */
export interface SummaryMetrics {
  testsPassed: number | null;
  testsTotal: number | null;
  durationText: string | null;
  durationMinutes: number | null;
  completionPercent: number | null;
}

export interface SummaryWorkstream {
  heading: string;
  /** Code such as "PH-NEXT-001" or "WS-NEXT-002-001" found in the heading. */
  id: string | null;
  title: string;
  status: StatusValue | null;
  duration: string | null;
  /** Bold-labelled groups ("Results", "What Was Created", …) with their bullet texts. */
  groups: { label: string; items: string[] }[];
  codeBlocks: CodeBlock[];
}

export interface SummaryComponent {
  name: string;
  status: StatusValue;
  percent: number | null;
  tests: string;
  testCount: number | null;
  coverage: string;
  extra: Record<string, string>;
}

export interface SummaryNextStep {
  heading: string;
  id: string | null;
  title: string;
  /** Estimate as written, e.g. "2h". */
  estimate: string | null;
  estimateHours: number | null;
  status: string | null;
  tasks: string[];
}

export interface SummaryChecklist {
  heading: string;
  items: ChecklistItem[];
}

interface SummaryBase {
  title: string | null;
  /** ISO date (YYYY-MM-DD) of the session, or of its first entry. */
  date: string | null;
  metrics: SummaryMetrics;
  /** The whole document after mojibake repair, for rendering. */
  markdown: string;
  repairedSequences: number;
  rawSections: RawSection[];
}

export interface CompletionSummary extends SummaryBase {
  kind: "completion-summary";
  status: StatusValue | null;
  /** `**Key**: value` lines outside lists (Date, Duration, Status, Quality, …). */
  fields: Record<string, string>;
  achievements: SummaryWorkstream[];
  components: SummaryComponent[];
  nextSteps: SummaryNextStep[];
  totalRemaining: string | null;
  successCriteria: SummaryChecklist[];
  filesCreated: string[];
  filesModified: string[];
}

export interface ProgressLogEntry {
  heading: string;
  line: number;
  /** ISO date-time; "Z" when the heading says UTC. */
  at: string | null;
  objective: string | null;
  context: string | null;
  plan: string[];
  /** First line of the Results field, e.g. "In progress — planning …". */
  result: string | null;
  status: StatusValue | null;
  /** Nested bullets under Results, indented by depth with two spaces. */
  resultDetails: string[];
  testsPassed: number | null;
  testsTotal: number | null;
  /** Other `**Label**: value` bullets. */
  fields: Record<string, string>;
}

export interface ProgressLog extends SummaryBase {
  kind: "progress-log";
  entries: ProgressLogEntry[];
}

export type SessionSummary = CompletionSummary | ProgressLog;

export type SummaryParseResult =
  | { ok: true; summary: SessionSummary; warnings: ParseIssue[] }
  | { ok: false; errors: ParseIssue[]; warnings: ParseIssue[] };
