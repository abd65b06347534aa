import { CheckSquare, Square } from "lucide-react";
import type { PlanDiscoveredIssues, PlanFinalVerification } from "@/lib/domain/plans/types";

/** Issues found along the way: "none" stated plainly, otherwise the list. */
export function DiscoveredIssues({ issues }: { issues: PlanDiscoveredIssues | null }) {
  if (!issues) return <p className="text-sm text-zinc-500">The plan has no discovered-issues section.</p>;
  if (issues.none && issues.items.length === 0) return <p className="text-sm text-zinc-700 dark:text-zinc-300">None discovered{issues.note ? ` — ${issues.note}` : "."}</p>;
  return (
    <div className="text-sm">
      <ul className="list-disc pl-5">
        {issues.items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
      {issues.note ? <p className="mt-1 text-zinc-500">{issues.note}</p> : null}
    </div>
  );
}

/** The closing checklist, with the test count it reports. */
export function FinalVerification({ verification }: { verification: PlanFinalVerification | null }) {
  if (!verification) return <p className="text-sm text-zinc-500">Not verified yet.</p>;
  return (
    <div className="text-sm">
      {verification.testsPassed !== null ? (
        <p className="mb-2 text-xs text-zinc-500">
          <strong className="text-base font-semibold tabular-nums text-zinc-900 dark:text-zinc-100">{verification.testsPassed}</strong>
          {verification.testsTotal !== null ? ` / ${verification.testsTotal}` : ""} tests passed
        </p>
      ) : null}
      <ul className="grid gap-1">
        {verification.items.map((item, index) => (
          <li key={index} className="flex gap-2">
            {item.checked ? <CheckSquare aria-label="done" className="mt-0.5 size-4 shrink-0 text-emerald-600" /> : <Square aria-label="open" className="mt-0.5 size-4 shrink-0 text-zinc-400" />}
            <span>{item.text}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
