"use client";

import { useQuery } from "@tanstack/react-query";
import { loadBoardAction } from "@/app/boards/[board]/actions";
import type { BoardView } from "@/lib/board-view";
import { boardKeys } from "@/lib/board-query";
import { BoardDnd } from "./board-dnd";
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
  return <BoardDnd board={board} />;
}
