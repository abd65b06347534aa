import { tryParseYaml, type Block, type ListItem } from "./markdown-blocks";
import type { SectionInput, SectionOutput } from "./plan-section-input";
import { parseItemRef, readTimestamped, toIsoTimestamp } from "./plan-values";
import type {
  PlanClosedTasks,
  PlanCompliance,
  PlanDiscoveredIssues,
  PlanFileChange,
  PlanFinalVerification,
  PlanLogEntry,
  PlanSummary,
} from "./types";

/** Runs `read` on every top-level list item; items it rejects stay as leftover. */
function eachItem(blocks: Block[], read: (item: ListItem) => boolean): Block[] {
  const leftover: Block[] = [];
  for (const block of blocks) {
    if (block.kind !== "list") {
      leftover.push(block);
      continue;
    }
    const rest = block.items.filter((item) => !read(item));
    if (rest.length > 0) leftover.push({ kind: "list", line: block.line, items: rest });
  }
  return leftover;
}

function paragraphText(block: Block): string | null {
  return block.kind === "paragraph" ? block.lines.map((l) => l.text.trim()).join("\n") : null;
}

const CHANGE_WORDS = /^(modified|created|added|deleted|removed|renamed|new|updated|moved)\b\s*(?:[-–—:,]\s*)?(.*)$/is;

