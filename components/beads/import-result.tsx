import Link from "next/link";
import type { ImportBeadsResult } from "@/lib/server/import-beads";

/** Counts of an import and every line it left out, with the line number to fix. */
export function ImportResult({ name, result, boardKey }: { name: string; result: ImportBeadsResult; boardKey: string }) {
  const counts: Array<[string, number]> = [
    ["Created", result.created],
    ["Updated", result.updated],
    ["Unchanged", result.unchanged],
    ["Tombstones skipped", result.skipped.tombstone],
    ["Other records skipped", result.skipped.nonIssue],
    ["Lines with errors", result.errors.length],
  ];
  return (
    <section aria-label="Import result" className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 className="text-sm font-semibold">
        Imported {name}
        {result.errors.length > 0 ? <span className="ml-2 font-normal text-red-700 dark:text-red-400">with {result.errors.length} line{result.errors.length === 1 ? "" : "s"} left out</span> : null}
      </h2>
      <dl className="mt-2 grid grid-cols-3 gap-2 sm:grid-cols-6">
        {counts.map(([label, value]) => (
          <div key={label} className="rounded bg-zinc-50 px-2 py-1.5 dark:bg-zinc-800">
            <dt className="text-xs text-zinc-500">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {result.errors.length > 0 ? (
        <ul className="mt-3 max-h-80 overflow-y-auto text-xs">
          {result.errors.map((error) => (
            <li key={error.line} className="border-t border-zinc-100 py-1 dark:border-zinc-800">
              <span className="mr-2 font-mono text-red-700 dark:text-red-400">line {error.line}</span>
              {error.message}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-3 text-xs">
        <Link className="underline underline-offset-4" href={`/boards/${encodeURIComponent(boardKey)}`}>
          Open the board
        </Link>
        {" · "}
        <Link className="underline underline-offset-4" href={`/boards/${encodeURIComponent(boardKey)}/plan`}>
          Plan work
        </Link>
      </p>
    </section>
  );
}
