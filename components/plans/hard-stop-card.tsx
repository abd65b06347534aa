import { Hand } from "lucide-react";
import type { PlanHardStop, PlanPhase } from "@/lib/domain/plans/types";
import { StatusPill } from "./status-pill";

type Props = { hardStop: PlanHardStop; phases: PlanPhase[]; planStatus: string };

/**
 * The plan's HARD STOP as a gate. Approving it is wired by the gates work; until then the
 * card shows the state and who may approve, and deliberately has no button that does nothing.
 */
export function HardStopCard({ hardStop, phases, planStatus }: Props) {
  const awaiting = hardStop.awaiting ?? "User-Approved Commit";
  const gatePhase = phases.find((phase) => phase.name.toLowerCase() === awaiting.toLowerCase());
  const approved = gatePhase?.status.status === "done";
  const waiting = !approved && planStatus === "awaiting_approval";
  return (
    <section
      aria-labelledby="hard-stop-title"
      className={`rounded-lg border p-4 ${waiting ? "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40" : "border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <Hand aria-hidden className={`size-4 ${waiting ? "text-amber-700 dark:text-amber-300" : "text-zinc-500"}`} />
        <h2 id="hard-stop-title" className="text-sm font-semibold">
          Gate: {awaiting}
        </h2>
        <StatusPill status={approved ? "done" : "pending"} label={approved ? "approved" : waiting ? "waiting for approval" : "not reached yet"} />
      </div>
      <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
        Hard stop after phase {hardStop.phaseNumber ?? "?"}: the orchestrator stops here and resumes only {hardStop.condition ?? "when a person approves"}.
      </p>
      {hardStop.items.length > 0 ? (
        <ul className="mt-2 list-disc pl-5 text-sm text-zinc-700 dark:text-zinc-300">
          {hardStop.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      ) : null}
      <p className="mt-2 text-xs text-zinc-500">
        A lead or reviewer approves it — never automation. One-click approval from this page arrives with gate requests; until then approve through the orchestrator.
      </p>
    </section>
  );
}
