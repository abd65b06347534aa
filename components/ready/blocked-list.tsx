import type { NotReadyReason } from "@/lib/domain/dependencies/ready-queue";
import { reasonText } from "./reason-text";
import { Section } from "./section";

/** Blocked tickets with every reason, so the way to unblock them is readable at a glance. */
export function BlockedList({ blocked, explain }: { blocked: Array<{ id: string; title: string }>; explain: Record<string, NotReadyReason[]> }) {
  return (
    <Section title="Blocked" count={blocked.length} empty="Nothing is blocked.">
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {blocked.map((ticket) => (
          <li key={ticket.id} className="px-3 py-1.5 text-sm">
            <div className="flex gap-2">
              <span className="shrink-0 font-mono text-xs text-red-700 dark:text-red-400">{ticket.id}</span>
              <span className="min-w-0 truncate" title={ticket.title}>
                {ticket.title}
              </span>
            </div>
            <ul className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
              {(explain[ticket.id] ?? []).map((reason, index) => (
                <li key={index}>{reasonText(reason)}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Section>
  );
}
