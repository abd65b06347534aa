import { readLabel, renderBlock, splitBlocks, stripEmphasis, type Block } from "./markdown-blocks";
import { joinLines, splitSections, trimBody, type MarkdownSection, type SourceLine } from "./markdown-sections";
import { resolveCurrentPhase, markCurrent, resolveHardStop } from "./plan-derived";
import { parseBaseline, parseConflictMatrix, parseDependencyContext, parseItemRefs } from "./plan-discovery-sections";
import { classifyPlanHeading, PLAN_SPECIFIC_KEYS } from "./plan-headings";
import {
  parseClosedTasks,
  parseCompliance,
  parseDiscoveredIssues,
  parseExecutionLog,
  parseFilesChanged,
  parseFinalVerification,
  parseHardStopSection,
  parseStringList,
  parseSummary,
  type HardStopSection,
} from "./plan-list-sections";
import type { SectionInput } from "./plan-section-input";
import { parsePhaseChecklist, parseReviews, parseTaskTable, parseWorkerValidation, takeStatusLine } from "./plan-table-sections";
import { parseTaskDetails } from "./plan-task-details";
import { countMojibake, repairMojibake } from "./repair-mojibake";
import { toStatusValue } from "./status-words";
import type { ParseIssue, Plan, PlanParseResult, PlanSectionKey } from "./types";

function emptyPlan(title: string): Plan {
  return {
    title,
    generatedAt: null,
    sessionId: null,
    headerExtra: {},
    headerNotes: "",
    outline: [],
    rawSections: [],
    phases: null,
    currentPhase: null,
    epicsInScope: null,
    targetTasks: null,
    epicsFound: null,
    conflictMatrix: null,
    dependencyContext: null,
    taskDetails: null,
    baseline: null,
    tasks: null,
    filesChanged: null,
    executionLog: null,
    workerValidation: null,
    reviews: null,
    reviewerNotes: null,
    closedTasks: null,
    discoveredIssues: null,
    finalVerification: null,
    summary: null,
    compliance: null,
    hardStop: null,
  };
}

function readHeader(plan: Plan, lines: SourceLine[]): void {
  const notes: string[] = [];
  for (const block of splitBlocks(lines)) {
    if (block.kind !== "paragraph") {
      notes.push(renderBlock(block));
      continue;
    }
    const other: string[] = [];
    for (const source of block.lines) {
      const label = readLabel(source.text.trim());
      if (!label || label.value === "" || label.label.length > 40) {
        other.push(source.text);
      } else if (/^(?:generated|created|date|generated at)$/i.test(label.label) && plan.generatedAt === null) {
        plan.generatedAt = label.value;
      } else if (/^session(?:[ _-]?id)?$/i.test(label.label) && plan.sessionId === null) {
        plan.sessionId = label.value;
      } else if (!(label.label in plan.headerExtra)) {
        plan.headerExtra[label.label] = label.value;
      } else other.push(source.text);
    }
    if (other.length > 0) notes.push(other.join("\n"));
  }
  plan.headerNotes = notes.join("\n\n");
}

/** Feeds one known section to its parser; returns the blocks the parser left over. */
function readSection(plan: Plan, key: PlanSectionKey, input: SectionInput, hardStop: { value: HardStopSection | null }): Block[] {
  switch (key) {
    case "phaseChecklist": {
      const { value, leftover } = parsePhaseChecklist(input);
      plan.phases = value.phases;
      plan.currentPhase = resolveCurrentPhase(value.phases, value.currentText, input.line, input.warnings);
      return leftover;
    }
    case "epicsInScope":
    case "epicsFound":
    case "targetTasks": {
      const { value, leftover } = parseItemRefs(input);
      plan[key] = value;
      return leftover;
    }
    case "conflictMatrix":
      return assign(plan, key, parseConflictMatrix(input));
    case "dependencyContext":
      return assign(plan, key, parseDependencyContext(input));
    case "taskDetails":
      return assign(plan, key, parseTaskDetails(input));
    case "baseline":
      return assign(plan, key, parseBaseline(input));
    case "tasks":
      return assign(plan, key, parseTaskTable(input));
    case "filesChanged":
      return assign(plan, key, parseFilesChanged(input));
    case "executionLog":
      return assign(plan, key, parseExecutionLog(input));
    case "workerValidation":
      return assign(plan, key, parseWorkerValidation(input));
    case "reviews":
      return assign(plan, key, parseReviews(input));
    case "reviewerNotes":
      return assign(plan, key, parseStringList(input));
    case "closedTasks":
      return assign(plan, key, parseClosedTasks(input));
    case "discoveredIssues":
      return assign(plan, key, parseDiscoveredIssues(input));
    case "finalVerification":
      return assign(plan, key, parseFinalVerification(input));
    case "summary":
      return assign(plan, key, parseSummary(input));
    case "compliance":
      return assign(plan, key, parseCompliance(input));
    case "hardStop": {
      const { value, leftover } = parseHardStopSection(input);
      hardStop.value = value;
      return leftover;
    }
    case "discovery":
      // A container heading: its sub-sections are read on their own.
      return input.blocks;
  }
}

