import type { BoardView, CardView } from "@/lib/board-view";
import { BoardColumn } from "./board-column";

export function BoardColumns({ board, now }: { board: BoardView; now: number }) {
  const byPhase = new Map<string, CardView[]>(board.phases.map((phase) => [phase.id, []]));
  for (const ticket of board.tickets) byPhase.get(ticket.phaseId)?.push(ticket);
  return (
    <ol className="flex gap-3 overflow-x-auto pb-4" aria-label={`${board.name} columns`}>
      {board.phases.map((phase) => (
        <li key={phase.id} className="flex shrink-0">
          <BoardColumn phase={phase} tickets={byPhase.get(phase.id) ?? []} now={now} />
        </li>
      ))}
    </ol>
  );
}
