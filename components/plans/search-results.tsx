import Link from "next/link";
import type { SearchHit } from "@/lib/server/search-documents";
import { emptyClass } from "./ui-classes";

/** Hits with the matched words highlighted; snippets are plain text, never HTML. */
export function SearchResults({ query, hits }: { query: string; hits: SearchHit[] }) {
  if (hits.length === 0) return <div className={emptyClass}>Nothing in plans or summaries mentions “{query}”. Try fewer or other words.</div>;
  return (
    <ol aria-label="Search results" className="grid gap-2">
      {hits.map((hit) => (
        <li key={`${hit.kind}-${hit.id}`} className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
          <div className="flex items-baseline gap-2">
            <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-[10px] font-semibold uppercase tracking-wide text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">{hit.kind}</span>
            <Link href={hit.href} className="font-medium hover:underline">
              {hit.title}
            </Link>
          </div>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {hit.snippet.before}
            <mark className="rounded bg-amber-200/70 px-0.5 text-zinc-900 dark:bg-amber-500/30 dark:text-amber-100">{hit.snippet.match}</mark>
            {hit.snippet.after}
          </p>
        </li>
      ))}
    </ol>
  );
}
