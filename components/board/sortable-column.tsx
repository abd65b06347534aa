"use client";

import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import type { CardView, PhaseView } from "@/lib/board-view";
import { wipState, type WipState } from "@/lib/domain/wip/wip-state";
import { SortableCard } from "./sortable-card";
import type { BoardMove } from "./use-move-ticket";

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

/** `total` counts cards a filter hides too (WIP is about the column, not the view); default: `cards`. */
type Props = { phase: PhaseView; phases: PhaseView[]; cards: CardView[]; total?: number; now: number; onMove: (move: BoardMove) => void };

export function SortableColumn({ phase, phases, cards, total = cards.length, now, onMove }: Props) {
  const { setNodeRef, isOver } = useDroppable({ id: `phase:${phase.id}` });
  const state = wipState(total, phase.wipPolicy, phase.wipMin, phase.wipMax);
  const hidden = total - cards.length;
  const limited = phase.wipMax !== null && phase.wipPolicy !== "none";
  const label = STATE_LABEL[state];
  return (
    <section
      aria-labelledby={`phase-${phase.key}`}
      data-phase={phase.key}
      className={`flex min-h-0 w-72 flex-col rounded-lg border bg-zinc-100/70 dark:bg-zinc-900/60 ${
        state === "over-limit" ? "border-red-400 dark:border-red-700" : state === "at-limit" ? "border-amber-300 dark:border-amber-700" : "border-zinc-200 dark:border-zinc-800"
      } ${isOver ? "ring-2 ring-blue-500/40" : ""}`}
    >
      <header className="flex items-center justify-between gap-2 px-3 py-2">
        <h2 id={`phase-${phase.key}`} className="text-sm font-semibold">
          {phase.name}
        </h2>
        <span className={`text-xs font-medium tabular-nums ${HEADER_TONE[state]}`} title={label ? `${phase.name} is ${label}` : undefined}>
          <span data-testid="wip-count">{limited ? `${total}/${phase.wipMax}` : total}</span>
          {phase.wipPolicy === "hard" && <span className="sr-only"> (hard limit)</span>}
          {label && <span className="sr-only">, {label}</span>}
        </span>
      </header>
      <SortableContext id={phase.id} items={cards.map((card) => card.id)} strategy={verticalListSortingStrategy}>
        <ol ref={setNodeRef} className="flex min-h-16 flex-1 flex-col gap-2 overflow-y-auto px-2 pb-2" aria-label={`Tickets in ${phase.name}`}>
          {cards.length === 0 && (
            <li className="rounded-md border border-dashed border-zinc-300 px-3 py-6 text-center text-xs text-zinc-500 dark:border-zinc-700">
              {hidden > 0 ? `All ${hidden} tickets in ${phase.name} are blocked and hidden` : `No tickets in ${phase.name}`}
            </li>
          )}
          {cards.map((card, index) => (
            <SortableCard key={card.id} card={card} index={index} column={cards} phase={phase} phases={phases} now={now} onMove={onMove} />
          ))}
        </ol>
      </SortableContext>
      {hidden > 0 && cards.length > 0 && <p className="px-3 pb-2 text-[11px] text-zinc-500">{hidden} blocked hidden</p>}
    </section>
  );
}
