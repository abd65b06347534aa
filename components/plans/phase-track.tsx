import { Check, Hand } from "lucide-react";
import type { PlanPhase } from "@/lib/domain/plans/types";
import { STATUS_LABEL } from "./ui-classes";

const DOT: Record<string, string> = {
  done: "bg-emerald-500 text-white dark:bg-emerald-600",
  in_progress: "bg-sky-500 text-white",
  failed: "bg-red-500 text-white",
  blocked: "bg-red-500 text-white",
};

/** The phase checklist as a track: finished phases filled, the current one ringed, the HARD STOP marked. */
export function PhaseTrack({ phases }: { phases: PlanPhase[] }) {
  if (phases.length === 0) return <p className="text-sm text-zinc-500">The plan has an empty phase checklist.</p>;
  const done = phases.filter((phase) => phase.status.status === "done").length;
  return (
    <div>
      <p className="mb-3 text-xs text-zinc-500">
        {done} of {phases.length} phases done
      </p>
      <ol aria-label="Phases" className="flex gap-1 overflow-x-auto pb-2">
        {phases.map((phase, index) => {
          const tone = DOT[phase.status.status] ?? "bg-white text-zinc-500 ring-1 ring-zinc-300 dark:bg-zinc-900 dark:ring-zinc-700";
          return (
            <li
              key={`${phase.number ?? index}-${phase.name}`}
              aria-current={phase.current ? "step" : undefined}
              className={`min-w-28 flex-1 rounded-md border px-2 py-2 ${phase.current ? "border-zinc-900 bg-zinc-100 dark:border-zinc-200 dark:bg-zinc-800" : "border-transparent"}`}
            >
              <div className="flex items-center gap-1.5">
                <span aria-hidden className={`grid size-5 shrink-0 place-items-center rounded-full text-[10px] font-semibold ${tone}`}>
                  {phase.status.status === "done" ? <Check className="size-3" /> : (phase.number ?? index)}
                </span>
                <span className={`h-px flex-1 ${index === phases.length - 1 ? "bg-transparent" : phase.status.status === "done" ? "bg-emerald-400 dark:bg-emerald-700" : "bg-zinc-200 dark:bg-zinc-700"}`} />
              </div>
              <p className="mt-1.5 text-xs font-medium leading-tight">{phase.name}</p>
              <p className="mt-0.5 text-[11px] text-zinc-500">
                {phase.current ? <strong className="font-semibold text-zinc-900 dark:text-zinc-100">current · </strong> : null}
                <span className="sr-only">status </span>
                {STATUS_LABEL[phase.status.status]}
              </p>
              {phase.hardStop ? (
                <p className="mt-1 inline-flex items-center gap-1 rounded bg-amber-100 px-1 text-[10px] font-semibold uppercase tracking-wide text-amber-900 dark:bg-amber-900/50 dark:text-amber-200">
                  <Hand aria-hidden className="size-3" /> Hard stop
                </p>
              ) : null}
              {phase.notes ? <p className="mt-1 line-clamp-2 text-[11px] text-zinc-500" title={phase.notes}>{phase.notes.replace(/\*\*/g, "")}</p> : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
