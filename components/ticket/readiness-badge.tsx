import { reasonText } from "@/components/ready/reason-text";
import type { TicketReadiness } from "@/lib/server/get-ticket";

const TONE = {
  ready: "bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950/50 dark:text-emerald-300 dark:ring-emerald-900",
  blocked: "bg-red-50 text-red-800 ring-red-200 dark:bg-red-950/50 dark:text-red-300 dark:ring-red-900",
  "not-ready": "bg-zinc-100 text-zinc-700 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700",
} as const;

const LABEL = { ready: "Ready", blocked: "Blocked", "not-ready": "Not ready" } as const;

/** Ready or blocked, and why, by the same rule as the ready queue. */
export function ReadinessBadge({ readiness }: { readiness: TicketReadiness }) {
  return (
    <div data-readiness={readiness.state}>
      <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE[readiness.state]}`}>{LABEL[readiness.state]}</span>
      {readiness.state === "ready" ? (
        <p className="mt-1 text-xs text-zinc-500">Nothing blocks it.</p>
      ) : (
        <ul className="mt-1 text-xs text-zinc-600 dark:text-zinc-400" aria-label="Why it is not ready">
          {readiness.reasons.map((reason, index) => (
            <li key={index}>{reasonText(reason)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
