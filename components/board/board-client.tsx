"use client";

import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import type { BoardView, CardView } from "@/lib/board-view";
import { boardKeys, fetchBoard } from "@/lib/board-query";
import { filterFromParams, isFiltering, lanesFromParams, matchesFilter } from "@/lib/domain/board/card-filter";
import { BoardDnd } from "./board-dnd";
import { BoardFilters } from "./board-filters";
import { HIDE_BLOCKED_PARAM } from "./hide-blocked-toggle";
import { showsBlocked } from "./ticket-card";
import { useBoardEvents } from "./use-board-events";

/**
 * `complete: false` when the page sent only each column's top cards: the whole board loads
 * at once, and until it is here the board is shown but not draggable (a move computed
 * against a partial column would land in the wrong place).
 */
export function BoardClient({ initial, complete: initialComplete, canOverrideWip }: { initial: BoardView; complete: boolean; canOverrideWip: boolean }) {
  const { data: board, isFetched, error } = useQuery({
    queryKey: boardKeys.view(initial.key),
    queryFn: () => fetchBoard<BoardView>(initial.key),
    initialData: initial,
    // A partial first paint is stale from the start: fetch the whole board on mount.
    initialDataUpdatedAt: initialComplete ? undefined : 0,
  });
  const complete = initialComplete || isFetched;
  useBoardEvents(initial.key, initial.changeSeq);
  const params = useSearchParams();
  const hideBlocked = params.get(HIDE_BLOCKED_PARAM) === "1";
  const filter = useMemo(() => filterFromParams(params), [params]);
  const isHidden = useMemo(() => {
    if (!hideBlocked && !isFiltering(filter)) return undefined;
    return (card: CardView) => (hideBlocked && showsBlocked(card)) || !matchesFilter(card, filter);
  }, [hideBlocked, filter]);
  const shown = isHidden ? board.tickets.filter((card) => !isHidden(card)).length : board.tickets.length;
  return (
    <>
      <BoardFilters cards={board.tickets} shown={shown} />
      {!complete && (
        <p role="status" className={`mb-2 text-xs ${error ? "text-red-700 dark:text-red-400" : "text-zinc-500"}`}>
          {error ? `Could not load the rest of the board: ${error.message}. Reload the page to try again.` : "Loading the rest of the board… cards can be moved once it is here."}
        </p>
      )}
      <BoardDnd board={board} isHidden={isHidden} grouping={lanesFromParams(params)} complete={complete} canOverrideWip={canOverrideWip} />
    </>
  );
}
