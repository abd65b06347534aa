import { renderTable } from "./markdown-table";
import { renderItemRef } from "./plan-values";
import { renderTaskDetails } from "./plan-task-details";
import type {
  CodeBlock,
  FileSymbols,
  Plan,
  PlanBaseline,
  PlanConflictMatrix,
  PlanDependencyContext,
  PlanSectionKey,
} from "./types";

// Each renderer writes what its parser reads, in the orchestrator's own layout, so that
// parse(export(parse(x))) equals parse(x).

function extraHeaders(rows: { extra: Record<string, string> }[]): string[] {
  const headers: string[] = [];
  for (const row of rows) for (const key of Object.keys(row.extra)) if (!headers.includes(key)) headers.push(key);
  return headers;
}

function withExtra(cells: string[], extra: Record<string, string>, headers: string[]): string[] {
  return [...cells, ...headers.map((h) => extra[h] ?? "")];
}

// Wrapped item text continues on lines indented under the bullet.
const bullet = (text: string) => `- ${text.replace(/\n/g, "\n  ")}`;
const list = (items: string[]) => items.map(bullet).join("\n");
const fence = (block: CodeBlock) => `\`\`\`${block.lang}\n${block.text}\n\`\`\``;
const fileSymbols = (f: FileSymbols) => (f.symbols.length > 0 ? `${f.file}: [${f.symbols.join(", ")}]` : f.file);

function renderConflicts(m: PlanConflictMatrix): string {
  const group = (label: string, groups: PlanConflictMatrix["parallelSafe"]) =>
    groups.length === 0
      ? `**${label}:** None`
      : `**${label}:**\n${list(groups.map((g) => `[${g.taskIds.join(", ")}]${g.reason ? ` - ${g.reason}` : ""}`))}`;
  return [group("PARALLEL_SAFE", m.parallelSafe), group("SEQUENTIAL_REQUIRED", m.sequentialRequired)].join("\n\n");
}

function renderDependencyContext(d: PlanDependencyContext): string {
  const parts: string[] = d.otherGroups.filter((g) => g.label === "").map((g) => list(g.items));
  if (d.valueObjects.length > 0) parts.push(`**Existing Value Objects:**\n${list(d.valueObjects.map(fileSymbols))}`);
  if (d.fakes.length > 0) parts.push(`**Existing Fakes:**\n${list(d.fakes.map(fileSymbols))}`);
  for (const g of d.otherGroups.filter((g) => g.label !== "")) parts.push(`**${g.label}:**\n${list(g.items)}`);
  parts.push(...d.codeBlocks.map(fence));
  return parts.join("\n\n");
}

function renderBaseline(b: PlanBaseline): string {
  const entries: [string, string, string[]][] = [];
  if (b.testCountText !== null) entries.push(["TEST_COUNT", b.testCountText, []]);
  if (b.status !== null) entries.push(["BASELINE_STATUS", b.status.text, []]);
  if (b.preExistingFailures !== null) {
    entries.push(["PRE_EXISTING_FAILURES", b.preExistingFailures.text, b.preExistingFailures.details]);
  }
  for (const [key, value] of Object.entries(b.extra)) entries.push([key, value, []]);
  const bullet = b.style === "list" ? "- " : "";
  const lines = entries.flatMap(([key, value, details]) => [
    `${bullet}${key}: ${value}`.trimEnd(),
    ...details.map((d) => `  - ${d}`),
  ]);
  return b.style === "yaml" ? `\`\`\`yaml\n${lines.join("\n")}\n\`\`\`` : lines.join("\n");
}

