import type { TocEntry } from "./heading-slugs";

/** In-page contents built from the document's headings. */
export function SummaryToc({ entries }: { entries: TocEntry[] }) {
  const shown = entries.filter((entry) => entry.level >= 2);
  if (shown.length === 0) return null;
  return (
    <nav aria-label="Contents" className="text-sm">
      <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-zinc-500">Contents</p>
      <ol className="grid gap-1">
        {shown.map((entry) => (
          <li key={entry.id} className={entry.level === 3 ? "pl-3 text-xs" : ""}>
            <a href={`#${entry.id}`} className="block truncate text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100" title={entry.text}>
              {entry.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
