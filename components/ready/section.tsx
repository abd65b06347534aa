import type { ReactNode } from "react";

/** A titled panel of the plan page; `empty` is what it says when there is nothing to show. */
export function Section({ title, hint, count, empty, children }: { title: string; hint?: string; count: number; empty: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <header className="flex items-baseline gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <h2 className="text-sm font-semibold">{title}</h2>
        <span className="text-xs tabular-nums text-zinc-500">{count}</span>
        {hint ? <p className="ml-auto text-xs text-zinc-500">{hint}</p> : null}
      </header>
      {count === 0 ? <p className="px-3 py-6 text-center text-sm text-zinc-500">{empty}</p> : children}
    </section>
  );
}
