"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { toast } from "sonner";
import { moveTicketAction } from "@/app/boards/[board]/actions";
import type { ActionError } from "@/lib/action-result";
import type { BoardView } from "@/lib/board-view";
import { boardKeys } from "@/lib/board-query";
import { applyMove, type CardMove } from "@/lib/domain/board/apply-move";
import { MoveLedger } from "@/lib/domain/board/move-ledger";

export type BoardMove = CardMove & { reason?: string; overrideWip?: boolean };

class MoveRefused extends Error {
  constructor(readonly error: ActionError) {
    super(error.message);
  }
}

/**
 * Moves a card at once in the cache, then asks the server. Moves run one after another
 * (one mutation scope), each reading the card's version when it starts, so a second move
 * of the same card made while the first is in flight supersedes it instead of conflicting:
 * the first one's answer updates the card's version but leaves it where the second put it
 * (MoveLedger). A refusal of the last move puts the card back where the server has it and says why; with `onWipRefused` (the viewer
 * may override WIP limits) a hard-limit refusal also offers the override.
 */
export function useMoveTicket(boardKey: string, onWipRefused?: (move: BoardMove, refusal: string) => void) {
  const queryClient = useQueryClient();
  const key = boardKeys.view(boardKey);
  const [ledger] = useState(() => new MoveLedger());

  const mutation = useMutation({
    scope: { id: `moves:${boardKey}` },
    mutationFn: async ({ move }: { move: BoardMove; token: number }) => {
      const card = queryClient.getQueryData<BoardView>(key)?.tickets.find((ticket) => ticket.id === move.ticketId);
      if (!card) throw new MoveRefused({ code: "NOT_FOUND", message: `${move.ticketId} is no longer on this board.` });
      const result = await moveTicketAction(move.ticketId, {
        toPhase: move.toPhase,
        ...(move.afterId ? { afterId: move.afterId } : {}),
        ...(move.beforeId ? { beforeId: move.beforeId } : {}),
        version: card.version,
        ...(move.reason ? { reason: move.reason } : {}),
        ...(move.overrideWip ? { overrideWip: true } : {}),
      });
      if (!result.ok) throw new MoveRefused(result.error);
      return result.data;
    },
    onSuccess: (result, { move, token }) => {
      if (result.outcome === "gate_pending") {
        const { latest, serverPosition } = ledger.settle(move.ticketId, token, null);
        if (latest && serverPosition) putBack(move.ticketId, serverPosition);
        toast.info(`${move.ticketId} waits for a gate`, { description: `${result.needs.join("; ")}. A gate request is open; the ticket moves on once it is met.` });
        return;
      }
      const { latest } = ledger.settle(move.ticketId, token, { phase: result.ticket.phase, rank: result.ticket.rank });
      queryClient.setQueryData<BoardView>(key, (board) =>
        board && {
          ...board,
          tickets: board.tickets.map((ticket) => {
            if (ticket.id !== result.ticket.id) return ticket;
            // A later move of the card is in flight: it decides where the card shows.
            if (!latest) return { ...ticket, version: result.ticket.version };
            return {
              ...ticket,
              phase: result.ticket.phase,
              rank: result.ticket.rank,
              version: result.ticket.version,
              status: result.ticket.status,
              phaseEnteredAt: result.from !== result.ticket.phase ? new Date().toISOString() : ticket.phaseEnteredAt,
            };
          }),
        },
      );
      if (result.wipFlag === "over-soft-limit") toast.warning(`${move.ticketId} moved over the column's soft WIP limit`);
    },
    onError: (error, { move, token }) => {
      const { latest, serverPosition } = ledger.settle(move.ticketId, token, null);
      if (latest && serverPosition) putBack(move.ticketId, serverPosition);
      const message = error instanceof MoveRefused ? error.error.message : "The server could not be reached. Check your connection and try again.";
      // A lead is offered the override right where the refusal is said (not for an override that failed).
      const override = onWipRefused && !move.overrideWip && error instanceof MoveRefused && error.error.code === "WIP_LIMIT_REACHED";
      toast.error(`${move.ticketId} was not moved`, {
        description: message,
        ...(override ? { action: { label: "Override…", onClick: () => onWipRefused(move, message) } } : {}),
      });
      if (error instanceof MoveRefused && error.error.code === "VERSION_CONFLICT") void queryClient.invalidateQueries({ queryKey: key });
    },
  });

  function putBack(ticketId: string, previous: { phase: string; rank: string }) {
    queryClient.setQueryData<BoardView>(key, (board) =>
      board && { ...board, tickets: board.tickets.map((ticket) => (ticket.id === ticketId ? { ...ticket, ...previous } : ticket)) },
    );
  }

  const { mutate } = mutation;
  // Stable: every card's memoized face takes it as a prop.
  return useCallback(
    (move: BoardMove) => {
      const viewKey = boardKeys.view(boardKey);
      const board = queryClient.getQueryData<BoardView>(viewKey);
      const card = board?.tickets.find((ticket) => ticket.id === move.ticketId);
      if (!board || !card) return;
      const token = ledger.start(move.ticketId, { phase: card.phase, rank: card.rank });
      // Optimistic: the card moves now, before the server answers.
      queryClient.setQueryData<BoardView>(viewKey, { ...board, tickets: applyMove(board.tickets, move) });
      mutate({ move, token });
    },
    [boardKey, queryClient, mutate, ledger],
  );
}
