"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { Bot, Hourglass, User } from "lucide-react";
import type { ReactNode } from "react";
import type { CardView } from "@/lib/board-view";
import { timeInPhase } from "@/lib/domain/time-in-phase";

const PRIORITY_TONE = ["bg-red-600 text-white", "bg-orange-500 text-white", "bg-zinc-500 text-white", "bg-zinc-300 text-zinc-800", "bg-zinc-200 text-zinc-600"];

/** What the Blocked marker and "Hide blocked" go by: a blocking dependency or the status set by hand. */
export function showsBlocked(ticket: Pick<CardView, "blocked" | "status">): boolean {
  return ticket.blocked || ticket.status === "blocked";
}

/** The card is draggable as a whole: a press or key on the link must open it, not start a drag. */
const keepFromDrag = { onPointerDown: (event: { stopPropagation(): void }) => event.stopPropagation(), onKeyDown: (event: { stopPropagation(): void }) => event.stopPropagation() };

/** A card's face. `menu` is the card's action button (Move to…); `overlay` is the dragged copy. */
export function TicketCard({ ticket, now, menu, overlay = false }: { ticket: CardView; now: number; menu?: ReactNode; overlay?: boolean }) {
  const age = timeInPhase(ticket.phaseEnteredAt, now);
  const { board } = useParams<{ board: string }>();
  return (
    <div
      className={`rounded-md border border-zinc-200 bg-white p-2.5 text-sm dark:border-zinc-800 dark:bg-zinc-950 ${overlay ? "rotate-1 shadow-lg ring-2 ring-blue-500/40" : "shadow-xs"}`}
    >
      <div className="flex items-center gap-1.5 text-xs text-zinc-500">
        <Link
          href={`/boards/${encodeURIComponent(board)}/tickets/${encodeURIComponent(ticket.id)}`}
          // Prefetching every card in view sent dozens of page requests per scroll of a long column.
          prefetch={false}
          aria-label={`Open ${ticket.id}`}
          title={`Open ${ticket.id}`}
          tabIndex={overlay ? -1 : undefined}
          {...keepFromDrag}
          className="rounded font-mono hover:text-zinc-900 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:text-zinc-100"
        >
          {ticket.id}
        </Link>
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
        {showsBlocked(ticket) ? (
          <span
            data-marker="blocked"
            className="rounded bg-red-100 px-1 text-red-700 dark:bg-red-950 dark:text-red-300"
            title={ticket.blocked ? "Blocked by a dependency: open the ticket to see which" : "Status set to blocked"}
          >
            blocked
          </span>
        ) : ticket.ready ? (
          <span data-marker="ready" className="rounded bg-emerald-50 px-1 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300" title="Ready: nothing blocks it">
            ready
          </span>
        ) : null}
        {ticket.orphaned && (
          <span data-marker="orphaned" className="rounded bg-red-600 px-1 text-white" title="Its agent crashed while holding it: nobody is working on it. Reassign it or let the agent come back.">
            orphaned
          </span>
        )}
        {ticket.status === "deferred" && <span className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">deferred</span>}
        {ticket.gateWaiting && (
          <span
            data-marker="gate"
            className="flex items-center gap-0.5 rounded bg-amber-100 px-1 text-amber-800 dark:bg-amber-950 dark:text-amber-300"
            title={
              ticket.gateWaiting.waitingForCapacity
                ? `Gate approved: moves to ${ticket.gateWaiting.to} as soon as it has room`
                : `Waiting for a gate before ${ticket.gateWaiting.to}: see the inbox`
            }
          >
            <Hourglass aria-hidden className="size-3" />
            <span>{ticket.gateWaiting.waitingForCapacity ? "approved" : "gate"}</span>
            <span className="sr-only"> → {ticket.gateWaiting.to}</span>
          </span>
        )}
        <span className="ml-auto tabular-nums" title={`In this phase since ${new Date(ticket.phaseEnteredAt).toUTCString()}`}>
          {age}
        </span>
      </div>
    </div>
  );
}
