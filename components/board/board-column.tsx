import type { CardView, PhaseView } from "@/lib/board-view";
import { wipState, type WipState } from "@/lib/domain/wip/wip-state";
import { TicketCard } from "./ticket-card";

const HEADER_TONE: Record<WipState, string> = {
  ok: "text-zinc-500",
  "at-limit": "text-amber-700 dark:text-amber-400",
  "over-limit": "text-red-700 dark:text-red-400",
  "under-minimum": "text-yellow-700 dark:text-yellow-400",
};

const STATE_LABEL: Record<WipState, string | null> = {
  ok: null,
  "at-limit": "at its WIP limit",
  "over-limit": "over its WIP limit",
  "under-minimum": "under its WIP minimum",
};

export function BoardColumn({ phase, tickets, now }: { phase: PhaseView; tickets: CardView[]; now: number }) {
  const state = wipState(tickets.length, phase.wipPolicy, phase.wipMin, phase.wipMax);
  const limit = phase.wipMax !== null && phase.wipPolicy !== "none" ? `${tickets.length}/${phase.wipMax}` : `${tickets.length}`;
  const label = STATE_LABEL[state];
  return (
    <section
      aria-labelledby={`phase-${phase.key}`}
      data-phase={phase.key}
      className={`flex w-72 shrink-0 flex-col rounded-lg border bg-zinc-100/70 dark:bg-zinc-900/60 ${
        state === "over-limit" ? "border-red-400 dark:border-red-700" : state === "at-limit" ? "border-amber-300 dark:border-amber-700" : "border-zinc-200 dark:border-zinc-800"
      }`}
    >
      <header className="flex items-center justify-between gap-2 px-3 py-2">
        <h2 id={`phase-${phase.key}`} className="text-sm font-semibold">
          {phase.name}
        </h2>
        <span className={`text-xs tabular-nums font-medium ${HEADER_TONE[state]}`} title={label ? `${phase.name} is ${label}` : undefined}>
          {limit}
          {phase.wipPolicy === "hard" && <span className="sr-only"> (hard limit)</span>}
          {label && <span className="sr-only">, {label}</span>}
        </span>
      </header>
      {tickets.length === 0 ? (
        <p className="mx-2 mb-2 rounded-md border border-dashed border-zinc-300 px-3 py-6 text-center text-xs text-zinc-500 dark:border-zinc-700">
          No tickets in {phase.name}
        </p>
      ) : (
        <ol className="flex flex-col gap-2 px-2 pb-2" aria-label={`Tickets in ${phase.name}`}>
          {tickets.map((ticket) => (
            <TicketCard key={ticket.id} ticket={ticket} now={now} />
          ))}
        </ol>
      )}
    </section>
  );
}
