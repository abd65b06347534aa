import Link from "next/link";
import { Bot, Pencil, User } from "lucide-react";
import { timeInPhase } from "@/lib/domain/time-in-phase";
import type { TicketDetail } from "@/lib/server/get-ticket";
import { quietButton } from "./ui";

const chip = "rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300";

/** Breadcrumb, title and the one-line facts: type, priority, status, phase, assignee, labels. */
export function TicketHeader({ ticket, now, canEdit }: { ticket: TicketDetail; now: number; canEdit: boolean }) {
  const boardHref = `/boards/${encodeURIComponent(ticket.board.key)}`;
  return (
    <header className="flex flex-wrap items-start gap-3">
      <div className="min-w-0 flex-1">
        <p className="text-xs text-zinc-500">
          <Link href={boardHref} className="hover:underline">
            {ticket.board.name}
          </Link>{" "}
          / <span className="font-mono">{ticket.id}</span>
        </p>
        <h1 className="mt-1 text-xl font-semibold tracking-tight">{ticket.title}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-1.5">
          <span className={chip}>{ticket.type}</span>
          <span className={chip} title="0 is most urgent">
            P{ticket.priority}
          </span>
          <span className={chip}>{ticket.status.replace("_", " ")}</span>
          <span className={chip} title={`In ${ticket.phase.name} since ${ticket.phaseEnteredAt}`}>
            {ticket.phase.name} · {timeInPhase(ticket.phaseEnteredAt, now)}
          </span>
          <span className="flex items-center gap-1 text-xs text-zinc-600 dark:text-zinc-400">
            {ticket.assignee ? (
              <>
                {ticket.assignee.kind === "agent" ? <Bot aria-label="agent" className="size-3.5" /> : <User aria-label="person" className="size-3.5" />}
                {ticket.assignee.name}
              </>
            ) : (
              <span className="italic">Unassigned</span>
            )}
          </span>
          {ticket.labels.length > 0 && (
            <ul aria-label="Labels" className="flex flex-wrap gap-1">
              {ticket.labels.map((label) => (
                <li key={label} className="rounded border border-zinc-200 px-1.5 text-[11px] text-zinc-600 dark:border-zinc-700 dark:text-zinc-300">
                  {label}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {canEdit && (
        <Link href={`${boardHref}/tickets/${encodeURIComponent(ticket.id)}/edit`} className={quietButton}>
          <Pencil aria-hidden className="size-3.5" /> Edit
        </Link>
      )}
    </header>
  );
}
