import { Bot, RotateCcw } from "lucide-react";
import type { AgentView } from "@/lib/server/list-agents";
import { AgentHistory } from "./agent-history";
import { AgentStateBadge } from "./agent-state-badge";
import { RelativeTime } from "./relative-time";
import { TicketLink } from "./ticket-link";

const label = "text-[11px] font-medium uppercase tracking-wide text-zinc-500";

export function AgentCard({ agent, now }: { agent: AgentView; now: Date }) {
  const used = agent.claimed.length;
  const full = used >= agent.capacity;
  const border = agent.state === "crashed" ? "border-red-300 dark:border-red-900" : agent.stale ? "border-amber-300 dark:border-amber-800" : "border-zinc-200 dark:border-zinc-800";
  return (
    <article aria-label={`Agent ${agent.name}`} className={`flex flex-col gap-3 rounded-lg border bg-white p-4 dark:bg-zinc-900 ${border}`}>
      <header className="flex flex-wrap items-center gap-2">
        <Bot aria-hidden className="size-4 text-zinc-400" />
        <h2 className="font-semibold">{agent.name}</h2>
        <span className="text-xs text-zinc-500">{agent.kind}</span>
        <span className="ml-auto">
          <AgentStateBadge state={agent.state} stale={agent.stale} />
        </span>
      </header>

      <p className="text-sm">
        {agent.currentTicket ? (
          <>
            <span className="text-zinc-500">{agent.state === "crashed" || agent.state === "stopped" ? "Was working on " : "Working on "}</span>
            <TicketLink id={agent.currentTicket.id} boardKey={agent.currentTicket.boardKey} />
            {agent.currentTicket.title ? <span className="text-zinc-700 dark:text-zinc-300"> {agent.currentTicket.title}</span> : null}
          </>
        ) : (
          <span className="text-zinc-500">Not working on a ticket</span>
        )}
        {agent.note ? <span className="block text-xs italic text-zinc-500">“{agent.note}”</span> : null}
      </p>

      <dl className="grid grid-cols-3 gap-2 text-sm">
        <div>
          <dt className={label}>Last heartbeat</dt>
          <dd className={agent.state === "crashed" ? "text-red-700 dark:text-red-400" : agent.stale ? "text-amber-800 dark:text-amber-300" : ""}>
            <RelativeTime iso={agent.lastHeartbeatAt} now={now} />
          </dd>
        </div>
        <div>
          <dt className={label}>Capacity</dt>
          <dd className="tabular-nums" aria-label={`${used} of ${agent.capacity} tickets held`}>
            <span className={full ? "font-semibold text-amber-800 dark:text-amber-300" : ""}>{used}</span>
            <span className="text-zinc-500"> / {agent.capacity}</span>
          </dd>
        </div>
        <div>
          <dt className={label}>Respawns</dt>
          <dd className="flex items-center gap-1 tabular-nums" aria-label={`Respawned ${agent.respawnCount} time${agent.respawnCount === 1 ? "" : "s"}`}>
            {agent.respawnCount > 0 ? <RotateCcw aria-hidden className="size-3 text-zinc-400" /> : null}
            {agent.respawnCount}
          </dd>
        </div>
      </dl>

      {agent.capabilities.length > 0 ? (
        <ul aria-label="Capabilities" className="flex flex-wrap gap-1">
          {agent.capabilities.map((capability) => (
            <li key={capability} className="rounded bg-zinc-100 px-1.5 text-[11px] text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
              {capability}
            </li>
          ))}
        </ul>
      ) : null}

      <section aria-label="Claimed tickets">
        <h3 className={label}>Claimed tickets</h3>
        {agent.claimed.length === 0 ? (
          <p className="text-xs text-zinc-500">None</p>
        ) : (
          <ul className="mt-1 space-y-0.5 text-sm">
            {agent.claimed.map((ticket) => (
              <li key={ticket.id} className="flex items-baseline gap-2">
                <TicketLink id={ticket.id} boardKey={ticket.boardKey} />
                <span className="min-w-0 flex-1 truncate text-zinc-700 dark:text-zinc-300">{ticket.title}</span>
                <span className="shrink-0 text-xs text-zinc-500">{ticket.phase}</span>
                {ticket.orphaned ? <span className="shrink-0 rounded bg-red-100 px-1 text-xs font-medium text-red-800 dark:bg-red-950 dark:text-red-300">orphaned</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <details className="group" open={agent.state === "crashed" || agent.stale}>
        <summary className={`${label} cursor-pointer select-none`}>State history ({agent.history.length})</summary>
        <div className="mt-2">
          <AgentHistory history={agent.history} now={now} />
        </div>
      </details>
    </article>
  );
}
