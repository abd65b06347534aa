import type { ConflictPair } from "@/lib/domain/dependencies/conflict-matrix";
import { Section } from "./section";

/** More columns than this stop being readable; the pairs list below the grid still names them all. */
const MAX_GRID = 30;

/**
 * Ready tickets × ready tickets, only those with at least one conflict. A filled cell means
 * the two must run one after the other; its title lists the shared files.
 */
export function ConflictGrid({ conflicts }: { conflicts: ConflictPair[] }) {
  const ids = [...new Set(conflicts.flatMap((pair) => [pair.a, pair.b]))].sort();
  const shown = ids.slice(0, MAX_GRID);
  const files = new Map(conflicts.flatMap((pair) => [[`${pair.a} ${pair.b}`, pair.files] as const, [`${pair.b} ${pair.a}`, pair.files] as const]));
  return (
    <Section title="Conflict matrix" count={conflicts.length} hint="hover a cell for the shared files" empty="No conflicts: the ready tickets touch disjoint files (or declare none).">
      <div className="overflow-x-auto p-3">
        <table className="border-collapse text-xs">
          <thead>
            <tr>
              <th scope="col" className="sr-only">
                Ticket
              </th>
              {shown.map((id) => (
                <th key={id} scope="col" className="h-24 w-6 max-w-6 align-bottom font-mono font-normal text-zinc-500">
                  <span className="block w-0 origin-bottom-left translate-x-3 -rotate-60 whitespace-nowrap">{id}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row}>
                <th scope="row" className="pr-2 text-right font-mono font-normal whitespace-nowrap text-zinc-500">
                  {row}
                </th>
                {shown.map((col) => {
                  const shared = files.get(`${row} ${col}`);
                  const label = shared ? `${row} and ${col} both touch ${shared.join(", ")}` : undefined;
                  return (
                    <td key={col} title={label} aria-label={label} className={`size-6 border border-zinc-100 dark:border-zinc-800 ${row === col ? "bg-zinc-100 dark:bg-zinc-800" : shared ? "bg-amber-400 dark:bg-amber-600" : ""}`} />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {ids.length > shown.length ? <p className="mt-2 text-xs text-zinc-500">Showing {shown.length} of {ids.length} tickets with conflicts; all pairs are listed below.</p> : null}
        <ul className="mt-3 space-y-0.5 text-xs text-zinc-600 dark:text-zinc-400">
          {conflicts.map((pair) => (
            <li key={`${pair.a} ${pair.b}`}>
              <span className="font-mono">{pair.a}</span> ↔ <span className="font-mono">{pair.b}</span>: {pair.files.join(", ")}
            </li>
          ))}
        </ul>
      </div>
    </Section>
  );
}
