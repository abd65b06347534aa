import { splitBlocks, stripEmphasis } from "./markdown-blocks";
import type { MarkdownSection, SplitMarkdown } from "./markdown-sections";
import { readTimestamped, toIsoTimestamp } from "./plan-values";
import { toStatusValue } from "./status-words";
import { minutesToText, readTestCountsInLine } from "./summary-metrics";
import { flattenItems, headingTitle, readField, toRawSection } from "./summary-shared";
import type { ParseIssue, ProgressLog, ProgressLogEntry } from "./types";

/** A heading that is nothing but a date/time, e.g. "2025-11-16 22:49 UTC". */
export function isDatedHeading(heading: string): boolean {
  const t = readTimestamped(stripEmphasis(heading));
  return t !== null && toIsoTimestamp(t.at) !== null;
}

function readEntry(section: MarkdownSection, warnings: ParseIssue[]): ProgressLogEntry {
  const stamp = readTimestamped(stripEmphasis(section.heading));
  const entry: ProgressLogEntry = {
    heading: section.heading,
    line: section.line,
    at: stamp ? toIsoTimestamp(stamp.at) : null,
    objective: null,
    context: null,
    plan: [],
    result: null,
    status: null,
    resultDetails: [],
    testsPassed: null,
    testsTotal: null,
    fields: {},
  };
  for (const block of splitBlocks(section.body)) {
    if (block.kind !== "list") continue;
    for (const item of block.items) {
      const f = readField(item.text);
      if (!f) continue;
      const label = f.label.toLowerCase();
      if (/objective|goal/.test(label)) entry.objective = f.value;
      else if (/^context$/.test(label)) entry.context = f.value;
      else if (/plan|steps/.test(label)) entry.plan = item.children.map((c) => c.text);
      else if (/results?|outcome/.test(label)) {
        entry.result = f.value;
        entry.status = toStatusValue(f.value);
        entry.resultDetails = flattenItems(item.children);
      } else entry.fields[f.label] = f.value;
    }
  }
  if (entry.objective === null) warnings.push({ line: section.line, message: "progress entry has no Task Objective" });
  if (entry.result === null) warnings.push({ line: section.line, message: "progress entry has no Results" });
  for (const line of [entry.result ?? "", ...entry.resultDetails]) {
    const counts = readTestCountsInLine(line);
    if (counts) {
      entry.testsPassed = counts.passed;
      entry.testsTotal = counts.total;
      break;
    }
  }
  return entry;
}

/** Reads a progress log: dated `## YYYY-MM-DD HH:MM` entries with objective, plan and results. */
export function readProgressLog(split: SplitMarkdown, markdown: string, warnings: ParseIssue[]): Omit<ProgressLog, "repairedSequences"> {
  const titleSection = split.sections.find((s) => s.level === 1 && !isDatedHeading(s.heading));
  const entries: ProgressLogEntry[] = [];
  const rawSections = [];
  for (const section of split.sections) {
    if (section === titleSection) continue;
    if (isDatedHeading(section.heading)) entries.push(readEntry(section, warnings));
    else rawSections.push(toRawSection(section));
  }
  const times = entries.map((e) => (e.at ? Date.parse(e.at) : Number.NaN)).filter((t) => !Number.isNaN(t));
  const first = times.length > 0 ? Math.min(...times) : null;
  const last = times.length > 0 ? Math.max(...times) : null;
  const minutes = first !== null && last !== null ? Math.round((last - first) / 60000) : null;
  const latestTests = [...entries].reverse().find((e) => e.testsPassed !== null);
  const done = entries.filter((e) => e.status?.status === "done").length;
  return {
    kind: "progress-log",
    title: titleSection ? headingTitle(titleSection.heading, null) : null,
    date: entries.find((e) => e.at)?.at?.slice(0, 10) ?? null,
    metrics: {
      testsPassed: latestTests?.testsPassed ?? null,
      testsTotal: latestTests?.testsTotal ?? null,
      durationText: minutes !== null && entries.length > 1 ? minutesToText(minutes) : null,
      durationMinutes: entries.length > 1 ? minutes : null,
      // Share of entries whose result reads as done.
      completionPercent: entries.length > 0 ? Math.round((done / entries.length) * 100) : null,
    },
    markdown,
    rawSections,
    entries,
  };
}
