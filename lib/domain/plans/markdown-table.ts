import type { SourceLine } from "./markdown-sections";
import type { ParseIssue } from "./types";

export interface TableRow {
  line: number;
  cells: string[];
}

export interface MarkdownTable {
  line: number;
  headers: string[];
  rows: TableRow[];
}

const SEPARATOR_CELL = /^:?-{1,}:?$/;

/** Cells of one `| a | b |` line; `\|` is a literal pipe (as in GFM, even inside code spans). */
export function splitRow(text: string): string[] {
  let s = text.trim();
  if (s.startsWith("|")) s = s.slice(1);
  if (s.endsWith("|") && !s.endsWith("\\|")) s = s.slice(0, -1);
  const cells: string[] = [];
  let cell = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === "\\" && s[i + 1] === "|") {
      cell += "|";
      i++;
    } else if (ch === "|") {
      cells.push(cell.trim());
      cell = "";
    } else {
      cell += ch;
    }
  }
  cells.push(cell.trim());
  return cells;
}

function isSeparator(cells: string[]): boolean {
  return cells.length > 0 && cells.every((c) => SEPARATOR_CELL.test(c.replace(/\s+/g, "")));
}

/**
 * Reads a pipe table. Rows with too few cells (a file cut mid-table) are padded with ""
 * and reported; rows with too many keep the surplus under generated header names.
 */
export function parseTable(lines: SourceLine[], warnings: ParseIssue[]): MarkdownTable | null {
  const [head, ...rest] = lines;
  if (!head) return null;
  const headers = splitRow(head.text);
  const body = [...rest];
  const second = body[0];
  if (second && isSeparator(splitRow(second.text))) body.shift();
  else warnings.push({ line: head.line, message: "table has no |---| separator row under its header" });
  const rows: TableRow[] = [];
  for (const source of body) {
    const cells = splitRow(source.text);
    if (isSeparator(cells)) continue;
    if (cells.length < headers.length) {
      warnings.push({
        line: source.line,
        message: `table row has ${cells.length} of ${headers.length} cells (truncated?); missing cells read as empty`,
      });
      while (cells.length < headers.length) cells.push("");
    } else if (cells.length > headers.length) {
      warnings.push({ line: source.line, message: `table row has ${cells.length} cells but the header has ${headers.length}` });
      while (headers.length < cells.length) headers.push(`column ${headers.length + 1}`);
    }
    rows.push({ line: source.line, cells });
  }
  return { line: head.line, headers, rows };
}

export function normalizeColumn(header: string): string {
  return header
    .toLowerCase()
    .replace(/[^\p{L}\p{N}#%]+/gu, " ")
    .trim();
}

export interface ColumnSpec<K extends string> {
  key: K;
  /** Matched against the normalised header; first spec that matches a header owns it. */
  match: RegExp;
}

export interface MappedRow<K extends string> {
  line: number;
  values: Partial<Record<K, string>>;
  extra: Record<string, string>;
}

/** Maps table columns to known keys by header name; unknown columns land in `extra`. */
export function mapColumns<K extends string>(table: MarkdownTable, specs: ColumnSpec<K>[]): {
  rows: MappedRow<K>[];
  missing: K[];
} {
  const owner: (K | null)[] = table.headers.map(() => null);
  for (const spec of specs) {
    const index = table.headers.findIndex((h, i) => owner[i] === null && spec.match.test(normalizeColumn(h)));
    if (index >= 0) owner[index] = spec.key;
  }
  const missing = specs.map((s) => s.key).filter((k) => !owner.includes(k));
  const rows = table.rows.map((row) => {
    const values: Partial<Record<K, string>> = {};
    const extra: Record<string, string> = {};
    // Iterate headers, not cells: rows read before a wider row extended the header get "".
    table.headers.forEach((header, i) => {
      const cell = row.cells[i] ?? "";
      const key = owner[i];
      if (key) values[key] = cell;
      else extra[header] = cell;
    });
    return { line: row.line, values, extra };
  });
  return { rows, missing };
}

function escapeCell(cell: string): string {
  return cell.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** Writes a pipe table in the compact style the orchestrators use. */
export function renderTable(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(escapeCell).join(" | ")} |`;
  const sep = `|${headers.map((h) => "-".repeat(Math.max(3, h.length + 2))).join("|")}|`;
  return [line(headers), sep, ...rows.map(line)].join("\n");
}
