"use client";

import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
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
import { useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import type { BoardView, CardView } from "@/lib/board-view";
import { byRank, neighboursAt } from "@/lib/domain/board/apply-move";
import { lanesOf, type Lane, type LaneGrouping } from "@/lib/domain/board/card-filter";
import { ColumnHeader, SortableColumn } from "./sortable-column";
import { TicketCard } from "./ticket-card";
import { useMoveTicket, type BoardMove } from "./use-move-ticket";
import { WipOverrideDialog } from "./wip-override-dialog";

/** Card ids per container, top to bottom. A container is a column (its phase key), or a column within a swimlane. */
type Columns = Record<string, string[]>;

const LANE_SEPARATOR = "::";
const containerKey = (phase: string, laneKey: string | null) => (laneKey === null ? phase : `${phase}${LANE_SEPARATOR}${laneKey}`);
const phaseOf = (container: string) => container.split(LANE_SEPARATOR)[0]!;
const laneOf = (container: string) => container.split(LANE_SEPARATOR)[1] ?? null;

/**
 * What is under the pointer wins (a card before the column around it); closest corners
 * only without a pointer (keyboard). Corners alone misjudge tall columns: dragging up a
 * long column could land the card in the neighbouring one.
 */
const collisionDetection: CollisionDetection = (args) => {
  const under = pointerWithin(args);
  return under.length > 0 ? under : closestCorners(args);
};

function columnsOf(board: BoardView, lanes: Lane[] | null, laneByCard: Map<string, string>): Columns {
  const keys = lanes ? board.phases.flatMap((phase) => lanes.map((lane) => containerKey(phase.key, lane.key))) : board.phases.map((phase) => phase.key);
  const columns: Columns = Object.fromEntries(keys.map((key) => [key, [] as string[]]));
  for (const ticket of [...board.tickets].sort(byRank)) columns[containerKey(ticket.phase, lanes ? laneByCard.get(ticket.id) ?? null : null)]?.push(ticket.id);
  return columns;
}

/**
 * The drag-and-drop board. While a card is dragged the columns render from local state
 * (so the query cache can change underneath without the card jumping); on drop the final
 * position becomes one move with the new neighbours.
 */
/**
 * `complete: false` while the board holds only each column's top cards (the page's first
 * paint): cards show but do not move, and headers count from the phases.
 */
export function BoardDnd({
  board,
  isHidden,
  grouping = "none",
  complete = true,
  canOverrideWip = false,
}: {
  board: BoardView;
  isHidden?: (card: CardView) => boolean;
  grouping?: LaneGrouping;
  complete?: boolean;
  /** The viewer is a lead or admin: a move refused by a hard WIP limit can be sent again over it, with a reason. */
  canOverrideWip?: boolean;
}) {
  const [override, setOverride] = useState<{ move: BoardMove; refusal: string } | null>(null);
  const move = useMoveTicket(board.key, canOverrideWip ? (refused, refusal) => setOverride({ move: refused, refusal }) : undefined);
  const now = useMinuteClock(Date.parse(board.asOf));
  // In swimlanes the board scrolls as a whole, and its cells' long lists are virtualized against it.
  const lanesScrollRef = useRef<HTMLDivElement | null>(null);
  const [dragging, setDragging] = useState<{ id: string; from: string; columns: Columns } | null>(null);
  const lanes = useMemo(() => (grouping === "none" ? null : lanesOf(board.tickets, grouping)), [board.tickets, grouping]);
  const fromQuery = useMemo(() => columnsOf(board, lanes?.lanes ?? null, lanes?.laneByCard ?? new Map()), [board, lanes]);
  const columns = dragging?.columns ?? fromQuery;
  const cards = useMemo(() => new Map(board.tickets.map((ticket) => [ticket.id, ticket])), [board.tickets]);
  const phases = useMemo(() => new Map(board.phases.map((phase) => [phase.key, phase])), [board.phases]);

  const sensors = useSensors(
    // Mouse, not Pointer: the PointerSensor also claims touches, which would start a drag
    // after 5 px of a finger meant to scroll; the TouchSensor waits for a press instead.
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 180, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const containerOf = (id: UniqueIdentifier, within: Columns): string | undefined => {
    const key = String(id);
    if (key.startsWith("phase:")) return key.slice("phase:".length);
    return Object.keys(within).find((container) => within[container]!.includes(key));
  };

  const where = (id: string, within: Columns) => {
    const container = containerOf(id, within);
    const list = container ? within[container]! : [];
    return { phase: container ? phases.get(phaseOf(container))?.name ?? "?" : "?", position: list.indexOf(id) + 1, size: list.length };
  };

  /**
   * Where the card lands if dropped over `overId` now: the container and its order with the
   * card in it. The one computation for the drop and for what is announced; announcements
   * run before this event's state update, so a card not yet in the container goes in at the
   * card it is over. Null when it would leave its swimlane.
   */
  const landing = (id: string, overId: UniqueIdentifier, within: Columns): { container: string; order: string[] } | null => {
    const source = containerOf(id, within);
    const target = containerOf(overId, within);
    if (!source || !target || laneOf(source) !== laneOf(target)) return null;
    let order = within[target]!;
    if (source !== target) {
      order = order.filter((candidate) => candidate !== id);
      const overIndex = order.indexOf(String(overId));
      order.splice(overIndex >= 0 ? overIndex : order.length, 0, id);
      return { container: target, order };
    }
    const from = order.indexOf(id);
    const to = order.indexOf(String(overId));
    if (from >= 0 && to >= 0 && from !== to) order = arrayMove(order, from, to);
    return { container: target, order };
  };

  const spoken = (id: string, at: { container: string; order: string[] }) =>
    `${phases.get(phaseOf(at.container))?.name ?? "?"}, position ${at.order.indexOf(id) + 1} of ${at.order.length}`;

  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const at = where(String(active.id), columns);
      return `Picked up ${active.id}. In ${at.phase}, position ${at.position} of ${at.size}. Use the arrow keys to move, Space to drop, Escape to cancel.`;
    },
    onDragOver: ({ active, over }) => {
      if (!over || !dragging) return undefined;
      const at = landing(String(active.id), over.id, dragging.columns);
      return at ? `${active.id} is over ${spoken(String(active.id), at)}.` : `${active.id} stays in its swimlane: it cannot be dropped here.`;
    },
    onDragEnd: ({ active, over }) => {
      const at = over && dragging ? landing(String(active.id), over.id, dragging.columns) : null;
      if (!at || !dragging || unchangedBy(String(active.id), at, dragging.from)) return `${active.id} was dropped where it started.`;
      return `Moved ${active.id} to ${spoken(String(active.id), at)}.`;
    },
    onDragCancel: ({ active }) => `Move cancelled. ${active.id} went back to ${phases.get(phaseOf(dragging?.from ?? ""))?.name ?? "its column"}.`,
  };

  function onDragStart({ active }: DragStartEvent) {
    const from = containerOf(active.id, fromQuery);
    if (from) setDragging({ id: String(active.id), from, columns: fromQuery });
  }

  function onDragOver({ active, over }: DragOverEvent) {
    if (!over || !dragging) return;
    const source = containerOf(active.id, dragging.columns);
    const target = containerOf(over.id, dragging.columns);
    // A card keeps its swimlane: its epic or assignee changes on the ticket, not by dragging.
    if (!source || !target || source === target || laneOf(source) !== laneOf(target)) return;
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

  /** A drop that leaves the card between the neighbours it started between. */
  function unchangedBy(id: string, at: { container: string; order: string[] }, from: string): boolean {
    if (at.container !== from) return false;
    const before = neighboursAt(fromQuery[from] ?? [], id);
    const after = neighboursAt(at.order, id);
    return before.afterId === after.afterId && before.beforeId === after.beforeId;
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const state = dragging;
    setDragging(null);
    if (!state || !over) return;
    const id = String(active.id);
    const target = containerOf(over.id, state.columns);
    if (!target) return;
    if (laneOf(target) !== laneOf(state.from)) {
      toast.info(`${id} stays in its swimlane`, { description: "Lanes follow the ticket's epic or assignee; change those on the ticket to move it to another lane." });
      return;
    }
    const at = landing(id, over.id, state.columns);
    if (!at) return;
    const card = cards.get(id);
    const phase = phases.get(phaseOf(at.container));
    if (!card || !phase || unchangedBy(id, at, state.from)) return;
    move({ ticketId: id, toPhase: phase.key, ...neighboursAt(at.order, id) });
  }

  const active = dragging ? cards.get(dragging.id) : undefined;

  /** A container's cards; hidden ones stay in its order (moves rank against them) and in its WIP count. */
  function cardsIn(container: string): { all: CardView[]; shown: CardView[] } {
    const all = (columns[container] ?? []).map((id) => cards.get(id)).filter((card): card is CardView => card !== undefined);
    return { all, shown: isHidden ? all.filter((card) => card.id === dragging?.id || !isHidden(card)) : all };
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      // Scroll the board only when the pointer is near its edge (dnd-kit's default is a fifth of
      // its width): on a wide board a card dragged within a right-hand column set it scrolling.
      autoScroll={{ threshold: { x: 0.08, y: 0.15 } }}
      accessibility={{ announcements, screenReaderInstructions: { draggable: "To pick up a card, press Space or Enter. Use the arrow keys to move it, Space or Enter to drop it, Escape to cancel." } }}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
    >
      {lanes ? (
        <div ref={lanesScrollRef} data-board-scroll className="h-[calc(100dvh-9.5rem)] min-h-96 overflow-auto pb-2" data-board-state={complete ? "complete" : "loading"}>
          <ol className="sticky top-0 z-10 flex w-max gap-3 bg-zinc-50/95 pb-1 backdrop-blur dark:bg-zinc-950/95" aria-label={`${board.name} columns`}>
            {board.phases.map((phase) => (
              <li key={phase.id} className="relative w-72 shrink-0 rounded-lg border border-zinc-200 bg-zinc-100/70 dark:border-zinc-800 dark:bg-zinc-900/60">
                <ColumnHeader phase={phase} total={complete ? board.tickets.filter((card) => card.phase === phase.key).length : phase.count} headingId={`phase-${phase.key}`} />
              </li>
            ))}
          </ol>
          {/* Every lane in one element: cells virtualized against the board's scroll re-measure where they start when it changes size. */}
          <div data-lanes>
            {lanes.lanes.map((lane) => {
              const cells = board.phases.map((phase) => ({ phase, cards: cardsIn(containerKey(phase.key, lane.key)) }));
              if (cells.every((cell) => cell.cards.shown.length === 0)) return null;
              return (
                <section key={lane.key} aria-label={`Swimlane ${lane.title}`} className="mt-3 w-max">
                  <h3 className="sticky left-0 mb-1.5 w-max text-xs font-semibold text-zinc-600 dark:text-zinc-400">
                    {lane.title} <span className="font-normal tabular-nums text-zinc-500">· {cells.reduce((sum, cell) => sum + cell.cards.shown.length, 0)}</span>
                  </h3>
                  <ol className="flex gap-3">
                    {cells.map(({ phase, cards: lists }) => (
                      <li key={phase.id} className="flex shrink-0">
                        <SortableColumn
                          phase={phase}
                          phases={board.phases}
                          cards={lists.shown}
                          total={lists.all.length}
                          now={now}
                          onMove={move}
                          lane={lane}
                          activeId={dragging?.id ?? null}
                          disabled={!complete}
                          laneScrollRef={lanesScrollRef}
                        />
                      </li>
                    ))}
                  </ol>
                </section>
              );
            })}
          </div>
        </div>
      ) : (
        <ol className="flex h-[calc(100dvh-9.5rem)] min-h-96 gap-3 overflow-x-auto pb-2" aria-label={`${board.name} columns`} data-board-state={complete ? "complete" : "loading"}>
          {board.phases.map((phase) => {
            const lists = cardsIn(phase.key);
            return (
              <li key={phase.id} className="flex min-h-0 shrink-0">
                <SortableColumn
                  phase={phase}
                  phases={board.phases}
                  cards={lists.shown}
                  total={complete ? lists.all.length : phase.count}
                  now={now}
                  onMove={move}
                  activeId={dragging?.id ?? null}
                  disabled={!complete}
                />
              </li>
            );
          })}
        </ol>
      )}
      <DragOverlay dropAnimation={null}>{active ? <TicketCard ticket={active} now={now} overlay /> : null}</DragOverlay>
      <WipOverrideDialog
        request={
          override && {
            ticketId: override.move.ticketId,
            phaseName: board.phases.find((phase) => phase.key === override.move.toPhase)?.name ?? override.move.toPhase,
            refusal: override.refusal,
          }
        }
        onCancel={() => setOverride(null)}
        onConfirm={(reason) => {
          if (override) move({ ...override.move, overrideWip: true, reason });
          setOverride(null);
        }}
      />
    </DndContext>
  );
}

/**
 * The time card ages are counted to: the board data's read time at first (so the server's
 * HTML and the first client render agree), then the clock, once a minute; a board left
 * open all day keeps its "in phase for" ages true.
 */
function useMinuteClock(readAt: number): number {
  const [now, setNow] = useState(readAt);
  useEffect(() => {
    const every = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(every);
  }, []);
  return now;
}
