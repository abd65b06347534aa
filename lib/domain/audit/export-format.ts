import type { AuditRow } from "./audit-row";

// Turns audit rows into export files. Pure: the route streams what these return page by page.

export type AuditExportFormat = "jsonl" | "csv";

export const CSV_COLUMNS = [
  "seq", "at", "actor_kind", "actor_id", "actor_name", "actor_role", "action", "entity_type", "entity_id",
  "board", "before", "after", "reason", "request_id",
] as const;

/** One JSON object per line; JSON.stringify escapes newlines inside values, so a line is a row. */
export function toJsonLines(rows: readonly AuditRow[]): string {
  let out = "";
  for (const row of rows) out += `${JSON.stringify(row)}\n`;
  return out;
}

/** The CSV header line (RFC 4180: CRLF line ends). */
export function csvHeader(): string {
  return `${CSV_COLUMNS.join(",")}\r\n`;
}

/** RFC 4180 rows, CRLF-terminated; before/after as JSON text in one cell each. */
export function toCsvRows(rows: readonly AuditRow[]): string {
  let out = "";
  for (const row of rows) {
    const cells: (string | number | null)[] = [
      row.seq, row.at, row.actor.kind, row.actor.id, row.actor.name, row.actor.role, row.action, row.entityType, row.entityId,
      row.boardKey,
      row.before === null || row.before === undefined ? null : JSON.stringify(row.before),
      row.after === null || row.after === undefined ? null : JSON.stringify(row.after),
      row.reason, row.requestId,
    ];
    out += `${cells.map(csvCell).join(",")}\r\n`;
  }
  return out;
}

/**
 * Spreadsheet apps run a cell that starts with = + - @ (or a tab / CR, which some strip
 * first) as a formula: an actor-controlled reason or title could exfiltrate data when a
 * lead opens the export. A leading single quote makes it text (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function exportFileName(format: AuditExportFormat, now: Date): string {
  return `gateboard-audit-${now.toISOString().slice(0, 19).replace(/[:T]/g, "-")}.${format}`;
}

export function exportContentType(format: AuditExportFormat): string {
  return format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
}
