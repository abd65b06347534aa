import Link from "next/link";
import type { SummaryListItem } from "@/lib/server/list-summaries";
import { emptyClass, tableClass, tdClass, thClass } from "./ui-classes";

const KIND = { "completion-summary": "Completion summary", "progress-log": "Progress log" } as Record<string, string>;

/** Session summaries with the figures an engineer scans for first. */
export function SummaryList({ summaries }: { summaries: SummaryListItem[] }) {
  if (summaries.length === 0) return <div className={emptyClass}>No session summaries imported yet. Import one, or let agents post to /api/v1/summaries.</div>;
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className={tableClass}>
        <thead>
          <tr>
            <th className={thClass}>Date</th>
            <th className={thClass}>Title</th>
            <th className={thClass}>Kind</th>
            <th className={`${thClass} text-right`}>Tests</th>
            <th className={thClass}>Duration</th>
            <th className={`${thClass} text-right`}>Complete</th>
          </tr>
        </thead>
        <tbody>
          {summaries.map((summary) => {
            const { testsPassed, testsTotal, durationText, completionPercent } = summary.metrics;
            const failing = testsPassed !== null && testsTotal !== null && testsPassed < testsTotal;
            return (
              <tr key={summary.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
                <td className={`${tdClass} whitespace-nowrap font-mono text-xs`}>{summary.date ?? "—"}</td>
                <td className={tdClass}>
                  <Link href={`/summaries/${summary.id}`} className="font-medium hover:underline">
                    {summary.title}
                  </Link>
                </td>
                <td className={`${tdClass} text-xs text-zinc-500`}>{KIND[summary.kind] ?? summary.kind}</td>
                <td className={`${tdClass} text-right tabular-nums ${failing ? "text-red-700 dark:text-red-400" : ""}`}>
                  {testsPassed ?? "—"}
                  {testsTotal !== null ? `/${testsTotal}` : ""}
                </td>
                <td className={`${tdClass} text-xs`}>{durationText ?? "—"}</td>
                <td className={`${tdClass} text-right tabular-nums`}>{completionPercent === null ? "—" : `${completionPercent}%`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
