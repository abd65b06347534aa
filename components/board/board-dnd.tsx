"use client";

import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  closestCorners,
  pointerWithin,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { arrayMove, sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { useMemo, useState } from "react";
import type { BoardView, CardView } from "@/lib/board-view";
import { byRank, neighboursAt } from "@/lib/domain/board/apply-move";
import { SortableColumn } from "./sortable-column";
import { TicketCard } from "./ticket-card";
import { useMoveTicket } from "./use-move-ticket";

type Columns = Record<string, string[]>;

/**
 * What is under the pointer wins (a card before the column around it); closest corners
 * only without a pointer (keyboard). Corners alone misjudge tall columns: dragging up a
 * long column could land the card in the neighbouring one.
 */
const collisionDetection: CollisionDetection = (args) => {
  const under = pointerWithin(args);
  return under.length > 0 ? under : closestCorners(args);
};

function columnsOf(board: BoardView): Columns {
  const columns: Columns = Object.fromEntries(board.phases.map((phase) => [phase.id, [] as string[]]));
  for (const ticket of [...board.tickets].sort(byRank)) columns[ticket.phaseId]?.push(ticket.id);
  return columns;
}

/**
 * The drag-and-drop board. While a card is dragged the columns render from local state
 * (so the query cache can change underneath without the card jumping); on drop the final
 * position becomes one move with the new neighbours.
 */
export function BoardDnd({ board, isHidden }: { board: BoardView; isHidden?: (card: CardView) => boolean }) {
  const move = useMoveTicket(board.key);
  const [dragging, setDragging] = useState<{ id: string; from: string; columns: Columns } | null>(null);
  const fromQuery = useMemo(() => columnsOf(board), [board]);
  const columns = dragging?.columns ?? fromQuery;
  const cards = useMemo(() => new Map(board.tickets.map((ticket) => [ticket.id, ticket])), [board.tickets]);
  const phases = useMemo(() => new Map(board.phases.map((phase) => [phase.id, phase])), [board.phases]);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 180, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const containerOf = (id: UniqueIdentifier, within: Columns): string | undefined => {
    const key = String(id);
    if (key.startsWith("phase:")) return key.slice("phase:".length);
    return Object.keys(within).find((phaseId) => within[phaseId]!.includes(key));
  };

  const where = (id: string, within: Columns) => {
    const phaseId = containerOf(id, within);
    const list = phaseId ? within[phaseId]! : [];
    return { phase: phaseId ? phases.get(phaseId)?.name ?? "?" : "?", position: list.indexOf(id) + 1, size: list.length };
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const at = where(String(active.id), columns);
      return `Picked up ${active.id}. In ${at.phase}, position ${at.position} of ${at.size}. Use the arrow keys to move, Space to drop, Escape to cancel.`;
    },
    onDragOver: ({ active, over }) => {
      if (!over || !dragging) return undefined;
      const at = where(String(active.id), dragging.columns);
      return `${active.id} is over ${at.phase}, position ${at.position} of ${at.size}.`;
    },
    onDragEnd: ({ active, over }) => {
      if (!over || !dragging) return `${active.id} was dropped where it started.`;
      const at = where(String(active.id), dragging.columns);
      return `Moved ${active.id} to ${at.phase}, position ${at.position} of ${at.size}.`;
    },
    onDragCancel: ({ active }) => `Move cancelled. ${active.id} went back to ${phases.get(dragging?.from ?? "")?.name ?? "its column"}.`,
  };

  function onDragStart({ active }: DragStartEvent) {
    const from = containerOf(active.id, fromQuery);
    if (from) setDragging({ id: String(active.id), from, columns: fromQuery });
  }

  function onDragOver({ active, over }: DragOverEvent) {
    if (!over || !dragging) return;
    const source = containerOf(active.id, dragging.columns);
    const target = containerOf(over.id, dragging.columns);
    if (!source || !target || source === target) return;
    setDragging((state) => {
      if (!state) return state;
      const next = { ...state.columns };
      next[source] = next[source]!.filter((id) => id !== String(active.id));
      const targetList = [...next[target]!];
      const overIndex = targetList.indexOf(String(over.id));
      targetList.splice(overIndex >= 0 ? overIndex : targetList.length, 0, String(active.id));
      next[target] = targetList;
      return { ...state, columns: next };
    });
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const state = dragging;
    setDragging(null);
    if (!state || !over) return;
    const id = String(active.id);
    const target = containerOf(over.id, state.columns);
    if (!target) return;
    let order = state.columns[target]!;
    const from = order.indexOf(id);
    const to = order.indexOf(String(over.id));
    if (from >= 0 && to >= 0 && from !== to) order = arrayMove(order, from, to);
    const card = cards.get(id);
    const phase = phases.get(target);
    if (!card || !phase) return;
    const { afterId, beforeId } = neighboursAt(order, id);
    const original = fromQuery[card.phaseId] ?? [];
    const unchanged = card.phaseId === target && neighboursAt(original, id).afterId === afterId && neighboursAt(original, id).beforeId === beforeId;
    if (unchanged) return;
    move({ ticketId: id, toPhaseId: target, toPhaseKey: phase.key, afterId, beforeId });
  }

  const active = dragging ? cards.get(dragging.id) : undefined;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      accessibility={{ announcements, screenReaderInstructions: { draggable: "To pick up a card, press Space or Enter. Use the arrow keys to move it, Space or Enter to drop it, Escape to cancel." } }}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
    >
      <ol className="flex h-[calc(100dvh-7.5rem)] min-h-96 gap-3 overflow-x-auto pb-2" aria-label={`${board.name} columns`}>
        {board.phases.map((phase) => {
          const all = (columns[phase.id] ?? []).map((id) => cards.get(id)).filter((card): card is CardView => card !== undefined);
          // Hidden cards stay in the column's order (moves rank against them) and in its WIP count.
          const shown = isHidden ? all.filter((card) => card.id === dragging?.id || !isHidden(card)) : all;
          return (
            <li key={phase.id} className="flex min-h-0 shrink-0">
              <SortableColumn phase={phase} phases={board.phases} cards={shown} total={all.length} now={Date.parse(board.asOf)} onMove={move} />
            </li>
          );
        })}
      </ol>
      <DragOverlay dropAnimation={null}>{active ? <TicketCard ticket={active} now={Date.parse(board.asOf)} overlay /> : null}</DragOverlay>
    </DndContext>
  );
}