type Assignable = Exclude<PlanSectionKey, "phaseChecklist" | "hardStop" | "discovery">;

function assign<K extends Assignable>(plan: Plan, key: K, out: { value: NonNullable<Plan[K]>; leftover: Block[] }): Block[] {
  plan[key] = out.value;
  return out.leftover;
}

function firstMojibakeLine(text: string): number {
  const index = text.split("\n").findIndex((l) => countMojibake(l) > 0);
  return index >= 0 ? index + 1 : 1;
}

function parsePlanUnsafe(input: string): PlanParseResult {
  const warnings: ParseIssue[] = [];
  if (input.trim() === "") return { ok: false, errors: [{ line: 1, message: "the document is empty" }], warnings };
  const repair = repairMojibake(input);
  if (repair.repaired > 0) {
    warnings.push({
      line: firstMojibakeLine(input),
      message: `repaired ${repair.repaired} characters that were decoded with the wrong encoding`,
    });
  }
  const { preamble, sections } = splitSections(repair.text);
  const titleIndex = sections.findIndex((s) => s.level === 1);
  const titleSection: MarkdownSection | undefined = sections[titleIndex];
  const plan = emptyPlan(titleSection ? stripEmphasis(titleSection.heading) : "Work Plan");
  if (!titleSection) warnings.push({ line: 1, message: 'no "# title" heading; using "Work Plan"' });
  readHeader(plan, [...preamble, ...(titleSection?.body ?? [])]);

  const seen = new Set<PlanSectionKey>();
  const hardStop: { value: HardStopSection | null } = { value: null };
  sections.forEach((section, index) => {
    if (index === titleIndex) return;
    let key = classifyPlanHeading(section.heading);
    if (key && seen.has(key)) {
      warnings.push({ line: section.line, message: `second "${section.heading}" section kept as raw Markdown` });
      key = null;
    }
    if (!key) {
      plan.rawSections.push({
        heading: section.heading,
        level: section.level,
        line: section.line,
        markdown: joinLines(trimBody(section.body)),
      });
      plan.outline.push({
        key: "raw",
        heading: section.heading,
        level: section.level,
        line: section.line,
        status: null,
        notes: "",
        rawIndex: plan.rawSections.length - 1,
      });
      return;
    }
    seen.add(key);
    const { status, blocks } = takeStatusLine(splitBlocks(section.body));
    const leftover = readSection(plan, key, { blocks, line: section.line, warnings }, hardStop);
    plan.outline.push({
      key,
      heading: section.heading,
      level: section.level,
      line: section.line,
      status: status !== null ? toStatusValue(status) : null,
      notes: leftover.map(renderBlock).join("\n\n"),
      rawIndex: null,
    });
  });

  if (plan.phases) markCurrent(plan.phases, plan.currentPhase);
  plan.hardStop = resolveHardStop(plan.phases, hardStop.value);

  const known = [...seen].filter((k) => PLAN_SPECIFIC_KEYS.has(k)).length;
  const titleSaysPlan = titleSection !== undefined && /\bplan\b/i.test(titleSection.heading);
  const hasHeader = plan.generatedAt !== null || plan.sessionId !== null;
  if (known < 2 && !(titleSaysPlan && (known >= 1 || hasHeader))) {
    return {
      ok: false,
      errors: [
        {
          line: titleSection?.line ?? 1,
          message:
            "not a work plan: expected a '# … Plan' heading and sections such as Phase Checklist, Tasks, Execution Log or Final Verification",
        },
      ],
      warnings,
    };
  }
  return { ok: true, plan, warnings };
}

/**
 * Reads an orchestrator work plan ("Beads Work Plan") into structure. Tolerant of missing,
 * renamed, reordered or extra sections; never throws. `ok: false` means "this is not a plan".
 */
export function parsePlan(markdown: string): PlanParseResult {
  try {
    return parsePlanUnsafe(typeof markdown === "string" ? markdown : "");
  } catch (error) {
    // Defensive only: a parser bug must become a 400 with a message, not a 500.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ line: 1, message: `could not parse the plan: ${message}` }], warnings: [] };
  }
}
