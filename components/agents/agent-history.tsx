import type { AgentHistoryView } from "@/lib/server/list-agents";
import { RelativeTime } from "./relative-time";

/** Recent state changes, newest first; a crash stands out. */
export function AgentHistory({ history, now }: { history: AgentHistoryView[]; now: Date }) {
  if (history.length === 0) return <p className="text-xs text-zinc-500">No state changes recorded.</p>;
  return (
    <ol className="space-y-1 text-xs" aria-label="State history">
      {history.map((change, index) => (
        <li key={`${change.at}-${index}`} className="grid grid-cols-[5.5rem_1fr] gap-2">
          <span className="text-zinc-500">
            <RelativeTime iso={change.at} now={now} />
          </span>
          <span className={change.toState === "crashed" ? "text-red-700 dark:text-red-400" : change.note?.startsWith("stale") ? "text-amber-800 dark:text-amber-300" : ""}>
            <span className="font-medium">{change.fromState === null ? change.toState : change.fromState === change.toState ? change.toState : `${change.fromState} → ${change.toState}`}</span>
            {change.note ? <span className="text-zinc-500 dark:text-zinc-400"> · {change.note}</span> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
