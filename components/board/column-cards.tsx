"use client";

import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { useCallback, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import type { CardView } from "@/lib/board-view";

/**
 * Columns longer than this render only the cards in and near view. Shorter ones render
 * every card, so a typical board behaves like a plain list (find-in-page, printing).
 */
export const VIRTUALIZE_FROM = 40;
/** A card's height before it is measured: an id line, a two-line title, the footer. */
const ESTIMATED_CARD_PX = 104;
/** Matches the list's `gap-2`. */
const GAP_PX = 8;
/** Cards rendered beyond each edge of the view, so a quick scroll or a keyboard step finds them there. */
const OVERSCAN = 6;

export type RenderCard = (card: CardView, index: number, placement?: { measureRef: (node: HTMLElement | null) => void; top: number }) => ReactNode;

/**
 * A column's cards. A long column is virtualized: the list keeps its full height, cards are
 * placed absolutely at their measured offsets, and only those near the scroll position are
 * in the DOM. dnd-kit sorts against the ids of every card (SortableContext gets all of them)
 * and measures the ones rendered; the card being dragged always stays rendered, so the drag
 * keeps its source node when the column scrolls it out of view.
 *
 * `scrollRef` is whatever scrolls the list: the column itself, or in swimlanes the whole
 * board, where the list starts somewhere down the scrolled content (`inLanes`).
 */
export function ColumnCards({ cards, total, activeId, scrollRef, inLanes = false, listLabel, empty, render }: {
  cards: CardView[];
  /**
   * The column's size, decided on before its cards are all here: the first paint's top cards
   * and the whole column then share one list, so those cards are kept, not remounted.
   */
  total: number;
  activeId: string | null;
  scrollRef: RefObject<HTMLElement | null>;
  inLanes?: boolean;
  listLabel: string;
  empty: ReactNode;
  render: RenderCard;
}) {
  if (Math.max(total, cards.length) > VIRTUALIZE_FROM) return <VirtualList cards={cards} activeId={activeId} scrollRef={scrollRef} inLanes={inLanes} listLabel={listLabel} render={render} />;
  return (
    <ol className="flex flex-col gap-2" aria-label={listLabel}>
      {cards.length === 0 ? empty : cards.map((card, index) => render(card, index))}
    </ol>
  );
}

function VirtualList({ cards, activeId, scrollRef, inLanes, listLabel, render }: { cards: CardView[]; activeId: string | null; scrollRef: RefObject<HTMLElement | null>; inLanes: boolean; listLabel: string; render: RenderCard }) {
  const activeIndex = activeId === null ? -1 : cards.findIndex((card) => card.id === activeId);
  const activeIndexRef = useRef(activeIndex);
  activeIndexRef.current = activeIndex;
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const active = activeIndexRef.current;
    if (active >= 0 && !indexes.includes(active)) indexes.push(active);
    return indexes;
  }, []);
  const listRef = useRef<HTMLOListElement | null>(null);
  const scrollMargin = useListOffset(listRef, scrollRef, inLanes);
  // The React Compiler is not enabled here, so nothing memoizes around the virtualizer's
  // mutable instance; the rule warns for the day it is.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_CARD_PX,
    getItemKey: (index) => cards[index]!.id,
    gap: GAP_PX,
    overscan: OVERSCAN,
    rangeExtractor,
    // The server render (and the first client render, which must match it) assumes a
    // viewport-tall column: the first screenful is in the HTML before any script runs.
    initialRect: { width: 272, height: 900 },
    scrollMargin,
  });
  return (
    <ol ref={listRef} className="relative" style={{ height: virtualizer.getTotalSize() }} aria-label={listLabel}>
      {virtualizer.getVirtualItems().map((item) => render(cards[item.index]!, item.index, { measureRef: virtualizer.measureElement, top: item.start - scrollMargin }))}
    </ol>
  );
}

/**
 * Where the list's first card starts within the scrolled content: 0 for a column that
 * scrolls itself; in swimlanes, measured when the list mounts and again whenever the lanes
 * change size (a lane above grows as its cards are measured, or a filter empties one).
 */
function useListOffset(listRef: RefObject<HTMLOListElement | null>, scrollRef: RefObject<HTMLElement | null>, inLanes: boolean): number {
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const list = listRef.current;
    const scroller = scrollRef.current;
    if (!inLanes || !list || !scroller) return;
    const measure = () => setOffset(Math.round(list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop));
    measure();
    // BoardDnd's element holding every lane: it changes size whenever a lane does.
    const lanes = list.closest("[data-lanes]");
    if (!lanes) return;
    const observer = new ResizeObserver(measure);
    observer.observe(lanes);
    return () => observer.disconnect();
  }, [listRef, scrollRef, inLanes]);
  return offset;
}
