import Link from "next/link";
import { X } from "lucide-react";
import type { TicketEdgeView } from "@/lib/server/get-ticket";

/** One edge: the other ticket, the edge type, whether it blocks now, and a remove button. */
export function DependencyRow({ edge, boardKey, onRemove, pending }: { edge: TicketEdgeView; boardKey: string; onRemove?: () => void; pending: boolean }) {
  return (
    <li className="flex items-center gap-2" data-edge={`${edge.type}:${edge.ticketId}`}>
      <span className="w-32 shrink-0 font-mono text-xs text-zinc-500">{edge.type}</span>
      {edge.title !== null ? (
        <Link href={`/boards/${encodeURIComponent(boardKey)}/tickets/${encodeURIComponent(edge.ticketId)}`} className="shrink-0 font-mono text-xs hover:underline">
          {edge.ticketId}
        </Link>
      ) : (
        <span className="shrink-0 font-mono text-xs text-zinc-500" title="Not on this board: it blocks nothing">
          {edge.ticketId}
        </span>
      )}
      <span className="min-w-0 truncate">{edge.title ?? <span className="text-zinc-500 italic">not on this board</span>}</span>
      {edge.status && <span className="shrink-0 text-xs text-zinc-500">{edge.status}</span>}
      {edge.blocking ? (
        <span className="shrink-0 rounded bg-red-100 px-1 text-xs text-red-700 dark:bg-red-950 dark:text-red-300">blocks</span>
      ) : edge.affectsReadiness ? (
        <span className="shrink-0 text-xs text-zinc-500" title="Decides readiness, but is satisfied now">
          satisfied
        </span>
      ) : null}
      {onRemove && (
        <button
          type="button"
          onClick={onRemove}
          disabled={pending}
          aria-label={`Remove ${edge.type} edge with ${edge.ticketId}`}
          className="ml-auto shrink-0 rounded p-0.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 disabled:opacity-50 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
        >
          <X aria-hidden className="size-3.5" />
        </button>
      )}
    </li>
  );
}
