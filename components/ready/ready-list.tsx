import type { ReadyItem } from "@/lib/server/get-ready-queue";
import { Section } from "./section";

/** The ready queue in claim order; claimable tickets (open, unassigned) are marked. */
export function ReadyList({ items }: { items: ReadyItem[] }) {
  return (
    <Section title="Ready" count={items.length} hint="by priority, then id" empty="Nothing is ready: every open ticket waits on something.">
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {items.map((item) => (
          <li key={item.id} className="flex items-center gap-2 px-3 py-1.5 text-sm">
            <span className="w-6 shrink-0 font-mono text-xs text-zinc-500">P{item.priority}</span>
            <span className="shrink-0 font-mono text-xs text-zinc-600 dark:text-zinc-400">{item.id}</span>
            <span className="min-w-0 flex-1 truncate" title={item.title}>
              {item.title}
            </span>
            {item.claimable ? (
              <span className="shrink-0 rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">claimable</span>
            ) : (
              <span className="shrink-0 text-xs text-zinc-500">{item.assignee ?? item.status.replace("_", " ")}</span>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}
