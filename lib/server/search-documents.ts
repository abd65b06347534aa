import "server-only";
import { db, dbKind } from "@/lib/db";
import type { Actor } from "@/lib/domain/permissions";
import { snippetAround, toSearchText, type Snippet } from "@/lib/domain/plans/search-text";
import { searchQuerySchema, type SearchQuery } from "@/lib/schemas/plan";
import { parseOrThrow } from "@/lib/schemas/validation-issues";
import { authorize } from "@/lib/server/authorize";

export type SearchHit = { kind: "plan" | "summary"; id: string; title: string; href: string; snippet: Snippet };

/**
 * Case-insensitive substring search across session summaries (their lower-cased
 * `searchText`) and plans (their Markdown), with a snippet around the first hit. Summaries
 * compare lower-case to lower-case, which behaves the same on both databases; plan sources
 * use `mode: "insensitive"` on PostgreSQL and SQLite's LIKE (case-insensitive for ASCII).
 */
export async function searchDocuments(actor: Actor, input: SearchQuery): Promise<SearchHit[]> {
  const { q, limit } = parseOrThrow(searchQuerySchema, input, "The search is not valid.");
  await authorize(actor, "board.read", undefined, { message: "You cannot search plans and summaries." });
  const needle = toSearchText(q);
  const sourceFilter = dbKind() === "postgresql" ? ({ contains: q, mode: "insensitive" } as unknown as { contains: string }) : { contains: q };

  const [summaries, plans] = await Promise.all([
    needle === ""
      ? []
      : db().sessionSummary.findMany({
          where: { searchText: { contains: needle } },
          orderBy: { updatedAt: "desc" },
          take: limit,
          select: { id: true, title: true, source: true, searchText: true },
        }),
    db().plan.findMany({
      where: { OR: [{ source: sourceFilter }, { title: sourceFilter }], ...(actor.boardScope ? { boardId: actor.boardScope } : {}) },
      orderBy: { updatedAt: "desc" },
      take: limit,
      select: { id: true, title: true, source: true },
    }),
  ]);
  const hits: SearchHit[] = [];
  for (const row of summaries) {
    const snippet = snippetAround(row.source, q) ?? snippetAround(row.searchText, needle);
    if (snippet) hits.push({ kind: "summary", id: row.id, title: row.title, href: `/summaries/${encodeURIComponent(row.id)}`, snippet });
  }
  for (const row of plans) {
    const snippet = snippetAround(row.source, q) ?? snippetAround(row.title, q);
    if (snippet) hits.push({ kind: "plan", id: row.id, title: row.title, href: `/plans/${encodeURIComponent(row.id)}`, snippet });
  }
  return hits.slice(0, limit);
}
