"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { BoardChange } from "@/lib/board-change";
import type { BoardView } from "@/lib/board-view";
import { boardKeys } from "@/lib/board-query";

type MovedAfter = { phase?: string; rank?: string; version?: number; status?: string };

/**
 * Follows the board's live stream and merges each change into the query cache: moves are
 * applied directly; anything else refetches the board (debounced). The stream starts after
 * `sinceSeq`, the last change the page's board data includes, so changes made while the
 * page loaded arrive too; EventSource reconnects by itself and sends Last-Event-ID, so
 * nothing is lost across a dropped connection either.
 */
export function useBoardEvents(boardKey: string, sinceSeq: number) {
  const queryClient = useQueryClient();
  // Only the first: later board reads are newer, and the stream carries on from where it is.
  const since = useRef(sinceSeq);
  useEffect(() => {
    const key = boardKeys.view(boardKey);
    const source = new EventSource(`/api/v1/events?board=${encodeURIComponent(boardKey)}&lastEventId=${since.current}`);
    let refetch: ReturnType<typeof setTimeout> | undefined;
    const scheduleRefetch = () => {
      clearTimeout(refetch);
      refetch = setTimeout(() => void queryClient.invalidateQueries({ queryKey: key }), 150);
    };
    source.addEventListener("change", (message) => {
      const change = JSON.parse((message as MessageEvent<string>).data) as BoardChange;
      if (change.entityType !== "ticket") {
        if (change.action.startsWith("gate.") || change.action.startsWith("phase.") || change.action.startsWith("board.")) scheduleRefetch();
        return;
      }
      if (change.action !== "ticket.moved" && change.action !== "ticket.reordered") {
        scheduleRefetch();
        return;
      }
      const after = (change.after ?? {}) as MovedAfter;
      const board = queryClient.getQueryData<BoardView>(key);
      const card = board?.tickets.find((ticket) => ticket.id === change.entityId);
      const phase = board?.phases.find((candidate) => candidate.key === after.phase)?.key;
      if (!board || !card || !phase || after.version === undefined) return scheduleRefetch();
      // Our own move (already applied) or an older event: the cache is at least this new.
      if (card.version >= after.version) return;
      queryClient.setQueryData<BoardView>(key, {
        ...board,
        tickets: board.tickets.map((ticket) =>
          ticket.id === card.id
            ? {
                ...ticket,
                phase,
                rank: after.rank ?? ticket.rank,
                version: after.version!,
                status: after.status ?? ticket.status,
                phaseEnteredAt: phase !== ticket.phase ? change.at : ticket.phaseEnteredAt,
              }
            : ticket,
        ),
      });
    });
    return () => {
      clearTimeout(refetch);
      source.close();
    };
  }, [boardKey, queryClient]);
}
