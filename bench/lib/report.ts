// The benchmark's figures as rows: each with its target, its rounds summarised, whether the
// target is met, and its size as a multiple of the floors measured in the same run.
import { summarize, type Summary } from "./stats";

export type Unit = "ms" | "KB" | "MB" | "moves/s" | "count" | "ratio";

/** `max`: at most value; `min`: at least value; `band`: within [low, high]. */
export type Target = { kind: "max"; value: number } | { kind: "min"; value: number } | { kind: "band"; low: number; high: number };

export type Row = {
  figure: string;
  metric: string;
  db: "sqlite" | "postgresql" | "-";
  unit: Unit;
  target: Target | null;
  summary: Summary;
  met: boolean | null;
  /** value ÷ floor, with the floor it was divided by. */
  multiples: Array<{ floor: string; times: number }>;
  what: string;
};

export function meets(target: Target | null, value: number): boolean | null {
  if (!target || !Number.isFinite(value)) return target ? false : null;
  if (target.kind === "max") return value <= target.value;
  if (target.kind === "min") return value >= target.value;
  return value >= target.low && value <= target.high;
}

export function row(options: Omit<Row, "summary" | "met" | "multiples"> & { rounds: number[]; floors?: Array<{ floor: string; value: number }> }): Row {
  const summary = summarize(options.rounds);
  return {
    figure: options.figure,
    metric: options.metric,
    db: options.db,
    unit: options.unit,
    target: options.target,
    summary,
    // The median round decides; min and max show the spread.
    met: meets(options.target, summary.median),
    multiples: (options.floors ?? []).filter((floor) => floor.value > 0).map((floor) => ({ floor: floor.floor, times: summary.median / floor.value })),
    what: options.what,
  };
}

function number(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return "—";
  if (unit === "count") return String(Math.round(value));
  if (unit === "ratio") return value.toFixed(2);
  if (unit === "ms" && value < 0.1) return `${(value * 1000).toFixed(1)} µs`;
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit === "ms" ? " ms" : unit === "KB" ? " KB" : unit === "MB" ? " MB" : ""}`;
}

function targetText(target: Target | null, unit: Unit, figure: string): string {
  if (!target) return figure === "floor" ? "(floor)" : "(info)";
  if (target.kind === "max") return `≤ ${number(target.value, unit)}`;
  if (target.kind === "min") return `≥ ${number(target.value, unit)}${unit === "moves/s" ? "/s" : ""}`;
  return `${number(target.low, unit)}–${number(target.high, unit)}`;
}

/** The table printed on stdout. */
export function renderTable(rows: Row[]): string {
  const header = ["figure", "db", "target", "median", "min", "max", "met?", "× floor"];
  const lines = rows.map((r) => [
    `${r.figure} ${r.metric}`,
    r.db,
    targetText(r.target, r.unit, r.figure),
    number(r.summary.median, r.unit),
    number(r.summary.min, r.unit),
    number(r.summary.max, r.unit),
    r.met === null ? "" : r.met ? "yes" : "NO",
    r.multiples.map((m) => `${m.times >= 100 ? Math.round(m.times) : m.times.toFixed(1)}× ${m.floor}`).join(", "),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => (column >= 3 && column <= 5 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join("  ").trimEnd();
  return [format(header), widths.map((width) => "─".repeat(width)).join("  "), ...lines.map(format)].join("\n");
}
