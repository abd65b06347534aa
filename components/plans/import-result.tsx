import Link from "next/link";
import { AlertTriangle, CheckCircle2, XCircle } from "lucide-react";
import type { ImportOutcome } from "@/app/plans/actions";
import type { ActionResult } from "@/lib/action-result";
import type { ParseIssue } from "@/lib/domain/plans/types";
import { LineIssues } from "./line-issues";

/** After an import: what was stored and its warnings by line, or why nothing was stored. */
export function ImportResult({ result }: { result: ActionResult<ImportOutcome> }) {
  if (!result.ok) {
    const errors = (result.error.details as { errors?: ParseIssue[] } | undefined)?.errors ?? [];
    return (
      <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200">
        <p className="flex items-center gap-2 font-medium">
          <XCircle aria-hidden className="size-4" />
          Nothing was imported. {result.error.message}
        </p>
        {errors.length > 0 ? <LineIssues issues={errors} tone="error" /> : null}
        <p className="mt-2 text-xs">Check that you chose the right document type and pasted the whole file.</p>
      </div>
    );
  }
  const outcome = result.data;
  return (
    <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200">
      <p className="flex flex-wrap items-center gap-2 font-medium">
        <CheckCircle2 aria-hidden className="size-4" />
        {outcome.created ? "Imported" : "Updated"} “{outcome.title}”.
        <Link href={outcome.href} className="underline underline-offset-4">
          Open the {outcome.kind === "plan" ? "plan" : "summary"}
        </Link>
      </p>
      {outcome.tickets ? (
        <p className="mt-1">
          Board {outcome.tickets.boardKey}: {outcome.tickets.created} tickets created, {outcome.tickets.updated} updated
          {outcome.tickets.skipped.length > 0 ? `, ${outcome.tickets.skipped.length} skipped (${outcome.tickets.skipped.map((s) => `${s.id}: ${s.reason}`).join("; ")})` : ""}.
        </p>
      ) : null}
      {outcome.repairedSequences > 0 ? <p className="mt-1">Repaired {outcome.repairedSequences} mis-decoded characters (e.g. “âœ…” → ✅).</p> : null}
      {outcome.warnings.length > 0 ? (
        <div className="mt-3 text-amber-900 dark:text-amber-200">
          <p className="flex items-center gap-2 font-medium">
            <AlertTriangle aria-hidden className="size-4" />
            {outcome.warnings.length} {outcome.warnings.length === 1 ? "warning" : "warnings"}: these parts were kept as written.
          </p>
          <LineIssues issues={outcome.warnings} tone="warning" />
        </div>
      ) : (
        <p className="mt-1">No warnings.</p>
      )}
    </div>
  );
}
