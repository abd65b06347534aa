"use client";

import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { loadBoardAction } from "@/app/boards/[board]/actions";
import type { BoardView } from "@/lib/board-view";
import { boardKeys } from "@/lib/board-query";
import { BoardDnd } from "./board-dnd";
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
  const hideBlocked = useSearchParams().get(HIDE_BLOCKED_PARAM) === "1";
  return <BoardDnd board={board} isHidden={hideBlocked ? showsBlocked : undefined} />;
}
