"use client";

import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useCallback, useRef, type RefObject } from "react";
import type { CardView, PhaseView } from "@/lib/board-view";
import { wipState, type WipState } from "@/lib/domain/wip/wip-state";
import { ColumnCards, type RenderCard } from "./column-cards";
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

/** A column's name and WIP count/limit, coloured at, over or under its limits. */
// Columns are `relative`: their sr-only texts are absolutely positioned, and without a
// positioned ancestor inside the scrolling board they widen the whole page instead.
export function ColumnHeader({ phase, total, headingId }: { phase: PhaseView; total: number; headingId: string }) {
  const state = wipState(total, phase.wipPolicy, phase.wipMin, phase.wipMax);
  const limited = phase.wipMax !== null && phase.wipPolicy !== "none";
  const label = STATE_LABEL[state];
  return (
    <header className="flex items-center justify-between gap-2 px-3 py-2">
      <h2 id={headingId} className="text-sm font-semibold">
        {phase.name}
      </h2>
      <span className={`text-xs font-medium tabular-nums ${HEADER_TONE[state]}`} title={label ? `${phase.name} is ${label}` : undefined}>
        <span data-testid="wip-count">{limited ? `${total}/${phase.wipMax}` : total}</span>
        {phase.wipPolicy === "hard" && <span className="sr-only"> (hard limit)</span>}
        {label && <span className="sr-only">, {label}</span>}
      </span>
    </header>
  );
}

/**
 * `total` counts cards a filter hides too (WIP is about the column, not the view); default: `cards`.
 * In a swimlane (`lane` set) the cell drops its WIP header: the board shows each column's
 * WIP once, above the lanes, and the cell accepts drops for its own lane only.
 */
type Props = {
  phase: PhaseView;
  phases: PhaseView[];
  cards: CardView[];
  total?: number;
  now: number;
  onMove: (move: BoardMove) => void;
  lane?: { key: string; title: string };
  /** The card being dragged, if any: a virtualized column keeps it rendered. */
  activeId?: string | null;
  /** Shown but not movable (the board is still loading its long columns). */
  disabled?: boolean;
  /** In a swimlane: the board's scrolling element, which scrolls the cell's cards. */
  laneScrollRef?: RefObject<HTMLElement | null>;
};

export function SortableColumn({ phase, phases, cards, total = cards.length, now, onMove, lane, activeId = null, disabled = false, laneScrollRef }: Props) {
  // The same container key BoardDnd files the column's cards under.
  const container = lane ? `${phase.key}::${lane.key}` : phase.key;
  const { setNodeRef, isOver } = useDroppable({ id: `phase:${container}` });
  const scrollRef = useRef<HTMLDivElement | null>(null);
  // Stable, or React would detach and re-attach the droppable on every render of a drag.
  const listRef = useCallback(
    (node: HTMLDivElement | null) => {
      setNodeRef(node);
      scrollRef.current = node;
    },
    [setNodeRef],
  );
  const state = lane ? "ok" : wipState(total, phase.wipPolicy, phase.wipMin, phase.wipMax);
  // While the board loads, `total` is the column's count and `cards` only its top: nothing is hidden yet.
  const hidden = disabled ? 0 : total - cards.length;
  const listLabel = lane ? `Tickets in ${phase.name}, lane ${lane.title}` : `Tickets in ${phase.name}`;
  const renderCard: RenderCard = (card, index, placement) => (
    <SortableCard key={card.id} card={card} index={index} column={cards} phase={phase} phases={phases} now={now} onMove={onMove} placement={placement} movable={!disabled} inLane={lane !== undefined} />
  );
  if (lane) {
    return (
      <section
        aria-label={`${phase.name}, lane ${lane.title}`}
        data-phase={phase.key}
        className={`relative flex w-72 flex-col rounded-lg border border-zinc-200 bg-zinc-100/70 dark:border-zinc-800 dark:bg-zinc-900/60 ${isOver ? "ring-2 ring-blue-500/40" : ""}`}
      >
        <SortableContext id={container} items={cards.map((card) => card.id)} strategy={verticalListSortingStrategy} disabled={disabled}>
          {/* As tall as the lane: a card dropped below a short cell's last card lands in it. */}
          <div ref={setNodeRef} className="min-h-14 flex-1 p-2">
            <ColumnCards cards={cards} total={cards.length} activeId={activeId} scrollRef={laneScrollRef ?? scrollRef} inLanes listLabel={listLabel} empty={null} render={renderCard} />
          </div>
        </SortableContext>
        {hidden > 0 && <p className="px-3 pb-2 text-[11px] text-zinc-500">{hidden} hidden by filters</p>}
      </section>
    );
  }
  return (
    <section
      aria-labelledby={`phase-${phase.key}`}
      data-phase={phase.key}
      className={`relative flex min-h-0 w-72 flex-col rounded-lg border bg-zinc-100/70 dark:bg-zinc-900/60 ${
        state === "over-limit" ? "border-red-400 dark:border-red-700" : state === "at-limit" ? "border-amber-300 dark:border-amber-700" : "border-zinc-200 dark:border-zinc-800"
      } ${isOver ? "ring-2 ring-blue-500/40" : ""}`}
    >
      <ColumnHeader phase={phase} total={total} headingId={`phase-${phase.key}`} />
      <SortableContext id={container} items={cards.map((card) => card.id)} strategy={verticalListSortingStrategy} disabled={disabled}>
        <div
          ref={listRef}
          data-column-scroll
          className="min-h-16 flex-1 overflow-y-auto px-2 pb-2"
        >
          <ColumnCards
            cards={cards}
            total={total}
            activeId={activeId}
            scrollRef={scrollRef}
            listLabel={listLabel}
            empty={
              <li className="rounded-md border border-dashed border-zinc-300 px-3 py-6 text-center text-xs text-zinc-500 dark:border-zinc-700">
                {hidden > 0
                  ? `All ${hidden} tickets in ${phase.name} are hidden by the view's filters`
                  : disabled && total > 0
                    ? `Loading ${phase.name}…`
                    : `No tickets in ${phase.name}`}
              </li>
            }
            render={renderCard}
          />
        </div>
      </SortableContext>
      {hidden > 0 && cards.length > 0 && <p className="px-3 pb-2 text-[11px] text-zinc-500">{hidden} hidden by filters</p>}
    </section>
  );
}
