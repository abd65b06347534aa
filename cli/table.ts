// Aligned plain-text tables for the CLI's read commands: one header row, columns two spaces
// apart, long cells cut with "…" so a row stays on one line.

export type Column<Row> = {
  header: string;
  value: (row: Row) => string | number | boolean | null | undefined;
  /** Numbers read better right-aligned. */
  align?: "left" | "right";
  /** Longer cells are cut to this many characters. */
  max?: number;
};

const EMPTY_CELL = "-";

export function cell(value: string | number | boolean | null | undefined, max?: number): string {
  if (value === null || value === undefined || value === "") return EMPTY_CELL;
  // A cell is one line: newlines and tabs in titles would break the alignment.
  const text = String(value).replace(/\s+/g, " ").trim();
  if (max === undefined || [...text].length <= max) return text;
  return [...text].slice(0, Math.max(1, max - 1)).join("") + "…";
}

/** The table as text; `empty` is printed instead when there are no rows. */
export function formatTable<Row>(rows: readonly Row[], columns: ReadonlyArray<Column<Row>>, empty = "Nothing to show."): string {
  if (rows.length === 0) return empty;
  const cells = rows.map((row) => columns.map((column) => cell(column.value(row), column.max)));
  const widths = columns.map((column, index) => Math.max(length(column.header), ...cells.map((line) => length(line[index]!))));
  const render = (line: string[]) =>
    line
      .map((text, index) => (columns[index]!.align === "right" ? text.padStart(widths[index]! + text.length - length(text)) : text.padEnd(widths[index]! + text.length - length(text))))
      .join("  ")
      .trimEnd();
  return [render(columns.map((column) => column.header)), ...cells.map(render)].join("\n");
}

/** Characters as a terminal counts them for our text (code points, not UTF-16 units). */
function length(text: string): number {
  return [...text].length;
}
