import { normalizeHeading, splitSections } from "./markdown-sections";
import { countMojibake, repairMojibake } from "./repair-mojibake";
import { readCompletionSummary } from "./summary-completion";
import { isDatedHeading, readProgressLog } from "./summary-progress-log";
import type { ParseIssue, SummaryParseResult } from "./types";

const SUMMARY_TITLE = /\b(?:summary|report|recap|retrospective|session)\b/;
const SUMMARY_SECTIONS = /achievement|next steps?|success criteria|test results?|status update|progress metrics|key insights|recommendations/;

function parseUnsafe(input: string): SummaryParseResult {
  const warnings: ParseIssue[] = [];
  if (input.trim() === "") return { ok: false, errors: [{ line: 1, message: "the document is empty" }], warnings };
  const repair = repairMojibake(input);
  if (repair.repaired > 0) {
    const line = input.split("\n").findIndex((l) => countMojibake(l) > 0) + 1;
    warnings.push({ line: Math.max(line, 1), message: `repaired ${repair.repaired} characters that were decoded with the wrong encoding` });
  }
  if (repair.unresolved > 0) warnings.push({ line: 1, message: `${repair.unresolved} garbled character sequences could not be repaired` });
  const split = splitSections(repair.text);
  const dated = split.sections.filter((s) => isDatedHeading(s.heading));
  if (dated.length > 0 && dated.length * 2 >= split.sections.filter((s) => s.level <= 2).length) {
    return { ok: true, summary: { ...readProgressLog(split, repair.text, warnings), repairedSequences: repair.repaired }, warnings };
  }
  const title = split.sections.find((s) => s.level === 1);
  const known = split.sections.filter((s) => SUMMARY_SECTIONS.test(normalizeHeading(s.heading))).length;
  if ((title && SUMMARY_TITLE.test(normalizeHeading(title.heading))) || known >= 2) {
    return { ok: true, summary: { ...readCompletionSummary(split, repair.text, warnings), repairedSequences: repair.repaired }, warnings };
  }
  return {
    ok: false,
    errors: [
      {
        line: title?.line ?? 1,
        message:
          "not a session summary: expected a '# … Summary' document (achievements, next steps, success criteria) or a progress log of '## YYYY-MM-DD HH:MM' entries",
      },
    ],
    warnings,
  };
}

/**
 * Reads an orchestrator's session summary: a completion summary or a dated progress log.
 * Repairs mis-decoded text first; never throws; `ok: false` means "not a summary".
 */
export function parseSessionSummary(markdown: string): SummaryParseResult {
  try {
    return parseUnsafe(typeof markdown === "string" ? markdown : "");
  } catch (error) {
    // Defensive only: a parser bug must become a 400 with a message, not a 500.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ line: 1, message: `could not parse the summary: ${message}` }], warnings: [] };
  }
}