/** Body Markdown of one known section (without heading, status line or notes). */
export function renderPlanSection(plan: Plan, key: PlanSectionKey): string {
  switch (key) {
    case "phaseChecklist": {
      const phases = plan.phases ?? [];
      const extra = extraHeaders(phases);
      const table = renderTable(
        ["#", "Phase", "Agent", "Status", "Notes", ...extra],
        phases.map((p) => withExtra([p.number === null ? "" : String(p.number), p.name, p.agent, p.status.text, p.notes], p.extra, extra)),
      );
      const current = plan.currentPhase?.source === "stated" ? `\n\n**Current Phase: ${plan.currentPhase.text}**` : "";
      return table + current;
    }
    case "epicsInScope":
    case "epicsFound":
    case "targetTasks":
      return list((plan[key] ?? []).map(renderItemRef));
    case "conflictMatrix":
      return plan.conflictMatrix ? renderConflicts(plan.conflictMatrix) : "";
    case "dependencyContext":
      return plan.dependencyContext ? renderDependencyContext(plan.dependencyContext) : "";
    case "taskDetails":
      return plan.taskDetails && plan.taskDetails.length > 0 ? renderTaskDetails(plan.taskDetails) : "";
    case "baseline":
      return plan.baseline ? renderBaseline(plan.baseline) : "";
    case "tasks": {
      const tasks = plan.tasks ?? [];
      const extra = extraHeaders(tasks);
      return renderTable(
        ["ID", "Title", "Epic", "Status", "Worker", "Files", "Respawns", ...extra],
        tasks.map((t) =>
          withExtra(
            [t.id, t.title, t.epic ?? "-", t.status.text, t.worker ?? "-", t.files.join(", "), t.respawns === null ? "" : String(t.respawns)],
            t.extra,
            extra,
          ),
        ),
      );
    }
    case "filesChanged":
      return list(
        (plan.filesChanged ?? []).map((f) => {
          const detail = [f.change, f.note].filter((x): x is string => x !== null && x !== "").join(" - ");
          return detail ? `${f.path} (${detail})` : f.path;
        }),
      );
    case "executionLog":
      return list((plan.executionLog ?? []).map((e) => `${e.at}: ${e.message}`));
    case "workerValidation": {
      const rows = plan.workerValidation ?? [];
      const extra = extraHeaders(rows);
      return renderTable(
        ["Task", "Tests Run", "Tests Passed", "Mypy Passed", "Valid", ...extra],
        rows.map((r) => withExtra([r.taskId, r.testsRun.text, r.testsPassed.text, r.typeCheckPassed.text, r.valid.text], r.extra, extra)),
      );
    }
    case "reviews": {
      const rows = plan.reviews ?? [];
      const extra = extraHeaders(rows);
      return renderTable(
        ["Epic", "Reviewer", "Status", "Warnings", "Respawns", ...extra],
        rows.map((r) =>
          withExtra([r.epic, r.reviewer, r.status.text, r.warningsText, r.respawns === null ? "" : String(r.respawns)], r.extra, extra),
        ),
      );
    }
    case "reviewerNotes":
      return list(plan.reviewerNotes ?? []);
    case "closedTasks": {
      const closed = plan.closedTasks;
      if (!closed) return "";
      return list([...closed.tasks.map((t) => `${t.id}: ${t.title}${t.confirmed ? " ✓" : ""}`), ...closed.notes]);
    }
    case "discoveredIssues": {
      const d = plan.discoveredIssues;
      if (!d) return "";
      const head = d.none ? `None${d.note ? ` - ${d.note}` : ""}` : (d.note ?? "");
      return [head, list(d.items)].filter((s) => s !== "").join("\n\n");
    }
    case "finalVerification":
      return (plan.finalVerification?.items ?? [])
        .map((i) => bullet(`${i.checked === null ? "" : i.checked ? "[x] " : "[ ] "}${i.text}`))
        .join("\n");
    case "summary":
      return plan.summary?.text ?? "";
    case "compliance":
      return plan.compliance?.block ? fence(plan.compliance.block) : "";
    case "hardStop": {
      const h = plan.hardStop;
      if (!h || h.source !== "section") return "";
      return [h.text, list(h.items)].filter((s) => s !== "").join("\n\n");
    }
    case "discovery":
      return "";
  }
}