export function parseFilesChanged({ blocks }: SectionInput): SectionOutput<PlanFileChange[]> {
  const value: PlanFileChange[] = [];
  const leftover = eachItem(blocks, (item) => {
    if (item.children.length > 0) return false;
    const m = /^`?([^`\s()]+)`?(?:\s*\((.*)\))?\s*(?:[-–—]\s+(.*))?$/s.exec(item.text);
    if (!m?.[1]) return false;
    const inParens = m[2]?.trim();
    const trailing = m[3]?.trim();
    if (inParens !== undefined && trailing !== undefined) return false;
    const detail = inParens ?? trailing ?? null;
    const change = detail !== null ? CHANGE_WORDS.exec(detail) : null;
    value.push({
      path: m[1],
      change: change?.[1] ?? null,
      note: change ? change[2]?.trim() || null : detail,
    });
    return true;
  });
  return { value, leftover };
}

export function parseExecutionLog({ blocks, warnings }: SectionInput): SectionOutput<PlanLogEntry[]> {
  const value: PlanLogEntry[] = [];
  const leftover = eachItem(blocks, (item) => {
    const t = readTimestamped(item.text);
    if (!t || item.children.length > 0) {
      warnings.push({ line: item.line, message: "execution log entry without a leading timestamp" });
      return false;
    }
    const iso = toIsoTimestamp(t.at);
    if (iso === null) warnings.push({ line: item.line, message: `unreadable timestamp "${t.at}"` });
    value.push({ at: t.at, iso, message: t.message });
    return true;
  });
  return { value, leftover };
}

const CONFIRMED = /\s*[✓✔✅]\uFE0F?\s*$/u;

export function parseClosedTasks({ blocks }: SectionInput): SectionOutput<PlanClosedTasks> {
  const value: PlanClosedTasks = { tasks: [], notes: [] };
  const leftover = eachItem(blocks, (item) => {
    if (item.children.length > 0) return false;
    const confirmed = CONFIRMED.test(item.text);
    const ref = parseItemRef(item.text.replace(CONFIRMED, ""), null);
    if (ref && ref.note === null) value.tasks.push({ id: ref.id, title: ref.title, confirmed });
    else if (ref) value.tasks.push({ id: ref.id, title: `${ref.title} (${ref.note})`, confirmed });
    else value.notes.push(item.text);
    return true;
  });
  return { value, leftover };
}

export function parseDiscoveredIssues({ blocks }: SectionInput): SectionOutput<PlanDiscoveredIssues> {
  const value: PlanDiscoveredIssues = { none: false, items: [], note: null };
  const leftover: Block[] = [];
  for (const block of blocks) {
    const text = paragraphText(block);
    if (text !== null && value.note === null && !value.none) {
      const none = /^(?:none|no issues?(?: discovered| found)?|n\/a)\b[\s.,:;–—-]*(.*)$/is.exec(text);
      value.none = none !== null;
      value.note = none ? none[1]?.trim() || null : text;
    } else if (block.kind === "list") {
      leftover.push(...eachItem([block], (item) => item.children.length === 0 && value.items.push(item.text) > 0));
    } else leftover.push(block);
  }
  return { value, leftover };
}

/** "(4/4)" or "… = 621 unit tests" in a passing checklist line. */
function readTestCounts(text: string): { passed: number; total: number | null } | null {
  if (!/test/i.test(text) || !/pass/i.test(text)) return null;
  const ratio = /(\d+)\s*\/\s*(\d+)/.exec(text);
  if (ratio?.[1] && ratio[2]) return { passed: Number(ratio[1]), total: Number(ratio[2]) };
  const sum = /=\s*(\d[\d,]*)/.exec(text);
  if (sum?.[1]) return { passed: Number(sum[1].replace(/,/g, "")), total: null };
  const counted = /(\d[\d,]*)\s+(?:[\w-]+\s+)?tests?\b/i.exec(text);
  return counted?.[1] ? { passed: Number(counted[1].replace(/,/g, "")), total: null } : null;
}

export function parseFinalVerification({ blocks }: SectionInput): SectionOutput<PlanFinalVerification> {
  const value: PlanFinalVerification = { items: [], testsPassed: null, testsTotal: null };
  const leftover = eachItem(blocks, (item) => {
    if (item.children.length > 0) return false;
    value.items.push({ checked: item.checked, text: item.text });
    const counts = readTestCounts(item.text);
    if (counts && value.testsPassed === null) {
      value.testsPassed = counts.passed;
      value.testsTotal = counts.total;
    }
    return true;
  });
  return { value, leftover };
}

export function parseStringList({ blocks }: SectionInput): SectionOutput<string[]> {
  const value: string[] = [];
  const leftover = eachItem(blocks, (item) => item.children.length === 0 && value.push(item.text) > 0);
  return { value, leftover };
}

export function parseSummary({ blocks }: SectionInput): SectionOutput<PlanSummary> {
  const texts: string[] = [];
  const leftover: Block[] = [];
  for (const block of blocks) {
    const text = paragraphText(block);
    if (text !== null) texts.push(text);
    else leftover.push(block);
  }
  return { value: { text: texts.join("\n\n") }, leftover };
}

export function parseCompliance({ blocks }: SectionInput): SectionOutput<PlanCompliance> {
  const value: PlanCompliance = { block: null, violations: [], allPassed: null };
  const leftover: Block[] = [];
  for (const block of blocks) {
    if (block.kind === "code" && value.block === null) {
      const data = tryParseYaml(block.text);
      value.block = { lang: block.lang, text: block.text, data };
      if (data !== null && typeof data === "object" && !Array.isArray(data)) {
        for (const [name, entry] of Object.entries(data as Record<string, unknown>)) {
          const flag = entry !== null && typeof entry === "object" ? (entry as Record<string, unknown>).violation : undefined;
          if (flag === true || flag === "true") value.violations.push(name);
        }
        value.allPassed = value.violations.length === 0;
      }
    } else leftover.push(block);
  }
  return { value, leftover };
}

export interface HardStopSection {
  items: string[];
  text: string;
}

export function parseHardStopSection({ blocks }: SectionInput): SectionOutput<HardStopSection> {
  const items: string[] = [];
  const texts: string[] = [];
  const leftover: Block[] = [];
  for (const block of blocks) {
    const text = paragraphText(block);
    if (text !== null) texts.push(text);
    else if (block.kind === "list") leftover.push(...eachItem([block], (i) => i.children.length === 0 && items.push(i.text) > 0));
    else leftover.push(block);
  }
  return { value: { items, text: texts.join("\n\n") }, leftover };
}
