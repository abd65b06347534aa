import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import type { ParseIssue, SessionSummary, SummaryMetrics } from "@/lib/domain/plans/types";
import { authorize } from "@/lib/server/authorize";

export type SummaryView = {
  id: string;
  kind: string;
  title: string;
  date: string | null;
  metrics: SummaryMetrics;
  /** The repaired Markdown; render it sanitized, never as raw HTML. */
  markdown: string;
  summary: SessionSummary;
  warnings: ParseIssue[];
  importedBy: string | null;
  updatedAt: string;
};

/** One session summary with its parsed structure and the Markdown to read. */
export async function getSummary(actor: Actor, id: string): Promise<SummaryView> {
  await authorize(actor, "board.read", undefined, { message: "You cannot read session summaries." });
  const row = await db().sessionSummary.findUnique({
    where: { id },
    select: { id: true, kind: true, title: true, date: true, metrics: true, source: true, parsed: true, warnings: true, importedBy: true, updatedAt: true },
  });
  if (!row) throw new AppError("NOT_FOUND", `No session summary "${id}".`);
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    date: row.date?.toISOString().slice(0, 10) ?? null,
    metrics: row.metrics as unknown as SummaryMetrics,
    markdown: row.source,
    summary: row.parsed as unknown as SessionSummary,
    warnings: (row.warnings ?? []) as unknown as ParseIssue[],
    importedBy: row.importedBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}
