import "server-only";
import { createHash } from "node:crypto";
import { writeTransaction } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { parseSessionSummary } from "@/lib/domain/plans/parse-summary";
import { toSearchText } from "@/lib/domain/plans/search-text";
import type { ParseIssue, SessionSummary } from "@/lib/domain/plans/types";
import { importSummarySchema, type ImportSummaryInput } from "@/lib/schemas/plan";
import { parseOrThrow } from "@/lib/schemas/validation-issues";
import { authorize } from "@/lib/server/authorize";
import { recordAudit } from "@/lib/server/record-audit";

export type ImportSummaryResult = {
  id: string;
  created: boolean;
  kind: SessionSummary["kind"];
  summary: SessionSummary;
  warnings: ParseIssue[];
  repairedSequences: number;
};

/**
 * Imports a session summary or progress log (mis-decoded text repaired by the parser).
 * The same document imported again (same kind, title and date) updates its row; audited
 * as `summary.imported` / `summary.updated`.
 */
export async function importSummary(actor: Actor, input: ImportSummaryInput): Promise<ImportSummaryResult> {
  const data = parseOrThrow(importSummarySchema, input, "The summary import is not valid.");
  await authorize(actor, "plan.import");
  const parsed = parseSessionSummary(data.markdown);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw new AppError("VALIDATION_FAILED", `This is not a session summary${first ? ` (line ${first.line}: ${first.message})` : ""}.`, {
      errors: parsed.errors,
      warnings: parsed.warnings,
    });
  }
  const { summary, warnings } = parsed;
  const id = summaryId(summary);
  const title = (summary.title ?? (summary.kind === "progress-log" ? `Progress log${summary.date ? ` from ${summary.date}` : ""}` : "Session summary")).slice(0, 300);
  const row = {
    kind: summary.kind,
    title,
    date: summary.date && !Number.isNaN(Date.parse(summary.date)) ? new Date(summary.date) : null,
    source: summary.markdown,
    parsed: summary as object,
    metrics: summary.metrics as object,
    warnings: warnings as object[],
    searchText: toSearchText(`${title}\n${summary.markdown}`),
    importedBy: actor.id,
  };

  return writeTransaction(async (tx) => {
    const existing = await tx.sessionSummary.findUnique({ where: { id }, select: { id: true, title: true } });
    if (existing) await tx.sessionSummary.update({ where: { id }, data: row });
    else await tx.sessionSummary.create({ data: { id, ...row } });
    await recordAudit(tx, actor, {
      action: existing ? "summary.updated" : "summary.imported",
      entityType: "session_summary",
      entityId: id,
      before: existing ? { title: existing.title } : null,
      after: { kind: summary.kind, title, date: summary.date, metrics: summary.metrics, warnings: warnings.length, repairedSequences: summary.repairedSequences },
    });
    return { id, created: !existing, kind: summary.kind, summary, warnings, repairedSequences: summary.repairedSequences };
  });
}

/** Stable id from what names the document, so a re-import lands on the same row. */
function summaryId(summary: SessionSummary): string {
  const name = summary.title || summary.date ? `${summary.kind}\n${summary.title ?? ""}\n${summary.date ?? ""}` : summary.markdown;
  return `sum-${createHash("sha256").update(name).digest("hex").slice(0, 16)}`;
}
