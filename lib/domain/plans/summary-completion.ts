import { splitBlocks, stripEmphasis, tryParseYaml } from "./markdown-blocks";
import { normalizeHeading, type MarkdownSection, type SplitMarkdown } from "./markdown-sections";
import { mapColumns, parseTable } from "./markdown-table";
import { toIsoTimestamp } from "./plan-values";
import { toStatusValue } from "./status-words";
import { durationToMinutes, readCompletionPercent, readOverallTestCounts, readPercent } from "./summary-metrics";
import { flattenItems, headingTitle, readField, readWorkCode, toRawSection } from "./summary-shared";
import type { CompletionSummary, ParseIssue, SummaryChecklist, SummaryComponent, SummaryNextStep, SummaryWorkstream } from "./types";

type Area = "achievements" | "nextSteps" | "successCriteria" | "files" | "other";

function classifyArea(heading: string): Area {
  const h = normalizeHeading(heading);
  if (/achievement|accomplish|highlights|what was done|completed work/.test(h)) return "achievements";
  if (/next steps?|remaining work|follow[ -]?ups?|to ?do/.test(h)) return "nextSteps";
  if (/success criteria|acceptance criteria|definition of done/.test(h)) return "successCriteria";
  if (/\bfiles?\b/.test(h)) return "files";
  return "other";
}

function readWorkstream(section: MarkdownSection): SummaryWorkstream {
  const code = readWorkCode(section.heading);
  const ws: SummaryWorkstream = {
    heading: section.heading,
    id: code,
    title: headingTitle(section.heading, code),
    status: null,
    duration: null,
    groups: [],
    codeBlocks: [],
  };
  let group: { label: string; items: string[] } | null = null;
  for (const block of splitBlocks(section.body)) {
    if (block.kind === "paragraph") {
      for (const line of block.lines) {
        const f = readField(line.text);
        if (!f) continue;
        if (f.value === "") {
          group = { label: f.label, items: [] };
          ws.groups.push(group);
        } else if (/^status$/i.test(f.label)) ws.status = toStatusValue(f.value);
        else if (/^(?:duration|time|took)$/i.test(f.label)) ws.duration = f.value;
        else ws.groups.push({ label: f.label, items: [f.value] });
      }
    } else if (block.kind === "list") {
      const items = flattenItems(block.items);
      if (group) group.items.push(...items);
      else ws.groups.push((group = { label: "", items }));
    } else if (block.kind === "code") {
      ws.codeBlocks.push({ lang: block.lang, text: block.text, data: block.lang ? tryParseYaml(block.text) : null });
    }
  }
  // A bare "✅" on the heading is the only status some workstreams have.
  if (!ws.status && /[✅❌⏳🔄⚠]/u.test(section.heading)) ws.status = toStatusValue(section.heading);
  return ws;
}

function readNextStep(section: MarkdownSection): SummaryNextStep | null {
  const code = readWorkCode(section.heading);
  let title = headingTitle(section.heading, code);
  const est = /\(\s*(~?\d+(?:\.\d+)?\s*(?:h|hrs?|hours?|m|min|minutes?|d|days?))\s*\)\s*$/i.exec(title);
  if (est) title = title.slice(0, est.index).trim();
  const step: SummaryNextStep = {
    heading: section.heading,
    id: code,
    title,
    estimate: est?.[1] ?? null,
    estimateHours: null,
    status: null,
    tasks: [],
  };
  const minutes = step.estimate ? durationToMinutes(step.estimate) : null;
  step.estimateHours = minutes === null ? null : Math.round((minutes / 60) * 100) / 100;
  for (const block of splitBlocks(section.body)) {
    if (block.kind === "paragraph") {
      for (const line of block.lines) {
        const f = readField(line.text);
        if (f && /^status$/i.test(f.label)) step.status = f.value;
      }
    } else if (block.kind === "list") step.tasks.push(...flattenItems(block.items));
  }
  return step.tasks.length > 0 || step.estimate !== null || step.status !== null ? step : null;
}

function readChecklist(section: MarkdownSection): SummaryChecklist | null {
  const items = splitBlocks(section.body).flatMap((b) =>
    b.kind === "list" ? b.items.map((i) => ({ checked: i.checked, text: i.text })) : [],
  );
  return items.length > 0 ? { heading: section.heading, items } : null;
}

