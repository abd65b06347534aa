"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { memo, useCallback } from "react";
import { MoveMenu, type MoveMenuProps } from "./move-menu";
import { TicketCard } from "./ticket-card";

type Props = Omit<MoveMenuProps, "disabled"> & {
  now: number;
  /** In a virtualized column: where the card sits in the list, and the ref that measures its height. */
  placement?: { measureRef: (node: HTMLElement | null) => void; top: number };
  /** False while the board is loading: the Move to… menu is disabled (dragging is off in the SortableContext). */
  movable?: boolean;
};

export function SortableCard({ card, index, column, phase, phases, now, onMove, placement, movable = true, inLane = false }: Props) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: card.id });
  const measureRef = placement?.measureRef;
  const ref = useCallback(
    (node: HTMLLIElement | null) => {
      setNodeRef(node);
      measureRef?.(node);
    },
    [setNodeRef, measureRef],
  );
  return (
    <li
      ref={ref}
      data-ticket-id={card.id}
      data-index={index}
      // `top`, not a transform, places a virtualized card: dnd-kit owns the transform.
      style={{ transform: CSS.Translate.toString(transform), transition, ...(placement ? { position: "absolute", top: placement.top, left: 0, right: 0 } : null) }}
      className={`touch-manipulation rounded-md select-none outline-none focus-visible:ring-2 focus-visible:ring-blue-600 ${isDragging ? "opacity-40" : ""}`}
      {...attributes}
      {...listeners}
      aria-roledescription="draggable ticket"
      aria-label={`${card.id}: ${card.title}`}
    >
      <CardFace card={card} index={index} column={column} phase={phase} phases={phases} now={now} onMove={onMove} movable={movable} inLane={inLane} />
    </li>
  );
}

/**
 * The card's face and its menu, re-rendered only when what they show changes: during a drag
 * dnd-kit re-renders every sortable card on each pointer move (to update its transform),
 * and re-rendering every face and its Radix menu with it cost whole frames.
 */
const CardFace = memo(function CardFace({ card, index, column, phase, phases, now, onMove, movable, inLane }: Omit<Props, "placement"> & { movable: boolean }) {
  return (
    <TicketCard
      ticket={card}
      now={now}
      menu={<MoveMenu card={card} index={index} column={column} phase={phase} phases={phases} onMove={onMove} disabled={!movable} inLane={inLane} />}
    />
  );
});
