import type { ParseIssue } from "@/lib/domain/plans/types";

/** Parser findings as "line N — message", in line order. */
export function LineIssues({ issues, tone }: { issues: ParseIssue[]; tone: "error" | "warning" }) {
  const sorted = [...issues].sort((a, b) => a.line - b.line);
  return (
    <ul aria-label={tone === "error" ? "Errors" : "Warnings"} className="mt-2 grid gap-1 text-xs">
      {sorted.map((issue, index) => (
        <li key={`${issue.line}-${index}`} className="flex gap-2">
          <span className="shrink-0 font-mono tabular-nums">line {issue.line}</span>
          <span>{issue.message}</span>
        </li>
      ))}
    </ul>
  );
}
