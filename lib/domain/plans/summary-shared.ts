import { readLabel, type ListItem } from "./markdown-blocks";
import { joinLines, trimBody, type MarkdownSection } from "./markdown-sections";
import type { RawSection } from "./types";

/** List items depth-first, children indented by two spaces per level. */
export function flattenItems(items: ListItem[], depth = 0): string[] {
  return items.flatMap((item) => [`${"  ".repeat(depth)}${item.text}`, ...flattenItems(item.children, depth + 1)]);
}

/** `**Key**: value` (or `Key: value`) with a short key; null otherwise. */
export function readField(text: string): { label: string; value: string } | null {
  const label = readLabel(text.trim());
  if (!label || label.label.length > 48 || /[[\]`]/.test(label.label)) return null;
  return label;
}

export function toRawSection(section: MarkdownSection): RawSection {
  return { heading: section.heading, level: section.level, line: section.line, markdown: joinLines(trimBody(section.body)) };
}

/** Codes such as "PH-NEXT-001" or "WS-NEXT-002-001" in a heading. */
export function readWorkCode(heading: string): string | null {
  return /\b([A-Z][A-Z0-9]+(?:-[A-Z0-9]+)+)\b/.exec(heading)?.[1] ?? null;
}

/** Heading text without emoji, emphasis, the work code and a leading "Phase"/"Workstream". */
export function headingTitle(heading: string, code: string | null): string {
  let t = heading.replace(/[^\p{L}\p{N}\p{P}\s+&<>=~$%^|]/gu, "").replace(/\*\*|__/g, "");
  if (code) t = t.replace(code, "");
  return t
    .replace(/^\s*(?:phase|workstream|stream)\b/i, "")
    .replace(/^[\s:–—-]+|[\s:–—-]+$/g, "")
    .trim();
}
