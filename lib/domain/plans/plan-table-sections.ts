import { readLabel, stripEmphasis, type Block } from "./markdown-blocks";
import { mapColumns, parseTable, type ColumnSpec, type MappedRow } from "./markdown-table";
import type { SectionInput, SectionOutput } from "./plan-section-input";
import { leadingInt, toCheckCell } from "./plan-values";
import { toStatusValue } from "./status-words";
import type { PlanPhase, PlanReview, PlanTask, PlanWorkerValidation } from "./types";

/** First table of the section mapped onto known columns; other blocks are handed back. */
function readFirstTable<K extends string>(
  input: SectionInput,
  specs: ColumnSpec<K>[],
  what: string,
): { rows: MappedRow<K>[]; leftover: Block[] } {
  const leftover: Block[] = [];
  let rows: MappedRow<K>[] | null = null;
  for (const block of input.blocks) {
    if (block.kind === "table" && rows === null) {
      const table = parseTable(block.lines, input.warnings);
      if (!table) continue;
      const mapped = mapColumns(table, specs);
      if (mapped.missing.length > 0) {
        input.warnings.push({ line: table.line, message: `${what} table has no column for: ${mapped.missing.join(", ")}` });
      }
      rows = mapped.rows;
    } else leftover.push(block);
  }
  if (rows === null) input.warnings.push({ line: input.line, message: `${what} section has no table` });
  return { rows: rows ?? [], leftover };
}

