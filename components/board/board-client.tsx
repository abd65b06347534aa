"use client";

import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { loadBoardAction } from "@/app/boards/[board]/actions";
import type { BoardView, CardView } from "@/lib/board-view";
import { boardKeys } from "@/lib/board-query";
import { filterFromParams, isFiltering, lanesFromParams, matchesFilter } from "@/lib/domain/board/card-filter";
import { BoardDnd } from "./board-dnd";
import { BoardFilters } from "./board-filters";
import { HIDE_BLOCKED_PARAM } from "./hide-blocked-toggle";
import { showsBlocked } from "./ticket-card";
import { useBoardEvents } from "./use-board-events";

export function BoardClient({ initial }: { initial: BoardView }) {
  const { data: board } = useQuery({
    queryKey: boardKeys.view(initial.key),
    queryFn: async () => {
      const result = await loadBoardAction(initial.key);
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    initialData: initial,
  });
  useBoardEvents(initial.key);
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
      <BoardDnd board={board} isHidden={isHidden} grouping={lanesFromParams(params)} />
    </>
  );
}
