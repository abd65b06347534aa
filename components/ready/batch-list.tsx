import { Section } from "./section";

/** Parallel-safe groups: everything in a group may run at once; groups run one after another. */
export function BatchList({ batches, titles }: { batches: string[][]; titles: Record<string, string> }) {
  return (
    <Section title="Parallel batches" count={batches.length} hint="no two tickets in a batch touch the same files" empty="No ready tickets to batch.">
      <ol className="space-y-2 p-3">
        {batches.map((batch, index) => (
          <li key={index}>
            <p className="mb-1 text-xs font-medium text-zinc-500">
              Batch {index + 1} · {batch.length} ticket{batch.length === 1 ? "" : "s"}
            </p>
            <div className="flex flex-wrap gap-1">
              {batch.map((id) => (
                <span key={id} title={titles[id]} className="rounded border border-zinc-200 px-1.5 py-0.5 font-mono text-xs dark:border-zinc-700">
                  {id}
                </span>
              ))}
            </div>
          </li>
        ))}
      </ol>
    </Section>
  );
}
