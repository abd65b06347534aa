import type { PlanWorkerValidation } from "@/lib/domain/plans/types";
import { CheckCell } from "./check-cell";
import { tableClass, tdClass, thClass } from "./ui-classes";

/** Did each worker run the tests, pass them, pass type checks, and count as valid. */
export function WorkerValidationTable({ rows }: { rows: PlanWorkerValidation[] }) {
  if (rows.length === 0) return <p className="text-sm text-zinc-500">No workers validated yet.</p>;
  const valid = rows.filter((row) => row.valid.ok === true).length;
  return (
    <div className="overflow-x-auto">
      <p className="mb-2 text-xs text-zinc-500">
        {valid} of {rows.length} workers valid
      </p>
      <table className={tableClass}>
        <thead>
          <tr>
            <th className={thClass}>Task</th>
            <th className={`${thClass} text-center`}>Tests run</th>
            <th className={`${thClass} text-center`}>Tests passed</th>
            <th className={`${thClass} text-center`}>Type check</th>
            <th className={`${thClass} text-center`}>Valid</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.taskId}>
              <td className={`${tdClass} font-mono text-xs`}>{row.taskId}</td>
              <CheckCell cell={row.testsRun} />
              <CheckCell cell={row.testsPassed} />
              <CheckCell cell={row.typeCheckPassed} />
              <CheckCell cell={row.valid} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
