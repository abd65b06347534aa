import type { CheckCell as Cell } from "@/lib/domain/plans/types";

/** A yes/no cell coloured by its reading: green passed, red failed, plain when unclear. */
export function CheckCell({ cell }: { cell: Cell }) {
  const tone =
    cell.ok === true
      ? "bg-emerald-50 text-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-300"
      : cell.ok === false
        ? "bg-red-50 font-medium text-red-800 dark:bg-red-950/40 dark:text-red-300"
        : "";
  return (
    <td className={`border-b border-zinc-100 px-2 py-1.5 text-center text-xs dark:border-zinc-800/60 ${tone}`}>
      {cell.text || "—"}
      {cell.ok !== null ? <span className="sr-only">{cell.ok ? " (pass)" : " (fail)"}</span> : null}
    </td>
  );
}
