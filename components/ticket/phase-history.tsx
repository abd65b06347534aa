import { AuditTime } from "@/components/audit/audit-time";
import type { TicketDetail } from "@/lib/server/get-ticket";
import { actorName } from "./actor-name";

/** Every move between columns: from, to, who, when, why, and the gate that let it through. */
export function PhaseHistory({ history, now }: { history: TicketDetail["history"]; now: number }) {
  if (history.length === 0) return <p className="text-sm text-zinc-500">Not moved yet: it has been in this phase since it was created.</p>;
  return (
    <ol className="flex flex-col gap-2 text-sm" aria-label="Phase history">
      {[...history].reverse().map((entry, index) => (
        <li key={index} className="flex flex-wrap items-baseline gap-x-2 border-b border-zinc-100 pb-2 last:border-0 last:pb-0 dark:border-zinc-800">
          <span>
            {entry.from ? entry.from.name : "—"} → <span className="font-medium">{entry.to.name}</span>
          </span>
          <span className="text-xs text-zinc-500">by {actorName(entry.actor)}</span>
          <span className="ml-auto text-xs text-zinc-500">
            <AuditTime at={entry.at} now={now} />
          </span>
          {(entry.reason || entry.gateRequestId || entry.wipOverride) && (
            <p className="w-full text-xs text-zinc-600 dark:text-zinc-400">
              {entry.reason && <>“{entry.reason}”</>}
              {entry.gateRequestId && <> · through an approved gate</>}
              {entry.wipOverride && <> · WIP limit overridden</>}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
