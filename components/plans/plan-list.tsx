import Link from "next/link";
import type { PlanListItem } from "@/lib/server/list-plans";
import { StatusPill } from "./status-pill";
import { emptyClass, tableClass, tdClass, thClass } from "./ui-classes";

const TONE = { done: "done", awaiting_approval: "pending", active: "in_progress" } as const;

/** Imported plans with their status, progress and board. */
export function PlanList({ plans }: { plans: PlanListItem[] }) {
  if (plans.length === 0) {
    return <div className={emptyClass}>No plans imported yet. Import one an orchestrator wrote, or let agents post to /api/v1/plans.</div>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className={tableClass}>
        <thead>
          <tr>
            <th className={thClass}>Plan</th>
            <th className={thClass}>Session</th>
            <th className={thClass}>Status</th>
            <th className={thClass}>Current phase</th>
            <th className={`${thClass} text-right`}>Tasks done</th>
            <th className={thClass}>Board</th>
            <th className={thClass}>Generated</th>
          </tr>
        </thead>
        <tbody>
          {plans.map((plan) => (
            <tr key={plan.id} className="hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
              <td className={tdClass}>
                <Link href={`/plans/${plan.id}`} className="font-medium hover:underline">
                  {plan.title}
                </Link>
                {plan.warningCount > 0 ? <span className="ml-2 text-xs text-amber-700 dark:text-amber-300">{plan.warningCount} warnings</span> : null}
              </td>
              <td className={`${tdClass} font-mono text-xs`}>{plan.sessionId}</td>
              <td className={tdClass}>
                <StatusPill status={TONE[plan.status as keyof typeof TONE] ?? "unknown"} label={plan.status.replace("_", " ")} />
              </td>
              <td className={`${tdClass} text-xs`}>{plan.currentPhase ?? "—"}</td>
              <td className={`${tdClass} text-right tabular-nums`}>
                {plan.doneTaskCount}/{plan.taskCount}
              </td>
              <td className={`${tdClass} font-mono text-xs`}>{plan.boardKey ?? "—"}</td>
              <td className={`${tdClass} whitespace-nowrap text-xs text-zinc-500`}>{plan.generatedAt?.slice(0, 16).replace("T", " ") ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
