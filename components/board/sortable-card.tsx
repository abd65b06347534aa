"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { CardView, PhaseView } from "@/lib/board-view";
import { MoveMenu } from "./move-menu";
import { TicketCard } from "./ticket-card";
import type { BoardMove } from "./use-move-ticket";

type Props = { card: CardView; index: number; column: CardView[]; phase: PhaseView; phases: PhaseView[]; now: number; onMove: (move: BoardMove) => void };

export function SortableCard({ card, index, column, phase, phases, now, onMove }: Props) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: card.id });
  return (
    <li
      ref={setNodeRef}
      data-ticket-id={card.id}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={`touch-manipulation rounded-md select-none outline-none focus-visible:ring-2 focus-visible:ring-blue-600 ${isDragging ? "opacity-40" : ""}`}
      {...attributes}
      {...listeners}
      aria-roledescription="draggable ticket"
      aria-label={`${card.id}: ${card.title}`}
    >
      <TicketCard
        ticket={card}
        now={now}
        menu={<MoveMenu card={card} index={index} column={column} phase={phase} phases={phases} onMove={onMove} />}
      />
    </li>
  );
}
