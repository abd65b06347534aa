import type { PlanConflictMatrix } from "@/lib/domain/plans/types";

type Relation = { kind: "parallel" | "sequential"; reason: string };

function relations(matrix: PlanConflictMatrix): Map<string, Relation> {
  const out = new Map<string, Relation>();
  const add = (ids: string[], relation: Relation) => {
    for (const a of ids) for (const b of ids) if (a !== b) out.set(`${a}|${b}`, relation);
  };
  for (const group of matrix.parallelSafe) add(group.taskIds, { kind: "parallel", reason: group.reason });
  for (const group of matrix.sequentialRequired) add(group.taskIds, { kind: "sequential", reason: group.reason });
  return out;
}

const CELL = {
  parallel: "bg-emerald-50 text-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-300",
  sequential: "bg-amber-50 text-amber-900 dark:bg-amber-950/50 dark:text-amber-200",
};

/** Task × task: which pairs the plan says may run together (∥) and which must take turns (→). */
export function ConflictMatrixGrid({ matrix, taskIds }: { matrix: PlanConflictMatrix; taskIds: string[] }) {
  const ids = [...new Set([...taskIds, ...matrix.parallelSafe.flatMap((g) => g.taskIds), ...matrix.sequentialRequired.flatMap((g) => g.taskIds)])];
  const related = relations(matrix);
  const groups = [
    ...matrix.parallelSafe.map((group) => ({ ...group, kind: "parallel" as const })),
    ...matrix.sequentialRequired.map((group) => ({ ...group, kind: "sequential" as const })),
  ];
  return (
    <div className="grid gap-3">
      {ids.length > 1 ? (
        <div className="overflow-x-auto">
          <table className="border-collapse text-xs">
            <thead>
              <tr>
                <th className="p-1" />
                {ids.map((id) => (
                  <th key={id} scope="col" className="p-1 align-bottom font-mono font-normal text-zinc-500">
                    <span className="block max-w-24 truncate" title={id}>{id}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ids.map((row) => (
                <tr key={row}>
                  <th scope="row" className="whitespace-nowrap p-1 pr-2 text-left font-mono font-normal text-zinc-500">{row}</th>
                  {ids.map((column) => {
                    const relation = related.get(`${row}|${column}`);
                    const label = row === column ? "same task" : relation ? `${relation.kind === "parallel" ? "parallel-safe" : "sequential"}: ${relation.reason}` : "no conflict stated";
                    return (
                      <td key={column} title={label} aria-label={label} className={`size-9 border border-zinc-200 text-center dark:border-zinc-800 ${row === column ? "bg-zinc-100 dark:bg-zinc-800" : relation ? CELL[relation.kind] : ""}`}>
                        {row === column ? "" : relation?.kind === "parallel" ? "∥" : relation?.kind === "sequential" ? "→" : "·"}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ul className="grid gap-1 text-sm">
        {groups.map((group, index) => (
          <li key={index} className="flex flex-wrap items-baseline gap-2">
            <span className={`rounded px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wide ${CELL[group.kind]}`}>{group.kind === "parallel" ? "Parallel-safe" : "Sequential"}</span>
            <span className="font-mono text-xs">{group.taskIds.join(", ")}</span>
            <span className="text-zinc-600 dark:text-zinc-400">— {group.reason}</span>
          </li>
        ))}
        {groups.length === 0 ? <li className="text-zinc-500">The matrix is empty.</li> : null}
      </ul>
    </div>
  );
}
