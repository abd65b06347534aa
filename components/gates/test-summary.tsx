import type { TestGateSummary } from "@/lib/domain/gates/gate-evidence";

/** Parsed JUnit figures against the baseline of known failures. */
export function TestSummary({ summary }: { summary: TestGateSummary }) {
  const bad = summary.failures + summary.errors;
  return (
    <div className="mt-1 text-xs">
      <p className="tabular-nums">
        <span className="text-green-700 dark:text-green-400">{summary.passed} passed</span> ·{" "}
        <span className={bad > 0 ? "text-red-700 dark:text-red-400" : ""}>{bad} failed</span> · {summary.skipped} skipped · {summary.tests} total
        {summary.baselineUsed && <> · {summary.knownFailures.length} known from baseline</>}
      </p>
      {summary.newFailures.length > 0 && (
        <p className="text-red-700 dark:text-red-400">New failures: {summary.newFailures.slice(0, 5).join(", ")}{summary.newFailures.length > 5 ? ` and ${summary.newFailures.length - 5} more` : ""}</p>
      )}
    </div>
  );
}
