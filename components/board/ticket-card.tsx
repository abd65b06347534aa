import { Bot, User } from "lucide-react";
import type { ReactNode } from "react";
import type { CardView } from "@/lib/board-view";
import { timeInPhase } from "@/lib/domain/time-in-phase";

const PRIORITY_TONE = ["bg-red-600 text-white", "bg-orange-500 text-white", "bg-zinc-500 text-white", "bg-zinc-300 text-zinc-800", "bg-zinc-200 text-zinc-600"];

/** A card's face. `menu` is the card's action button (Move to…); `overlay` is the dragged copy. */
export function TicketCard({ ticket, now, menu, overlay = false }: { ticket: CardView; now: number; menu?: ReactNode; overlay?: boolean }) {
  const age = timeInPhase(ticket.phaseEnteredAt, now);
  return (
    <div
      className={`rounded-md border border-zinc-200 bg-white p-2.5 text-sm dark:border-zinc-800 dark:bg-zinc-950 ${overlay ? "rotate-1 shadow-lg ring-2 ring-blue-500/40" : "shadow-xs"}`}
    >
      <div className="flex items-center gap-1.5 text-xs text-zinc-500">
        <span className="font-mono">{ticket.id}</span>
        <span>· {ticket.type}</span>
        <span
          className={`ml-auto rounded px-1 font-mono text-[10px] font-semibold ${PRIORITY_TONE[ticket.priority] ?? PRIORITY_TONE[2]}`}
          title={`Priority ${ticket.priority} (0 is most urgent)`}
        >
          P{ticket.priority}
        </span>
        {menu}
      </div>
      <p className="mt-1 leading-snug font-medium">{ticket.title}</p>
      {ticket.labels.length > 0 && (
        <ul className="mt-1.5 flex flex-wrap gap-1" aria-label="Labels">
          {ticket.labels.map((label) => (
            <li key={label} className="rounded bg-zinc-100 px-1.5 text-[11px] text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
              {label}
            </li>
          ))}
        </ul>
      )}
      <div className="mt-2 flex items-center gap-2 text-xs text-zinc-500">
        {ticket.assignee ? (
          <span className="flex min-w-0 items-center gap-1" title={ticket.assignee.kind === "agent" ? "Agent" : "Person"}>
            {ticket.assignee.kind === "agent" ? <Bot aria-hidden className="size-3.5" /> : <User aria-hidden className="size-3.5" />}
            <span className="truncate">{ticket.assignee.name}</span>
          </span>
        ) : (
          <span className="italic">Unassigned</span>
        )}
        {ticket.status === "blocked" && <span className="rounded bg-red-100 px-1 text-red-700 dark:bg-red-950 dark:text-red-300">blocked</span>}
        {ticket.status === "deferred" && <span className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">deferred</span>}
        <span className="ml-auto tabular-nums" title={`In this phase since ${new Date(ticket.phaseEnteredAt).toUTCString()}`}>
          {age}
        </span>
      </div>
    </div>
  );
}
