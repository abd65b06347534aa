import type { SummaryMetrics } from "@/lib/domain/plans/types";

function Metric({ label, value, detail, tone }: { label: string; value: string; detail?: string; tone?: string }) {
  return (
    <div className="flex items-baseline justify-between gap-3 px-3 py-2">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className={`text-base font-semibold tabular-nums ${tone ?? ""}`}>
        {value}
        {detail ? <span className="ml-1 text-xs font-normal text-zinc-500">{detail}</span> : null}
      </dd>
    </div>
  );
}

/** Tests passed/total, duration and completion, as the document states them ("—" when it does not). */
export function MetricsPanel({ metrics }: { metrics: SummaryMetrics }) {
  const { testsPassed, testsTotal, durationText, completionPercent } = metrics;
  const failing = testsPassed !== null && testsTotal !== null && testsPassed < testsTotal;
  return (
    <dl aria-label="Metrics" className="divide-y divide-zinc-100 rounded-md border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
      <Metric
        label="Tests passed"
        value={testsPassed === null ? "—" : String(testsPassed)}
        {...(testsTotal !== null ? { detail: `of ${testsTotal}` } : {})}
        tone={failing ? "text-red-700 dark:text-red-400" : testsPassed !== null ? "text-emerald-700 dark:text-emerald-400" : ""}
      />
      <Metric label="Duration" value={durationText ?? "—"} />
      <Metric label="Complete" value={completionPercent === null ? "—" : `${completionPercent}%`} />
    </dl>
  );
}
