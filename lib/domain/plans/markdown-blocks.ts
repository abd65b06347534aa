import { parse as parseYaml } from "yaml";
import { pairFences, type SourceLine } from "./markdown-sections";

export interface ListItem {
  line: number;
  indent: number;
  ordered: boolean;
  /** null for a plain bullet, true/false for `[x]` / `[ ]`. */
  checked: boolean | null;
  text: string;
  children: ListItem[];
}

export type Block =
  | { kind: "table"; line: number; lines: SourceLine[] }
  | { kind: "list"; line: number; items: ListItem[] }
  | { kind: "code"; line: number; lang: string; text: string }
  | { kind: "paragraph"; line: number; lines: SourceLine[] };

const FENCE = /^\s*(`{3,}|~{3,})\s*([\w+-]*)/;
const LIST_ITEM = /^(\s*)(?:[-*+]|(\d+)[.)])\s+(.*)$/;
const RULE = /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/;

function indentWidth(ws: string): number {
  return ws.replace(/\t/g, "    ").length;
}

function toListItem(match: RegExpExecArray, line: number): ListItem {
  const rest = match[3] ?? "";
  const box = /^\[([ xX])\]\s*(.*)$/.exec(rest);
  return {
    line,
    indent: indentWidth(match[1] ?? ""),
    ordered: match[2] !== undefined,
    checked: box ? box[1] !== " " : null,
    text: (box ? (box[2] ?? "") : rest).trim(),
    children: [],
  };
}

/** Splits a section body into tables, (nested) lists, fenced code and paragraphs. */
export function splitBlocks(body: SourceLine[]): Block[] {
  const blocks: Block[] = [];
  const fences = pairFences(body.map((l) => l.text));
  let i = 0;
  while (i < body.length) {
    const current = body[i] as SourceLine;
    const text = current.text;
    if (text.trim() === "" || RULE.test(text)) {
      i++;
      continue;
    }
    const close = fences.get(i);
    if (close !== undefined) {
      const lang = (FENCE.exec(text)?.[2] ?? "").trim();
      const inner = body.slice(i + 1, close).map((l) => l.text);
      blocks.push({ kind: "code", line: current.line, lang, text: inner.join("\n") });
      i = close + 1;
      continue;
    }
    if (text.trim().startsWith("|")) {
      const lines: SourceLine[] = [];
      while (i < body.length && (body[i] as SourceLine).text.trim().startsWith("|")) lines.push(body[i++] as SourceLine);
      blocks.push({ kind: "table", line: current.line, lines });
      continue;
    }
    if (LIST_ITEM.test(text)) {
      const roots: ListItem[] = [];
      const stack: ListItem[] = [];
      while (i < body.length) {
        const t = (body[i] as SourceLine).text;
        const m = LIST_ITEM.exec(t);
        if (m) {
          const item = toListItem(m, (body[i] as SourceLine).line);
          while (stack.length > 0 && (stack[stack.length - 1] as ListItem).indent >= item.indent) stack.pop();
          const parent = stack[stack.length - 1];
          if (parent) parent.children.push(item);
          else roots.push(item);
          stack.push(item);
          i++;
          continue;
        }
        const last = stack[stack.length - 1];
        // An indented line under an item continues it (wrapped text).
        if (last && t.trim() !== "" && /^\s+\S/.test(t) && !RULE.test(t) && !fences.has(i)) {
          last.text = `${last.text}\n${t.trim()}`;
          i++;
          continue;
        }
        break;
      }
      blocks.push({ kind: "list", line: current.line, items: roots });
      continue;
    }
    const lines: SourceLine[] = [];
    while (i < body.length) {
      const t = (body[i] as SourceLine).text;
      if (t.trim() === "" || RULE.test(t) || fences.has(i) || t.trim().startsWith("|") || LIST_ITEM.test(t)) break;
      lines.push(body[i++] as SourceLine);
    }
    blocks.push({ kind: "paragraph", line: current.line, lines });
  }
  return blocks;
}

/** YAML reading of a code block, or null when it is not valid YAML (never throws). */
export function tryParseYaml(text: string): unknown {
  try {
    const value: unknown = parseYaml(text, { prettyErrors: false, maxAliasCount: 50 });
    // Round-trip through JSON so only plain data leaves this module (no Dates, no Maps).
    return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
  } catch {
    return null;
  }
}

/** Strips bold/italic/code markers around a short label or value. */
export function stripEmphasis(text: string): string {
  return text.replace(/\*\*|__/g, "").replace(/^[*_`]+|[*_`]+$/g, "").trim();
}

/** `**Label:**`, `**Label**:` or `Label:` followed by an optional value. */
export function readLabel(text: string): { label: string; value: string } | null {
  const m = /^\s*(?:\*\*|__)?([^*_:\n][^:\n]*?)(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:|:)\s*(.*)$/s.exec(text);
  if (!m?.[1]) return null;
  const label = stripEmphasis(m[1]);
  return label === "" ? null : { label, value: (m[2] ?? "").trim() };
}

/** Renders list items back to Markdown (used to keep unrecognised lists as notes). */
export function renderListItems(items: ListItem[], depth = 0): string[] {
  const out: string[] = [];
  items.forEach((item, index) => {
    const marker = item.ordered ? `${index + 1}.` : "-";
    const box = item.checked === null ? "" : item.checked ? "[x] " : "[ ] ";
    const [first = "", ...rest] = item.text.split("\n");
    const pad = "  ".repeat(depth);
    out.push(`${pad}${marker} ${box}${first}`);
    for (const r of rest) out.push(`${pad}  ${r}`);
    out.push(...renderListItems(item.children, depth + 1));
  });
  return out;
}

/** A block back as Markdown text. */
export function renderBlock(block: Block): string {
  switch (block.kind) {
    case "table":
    case "paragraph":
      return block.lines.map((l) => l.text).join("\n");
    case "code":
      return `\`\`\`${block.lang}\n${block.text}\n\`\`\``;
    case "list":
      return renderListItems(block.items).join("\n");
  }
}
