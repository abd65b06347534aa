import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/permissions";
import type { SummaryMetrics } from "@/lib/domain/plans/types";
import { authorize } from "@/lib/server/authorize";

export type SummaryListItem = {
  id: string;
  kind: string;
  title: string;
  date: string | null;
  metrics: SummaryMetrics;
  warningCount: number;
  updatedAt: string;
};

/** Imported session summaries, newest session first (undated ones last). */
export async function listSummaries(actor: Actor, options: { limit?: number } = {}): Promise<SummaryListItem[]> {
  await authorize(actor, "board.read", undefined, { message: "You cannot read session summaries." });
  const rows = await db().sessionSummary.findMany({
    orderBy: [{ date: { sort: "desc", nulls: "last" } }, { updatedAt: "desc" }],
    take: options.limit ?? 200,
    select: { id: true, kind: true, title: true, date: true, metrics: true, warnings: true, updatedAt: true },
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    date: row.date?.toISOString().slice(0, 10) ?? null,
    metrics: row.metrics as unknown as SummaryMetrics,
    warningCount: Array.isArray(row.warnings) ? row.warnings.length : 0,
    updatedAt: row.updatedAt.toISOString(),
  }));
}
