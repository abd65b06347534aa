/** before → after, one line per changed field; values shortened, the full JSON in the tooltip. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (keys.length === 0) return <span className="text-zinc-400">—</span>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-xs">
      {keys.map((key) => (
        <div key={key} className="contents">
          <dt className="font-mono text-zinc-500">{key}</dt>
          <dd className="min-w-0 truncate" title={`${show(b[key], 2_000)} → ${show(a[key], 2_000)}`}>
            {key in b ? <span className="text-red-700 line-through decoration-red-300 dark:text-red-300">{show(b[key])}</span> : null}
            {key in b && key in a ? <span className="px-1 text-zinc-400">→</span> : null}
            {key in a ? <span className="text-emerald-700 dark:text-emerald-300">{show(a[key])}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function asRecord(value: unknown): Record<string, unknown> {
  if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  return value === null || value === undefined ? {} : { value };
}

function show(value: unknown, max = 60): string {
  const text = value === null || value === undefined ? "∅" : typeof value === "string" ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
