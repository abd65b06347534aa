import type { ReactNode } from "react";

/** A titled block of the ticket screen; `count` is shown beside the title when given. */
export function Panel({ title, count, action, children }: { title: string; count?: number; action?: ReactNode; children: ReactNode }) {
  const id = `panel-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <header className="mb-2 flex items-baseline gap-2">
        <h2 id={id} className="text-sm font-semibold tracking-tight">
          {title}
        </h2>
        {count !== undefined && <span className="text-xs text-zinc-500 tabular-nums">{count}</span>}
        {action && <div className="ml-auto">{action}</div>}
      </header>
      {children}
    </section>
  );
}