function readFileList(section: MarkdownSection): string[] {
  return splitBlocks(section.body).flatMap((b) =>
    b.kind === "list" ? b.items.map((i) => /`([^`]+)`/.exec(i.text)?.[1] ?? i.text.split(/\s+/)[0] ?? i.text) : [],
  );
}

function leadingTestCount(text: string): number | null {
  const m = /(\d+)\s+tests?/i.exec(text);
  return m?.[1] ? Number(m[1]) : null;
}

function readComponents(section: MarkdownSection, warnings: ParseIssue[]): SummaryComponent[] | null {
  for (const block of splitBlocks(section.body)) {
    if (block.kind !== "table") continue;
    const table = parseTable(block.lines, warnings);
    if (!table || !table.headers.some((h) => /component|module|area/i.test(h))) continue;
    const { rows } = mapColumns(table, [
      { key: "name" as const, match: /component|module|area|name/ },
      { key: "status" as const, match: /status|state|progress/ },
      { key: "tests" as const, match: /tests?/ },
      { key: "coverage" as const, match: /coverage/ },
    ]);
    return rows.map((r) => ({
      name: stripEmphasis(r.values.name ?? ""),
      status: toStatusValue(r.values.status ?? ""),
      percent: readPercent(r.values.status ?? ""),
      tests: r.values.tests ?? "",
      testCount: leadingTestCount(r.values.tests ?? ""),
      coverage: r.values.coverage ?? "",
      extra: r.extra,
    }));
  }
  return null;
}

/** Reads a "Session Completion Summary" document (already mojibake-repaired and split). */
export function readCompletionSummary(
  split: SplitMarkdown,
  markdown: string,
  warnings: ParseIssue[],
): Omit<CompletionSummary, "repairedSequences"> {
  const titleSection = split.sections.find((s) => s.level === 1);
  const summary: Omit<CompletionSummary, "repairedSequences"> = {
    kind: "completion-summary",
    title: titleSection ? headingTitle(titleSection.heading, null) : null,
    date: null,
    metrics: { testsPassed: null, testsTotal: null, durationText: null, durationMinutes: null, completionPercent: null },
    markdown,
    rawSections: [],
    status: null,
    fields: {},
    achievements: [],
    components: [],
    nextSteps: [],
    totalRemaining: null,
    successCriteria: [],
    filesCreated: [],
    filesModified: [],
  };
  let area: Area = "other";
  for (const section of split.sections) {
    if (section === titleSection) continue;
    if (section.level <= 2) area = classifyArea(section.heading);
    const components = readComponents(section, warnings);
    if (components) {
      summary.components.push(...components);
      continue;
    }
    let used = false;
    if (area === "achievements" && section.level > 2) {
      summary.achievements.push(readWorkstream(section));
      used = true;
    } else if (area === "nextSteps") {
      const step = section.level > 2 ? readNextStep(section) : null;
      if (step) summary.nextSteps.push(step);
      used = step !== null;
    } else if (area === "successCriteria") {
      const checklist = readChecklist(section);
      if (checklist) summary.successCriteria.push(checklist);
      used = checklist !== null;
    } else if (area === "files" && section.level > 2) {
      const files = readFileList(section);
      if (/modif|chang|updat/i.test(section.heading)) summary.filesModified.push(...files);
      else summary.filesCreated.push(...files);
      used = true;
    }
    if (!used && section.body.some((l) => l.text.trim() !== "" && !/^\s*-{3,}\s*$/.test(l.text))) {
      summary.rawSections.push(toRawSection(section));
    }
  }

  // Top-level `**Key**: value` lines: the header block, and the footer under the last heading.
  const fieldLines = [...split.preamble, ...(titleSection?.body ?? []), ...split.sections.filter((s) => s.level <= 2).flatMap((s) => s.body)];
  for (const line of fieldLines) {
    if (/^\s*(?:[-*+]|\d+[.)])\s/.test(line.text)) continue;
    const f = readField(line.text);
    if (f && f.value !== "" && !(f.label in summary.fields)) summary.fields[f.label] = f.value;
  }
  const allLines = markdown.split("\n");
  summary.totalRemaining =
    allLines.map((l) => /total remaining(?: time)?\**\s*:\s*\**\s*(.+)$/i.exec(l.replace(/\*\*/g, ""))?.[1]?.trim()).find(Boolean) ?? null;

  const dateText = summary.fields.Date ?? /\b\d{4}-\d{2}-\d{2}\b/.exec(allLines.slice(0, 20).join("\n"))?.[0] ?? null;
  summary.date = dateText ? toIsoTimestamp(dateText.trim())?.slice(0, 10) ?? null : null;
  if (summary.date === null) warnings.push({ line: titleSection?.line ?? 1, message: "summary has no date" });
  const statusText = summary.fields.Status;
  summary.status = statusText ? toStatusValue(statusText) : null;

  const tests = readOverallTestCounts(allLines);
  const durationText = summary.fields.Duration ?? null;
  summary.metrics = {
    testsPassed: tests?.passed ?? null,
    testsTotal: tests?.total ?? null,
    durationText,
    durationMinutes: durationText ? durationToMinutes(durationText) : null,
    completionPercent: readCompletionPercent(allLines),
  };
  return summary;
}
