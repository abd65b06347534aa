import Link from "next/link";
import type { BoardSummary } from "@/lib/server/list-boards";

export function BoardList({ boards, canCreate = false }: { boards: BoardSummary[]; canCreate?: boolean }) {
  if (boards.length === 0) {
    return (
      <div className="mt-6 rounded-lg border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-500 dark:border-zinc-700">
        {canCreate ? (
          <>No boards yet. Create one with New board above; its columns come from the workflow you choose.</>
        ) : (
          <>No boards you can read yet. Ask a lead or an admin to create one, or to give you access.</>
        )}
      </div>
    );
  }
  return (
    <ul className="mt-6 grid gap-3 sm:grid-cols-2">
      {boards.map((board) => (
        <li key={board.id}>
          <Link
            href={`/boards/${board.key}`}
            className="block rounded-lg border border-zinc-200 bg-white p-4 shadow-sm transition hover:border-zinc-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-zinc-600"
          >
            <div className="flex items-baseline justify-between gap-2">
              <h2 className="font-medium">{board.name}</h2>
              <span className="font-mono text-xs text-zinc-500">{board.key}</span>
            </div>
            <p className="mt-1 text-sm text-zinc-500">
              {board.ticketCount} tickets · {board.openCount} open · workflow {board.workflowKey}
            </p>
            <ol className="mt-3 flex flex-wrap gap-1.5 text-xs" aria-label="Tickets per phase">
              {board.phases.map((phase) => (
                <li key={phase.key} className="rounded bg-zinc-100 px-1.5 py-0.5 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
                  {phase.name} <span className="tabular-nums font-medium">{phase.count}</span>
                </li>
              ))}
            </ol>
          </Link>
        </li>
      ))}
    </ul>
  );
}