const PHASE_COLUMNS: ColumnSpec<"number" | "name" | "agent" | "status" | "notes">[] = [
  { key: "number", match: /^(?:#|no|nr|number|step|n)$/ },
  { key: "name", match: /phase|name|step/ },
  { key: "agent", match: /agent|owner|who|model/ },
  { key: "status", match: /status|state/ },
  { key: "notes", match: /notes?|comments?|details?|remarks?/ },
];

const CURRENT_PHASE = /current\s+phase\s*:?\s*(.*)$/i;

export interface PhaseChecklist {
  phases: PlanPhase[];
  /** Text after "Current Phase:" when the plan states it. */
  currentText: string | null;
}

export function parsePhaseChecklist(input: SectionInput): SectionOutput<PhaseChecklist> {
  const { rows, leftover: rest } = readFirstTable(input, PHASE_COLUMNS, "phase checklist");
  const phases: PlanPhase[] = rows.map((row) => {
    const v = row.values;
    const numberText = stripEmphasis(v.number ?? "");
    const notes = v.notes ?? "";
    return {
      number: /^\d+$/.test(numberText) ? Number(numberText) : null,
      name: v.name ?? "",
      agent: v.agent ?? "",
      status: toStatusValue(v.status ?? ""),
      notes,
      current: false,
      hardStop: /hard[ -]?stop/i.test(`${notes} ${v.name ?? ""}`),
      extra: row.extra,
    };
  });
  let currentText: string | null = null;
  const leftover: Block[] = [];
  for (const block of rest) {
    if (block.kind === "paragraph" && currentText === null) {
      const index = block.lines.findIndex((l) => CURRENT_PHASE.test(stripEmphasis(l.text)));
      const hit = block.lines[index];
      if (hit) {
        currentText = stripEmphasis(CURRENT_PHASE.exec(stripEmphasis(hit.text))?.[1] ?? "");
        const others = block.lines.filter((_, i) => i !== index);
        if (others.length > 0) leftover.push({ ...block, lines: others });
        continue;
      }
    }
    leftover.push(block);
  }
  return { value: { phases, currentText }, leftover };
}

const TASK_COLUMNS: ColumnSpec<"id" | "title" | "epic" | "status" | "worker" | "files" | "respawns">[] = [
  { key: "id", match: /^(?:id|task id|task|bead|bead id|ticket|issue)$/ },
  { key: "title", match: /title|name|summary|description/ },
  { key: "epic", match: /epic|parent/ },
  { key: "status", match: /status|state/ },
  { key: "worker", match: /worker|agent|assignee|owner/ },
  { key: "files", match: /files?|paths?/ },
  { key: "respawns", match: /respawns?|retries|restarts|attempts/ },
];

function orNull(text: string | undefined): string | null {
  const t = (text ?? "").trim();
  return t === "" || /^(?:-|—|–|n\/a|none)$/i.test(t) ? null : t;
}

export function splitFiles(text: string): string[] {
  return text
    .split(/,|;|<br\s*\/?>/i)
    .map((f) => f.trim().replace(/^`+|`+$/g, "").trim())
    .filter((f) => f !== "" && f !== "-");
}

export function parseTaskTable(input: SectionInput): SectionOutput<PlanTask[]> {
  const { rows, leftover } = readFirstTable(input, TASK_COLUMNS, "tasks");
  const value = rows.map((row): PlanTask => {
    const v = row.values;
    if (!orNull(v.id)) input.warnings.push({ line: row.line, message: "task row without an id" });
    return {
      id: v.id ?? "",
      title: v.title ?? "",
      epic: orNull(v.epic),
      status: toStatusValue(v.status ?? ""),
      worker: orNull(v.worker),
      files: splitFiles(v.files ?? ""),
      respawns: leadingInt(v.respawns ?? ""),
      extra: row.extra,
    };
  });
  return { value, leftover };
}

const VALIDATION_COLUMNS: ColumnSpec<"task" | "testsRun" | "testsPassed" | "typeCheck" | "valid">[] = [
  { key: "task", match: /^(?:task|task id|id|bead|worker)$/ },
  { key: "testsRun", match: /tests? (?:run|ran|executed)/ },
  { key: "testsPassed", match: /tests? pass/ },
  { key: "typeCheck", match: /mypy|tsc|type|pyright|typecheck/ },
  { key: "valid", match: /valid|result|ok|verdict/ },
];

export function parseWorkerValidation(input: SectionInput): SectionOutput<PlanWorkerValidation[]> {
  const { rows, leftover } = readFirstTable(input, VALIDATION_COLUMNS, "worker validation");
  const value = rows.map((row): PlanWorkerValidation => ({
    taskId: row.values.task ?? "",
    testsRun: toCheckCell(row.values.testsRun ?? ""),
    testsPassed: toCheckCell(row.values.testsPassed ?? ""),
    typeCheckPassed: toCheckCell(row.values.typeCheck ?? ""),
    valid: toCheckCell(row.values.valid ?? ""),
    extra: row.extra,
  }));
  return { value, leftover };
}

const REVIEW_COLUMNS: ColumnSpec<"epic" | "reviewer" | "status" | "warnings" | "respawns">[] = [
  { key: "epic", match: /epic|task|scope|bead/ },
  { key: "reviewer", match: /reviewer|agent|by/ },
  { key: "status", match: /status|result|verdict/ },
  { key: "warnings", match: /warn|issues|findings/ },
  { key: "respawns", match: /respawns?|retries/ },
];

export function parseReviews(input: SectionInput): SectionOutput<PlanReview[]> {
  const { rows, leftover } = readFirstTable(input, REVIEW_COLUMNS, "review results");
  const value = rows.map((row): PlanReview => ({
    epic: row.values.epic ?? "",
    reviewer: row.values.reviewer ?? "",
    status: toStatusValue(row.values.status ?? ""),
    warnings: leadingInt(row.values.warnings ?? ""),
    warningsText: row.values.warnings ?? "",
    respawns: leadingInt(row.values.respawns ?? ""),
    extra: row.extra,
  }));
  return { value, leftover };
}

/**
 * The section's `Status: ✅ done` line: the first paragraph line that is one (usually right
 * under the heading, but writers sometimes put it after a note or a table).
 */
export function takeStatusLine(blocks: Block[]): { status: string | null; blocks: Block[] } {
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (block?.kind !== "paragraph") continue;
    for (let l = 0; l < block.lines.length; l++) {
      const label = readLabel(block.lines[l]?.text ?? "");
      if (!label || !/^status$/i.test(label.label)) continue;
      const before = block.lines.slice(0, l);
      const after = block.lines.slice(l + 1);
      const replacement = [before, after].filter((lines) => lines.length > 0).map((lines) => ({ ...block, lines }));
      return { status: label.value, blocks: [...blocks.slice(0, b), ...replacement, ...blocks.slice(b + 1)] };
    }
  }
  return { status: null, blocks };
}
