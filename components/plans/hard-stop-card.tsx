import { Hand } from "lucide-react";
import type { HardStopState } from "@/lib/domain/plans/hard-stop-state";
import type { PlanHardStop } from "@/lib/domain/plans/types";
import type { HardStopGateView } from "@/lib/server/plan-hard-stop-view";
import { HardStopDecision } from "./hard-stop-decision";
import { StatusPill } from "./status-pill";

type Props = { planId: string; hardStop: PlanHardStop; gate: HardStopGateView; mayDecide: boolean };

const PILL: Record<HardStopState, { status: "done" | "pending" | "failed" | "unknown"; label: string }> = {
  waiting: { status: "pending", label: "waiting for approval" },
  approved: { status: "done", label: "approved" },
  rejected: { status: "failed", label: "rejected" },
  done: { status: "done", label: "completed (approved outside Gateboard)" },
  not_reached: { status: "unknown", label: "not reached yet" },
};

/** The plan's HARD STOP as a gate a reviewer, lead or admin decides with one click. */
export function HardStopCard({ planId, hardStop, gate, mayDecide }: Props) {
  const waiting = gate.state === "waiting";
  const latest = gate.decisions[0];
  return (
    <section
      aria-labelledby="hard-stop-title"
      className={`rounded-lg border p-4 ${waiting ? "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40" : "border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <Hand aria-hidden className={`size-4 ${waiting ? "text-amber-700 dark:text-amber-300" : "text-zinc-500"}`} />
        <h2 id="hard-stop-title" className="text-sm font-semibold">
          Gate: {gate.gate}
        </h2>
        <StatusPill status={PILL[gate.state].status} label={PILL[gate.state].label} />
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
      {latest && (gate.state === "approved" || gate.state === "rejected") ? (
        <p className="mt-3 text-sm">
          <span className="font-medium">{latest.decision === "approve" ? "Approved" : "Rejected"}</span> by {latest.deciderName} ({latest.role}) on{" "}
          <time dateTime={latest.at}>{latest.at.replace("T", " ").slice(0, 16)} UTC</time>
          {latest.comment ? <span className="mt-1 block text-zinc-600 dark:text-zinc-400">“{latest.comment}”</span> : null}
          {gate.state === "rejected" ? <span className="mt-1 block text-xs text-zinc-500">It opens again when the orchestrator re-imports the revised plan.</span> : null}
        </p>
      ) : null}
      {waiting && mayDecide ? (
        <div className="mt-3">
          <HardStopDecision planId={planId} gate={gate.gate} />
        </div>
      ) : null}
      {waiting && !mayDecide ? <p className="mt-3 text-xs text-zinc-500">A reviewer, lead or admin approves it — never an agent or automation.</p> : null}
    </section>
  );
}
