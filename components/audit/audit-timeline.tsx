import type { AuditRow } from "@/lib/domain/audit/audit-row";
import { AuditActor } from "./audit-actor";
import { AuditDiff } from "./audit-diff";
import { AuditTime } from "./audit-time";

/**
 * One entity's history as a vertical timeline (newest first): who, when, what changed, why.
 * Feed it a page of listAuditEvents({ entity, entityId }); the ticket detail view embeds it.
 */
export function AuditTimeline({ events, now, emptyText = "No recorded changes yet." }: { events: AuditRow[]; now: number; emptyText?: string }) {
  if (events.length === 0) return <p className="text-sm text-zinc-500">{emptyText}</p>;
  return (
    <ol aria-label="History" className="relative ml-1.5 border-l border-zinc-200 dark:border-zinc-800">
      {events.map((event) => (
        <li key={event.seq} data-seq={event.seq} className="relative mb-4 pl-4 last:mb-0">
          <span aria-hidden className="absolute top-1.5 -left-[5px] size-2.5 rounded-full border-2 border-white bg-zinc-400 dark:border-zinc-950" />
          <div className="flex flex-wrap items-baseline gap-x-2 text-xs">
            <span className="font-mono font-medium">{event.action}</span>
            <AuditActor actor={event.actor} />
            <span className="ml-auto text-zinc-500">
              <AuditTime at={event.at} now={now} />
            </span>
          </div>
          <div className="mt-1">
            <AuditDiff before={event.before} after={event.after} />
          </div>
          {event.reason ? <p className="mt-1 text-xs text-zinc-600 italic dark:text-zinc-400">“{event.reason}”</p> : null}
        </li>
      ))}
    </ol>
  );
}
