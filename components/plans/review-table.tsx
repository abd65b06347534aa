import type { PlanReview } from "@/lib/domain/plans/types";
import { StatusPill } from "./status-pill";
import { tableClass, tdClass, thClass } from "./ui-classes";

/** One reviewer verdict per epic, plus the reviewers' notes. */
export function ReviewTable({ reviews, notes }: { reviews: PlanReview[]; notes: string[] }) {
  if (reviews.length === 0 && notes.length === 0) return <p className="text-sm text-zinc-500">No reviews recorded yet.</p>;
  return (
    <div className="grid gap-3 overflow-x-auto">
      {reviews.length > 0 ? (
        <table className={tableClass}>
          <thead>
            <tr>
              <th className={thClass}>Epic</th>
              <th className={thClass}>Reviewer</th>
              <th className={thClass}>Verdict</th>
              <th className={thClass}>Warnings</th>
              <th className={`${thClass} text-right`}>Respawns</th>
            </tr>
          </thead>
          <tbody>
            {reviews.map((review, index) => (
              <tr key={`${review.epic}-${index}`}>
                <td className={`${tdClass} font-mono text-xs`}>{review.epic}</td>
                <td className={`${tdClass} text-xs`}>{review.reviewer}</td>
                <td className={tdClass}>
                  <StatusPill status={review.status} label={review.status.text || undefined} />
                </td>
                <td className={`${tdClass} text-xs ${review.warnings ? "text-amber-800 dark:text-amber-300" : "text-zinc-500"}`}>{review.warningsText || "—"}</td>
                <td className={`${tdClass} text-right tabular-nums`}>{review.respawns ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {notes.length > 0 ? (
        <ul className="list-disc pl-5 text-sm text-zinc-700 dark:text-zinc-300">
          {notes.map((note, index) => (
            <li key={index}>{note}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
