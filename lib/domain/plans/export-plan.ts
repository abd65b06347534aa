import { renderPlanSection } from "./export-plan-sections";
import type { Plan } from "./types";

/**
 * Writes a parsed plan back to Markdown in the orchestrator's format. Sections come out in
 * the order and under the headings they were read from; unknown sections verbatim.
 */
export function exportPlanMarkdown(plan: Plan): string {
  const header = [`# ${plan.title}`];
  if (plan.generatedAt !== null) header.push(`Generated: ${plan.generatedAt}`);
  if (plan.sessionId !== null) header.push(`Session: ${plan.sessionId}`);
  for (const [key, value] of Object.entries(plan.headerExtra)) header.push(`${key}: ${value}`);
  if (plan.headerNotes !== "") header.push("", plan.headerNotes);

  const chunks: string[] = [header.join("\n")];
  for (const entry of plan.outline) {
    const parts: string[] = [];
    if (entry.level <= 2) parts.push("---");
    parts.push(`${"#".repeat(Math.min(Math.max(entry.level, 1), 6))} ${entry.heading}`);
    if (entry.key === "raw") {
      const raw = entry.rawIndex !== null ? plan.rawSections[entry.rawIndex] : undefined;
      if (raw && raw.markdown !== "") parts.push(raw.markdown);
    } else {
      if (entry.status) parts.push(`Status: ${entry.status.text}`);
      const body = renderPlanSection(plan, entry.key);
      // Conflict-matrix bullets belong to the label above them, so notes must not follow one.
      const notesFirst = entry.key === "conflictMatrix";
      if (notesFirst && entry.notes !== "") parts.push(entry.notes);
      if (body !== "") parts.push(body);
      if (!notesFirst && entry.notes !== "") parts.push(entry.notes);
    }
    chunks.push(parts.join("\n\n"));
  }
  return `${chunks.join("\n\n")}\n`;
}
