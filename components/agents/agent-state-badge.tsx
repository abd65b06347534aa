import { AlertTriangle, Skull } from "lucide-react";
import type { AgentState } from "@/lib/domain/agents/lifecycle";

const STATE_CLASSES: Record<AgentState, string> = {
  idle: "bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-300 dark:ring-emerald-900",
  busy: "bg-blue-50 text-blue-800 ring-blue-200 dark:bg-blue-950 dark:text-blue-300 dark:ring-blue-900",
  paused: "bg-zinc-100 text-zinc-700 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700",
  stopped: "bg-zinc-100 text-zinc-500 ring-zinc-200 dark:bg-zinc-900 dark:text-zinc-400 dark:ring-zinc-800",
  crashed: "bg-red-600 text-white ring-red-700 dark:bg-red-700 dark:ring-red-600",
};

/** The lifecycle state, and `stale` beside it: colour only where it means trouble. */
export function AgentStateBadge({ state, stale }: { state: AgentState; stale: boolean }) {
  return (
    <span className="flex items-center gap-1.5" role="status" aria-label={`State: ${state}${stale ? ", stale" : ""}`}>
      <span className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${STATE_CLASSES[state]}`}>
        {state === "crashed" ? <Skull aria-hidden className="size-3" /> : null}
        {state}
      </span>
      {stale ? (
        <span className="inline-flex items-center gap-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800">
          <AlertTriangle aria-hidden className="size-3" />
          stale
        </span>
      ) : null}
    </span>
  );
}
