import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Upload } from "lucide-react";
import { SearchBox } from "@/components/plans/search-box";
import { SearchResults } from "@/components/plans/search-results";
import { SummaryList } from "@/components/plans/summary-list";
import { primaryButton } from "@/components/plans/ui-classes";
import { NotAllowed } from "@/components/ui/not-allowed";
import { isAppError } from "@/lib/domain/errors";
import { can, type Actor } from "@/lib/domain/permissions";
import { listSummaries, type SummaryListItem } from "@/lib/server/list-summaries";
import { searchDocuments, type SearchHit } from "@/lib/server/search-documents";
import { requirePageActor } from "@/lib/server/request-actor";

export const metadata: Metadata = { title: "Session summaries" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SummariesPage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  const query = typeof params.q === "string" ? params.q.trim() : "";
  const actor = await requirePageActor(`/summaries${query ? `?q=${encodeURIComponent(query)}` : ""}`);
  const data = await readData(actor, query);
  if (!data) return <NotAllowed what="session summaries" />;
  const { summaries, hits } = data;
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold tracking-tight">Session summaries</h1>
        <SearchBox defaultValue={query} />
        {can(actor, "plan.import") ? (
          <Link href="/plans/import?kind=summary" className={`${primaryButton} ml-auto`}>
            <Upload aria-hidden className="size-4" /> Import
          </Link>
        ) : null}
      </div>
      {query.length === 1 ? <p className="mb-4 text-sm text-zinc-500">Type at least 2 characters to search.</p> : null}
      {hits ? (
        <section aria-label={`Results for ${query}`} className="mb-8">
          <h2 className="mb-2 text-sm font-semibold">
            {hits.length} {hits.length === 1 ? "result" : "results"} for “{query}”{" "}
            <Link href="/summaries" className="ml-2 text-xs font-normal text-zinc-500 underline underline-offset-4">
              clear
            </Link>
          </h2>
          <SearchResults query={query} hits={hits} />
        </section>
      ) : null}
      <SummaryList summaries={summaries} />
    </main>
  );
}

/** The list and, for a query, the hits; null when the actor may not read them. */
async function readData(actor: Actor, query: string): Promise<{ summaries: SummaryListItem[]; hits: SearchHit[] | null } | null> {
  try {
    const summaries = await listSummaries(actor);
    const hits = query.length >= 2 ? await searchDocuments(actor, { q: query }) : null;
    return { summaries, hits };
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN") return null;
    throw error;
  }
}
