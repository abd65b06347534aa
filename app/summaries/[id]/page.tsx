import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { extractToc } from "@/components/plans/heading-slugs";
import { LineIssues } from "@/components/plans/line-issues";
import { MetricsPanel } from "@/components/plans/metrics-panel";
import { SearchBox } from "@/components/plans/search-box";
import { SummaryMarkdown } from "@/components/plans/summary-markdown";
import { SummaryToc } from "@/components/plans/summary-toc";
import { NotAllowed } from "@/components/ui/not-allowed";
import { isAppError } from "@/lib/domain/errors";
import { getSummary } from "@/lib/server/get-summary";
import { requirePageActor } from "@/lib/server/request-actor";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Session summary" };

export default async function SummaryPage({ params }: Props) {
  await connection();
  const { id } = await params;
  const actor = await requirePageActor(`/summaries/${encodeURIComponent(id)}`);
  const view = await getSummary(actor, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (isAppError(error) && error.code === "FORBIDDEN") return null;
    throw error;
  });
  if (!view) return <NotAllowed what="session summaries" />;
  const toc = extractToc(view.markdown);

  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <p className="text-xs text-zinc-500">
          <Link href="/summaries" className="hover:underline">
            Session summaries
          </Link>{" "}
          / {view.kind === "progress-log" ? "progress log" : "completion summary"}
          {view.date ? ` · ${view.date}` : ""}
        </p>
        <div className="ml-auto w-full max-w-xs">
          <SearchBox />
        </div>
      </div>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,70ch)_16rem] lg:justify-between">
        <article className="min-w-0 max-w-[70ch] text-[15px] text-zinc-800 dark:text-zinc-200">
          <SummaryMarkdown markdown={view.markdown} />
        </article>
        <aside className="order-first grid content-start gap-6 lg:sticky lg:top-16 lg:order-none lg:max-h-[calc(100dvh-5rem)] lg:overflow-y-auto">
          <MetricsPanel metrics={view.metrics} />
          <SummaryToc entries={toc} />
          {view.warnings.length > 0 ? (
            <details className="text-xs text-amber-900 dark:text-amber-200">
              <summary className="cursor-pointer font-medium">{view.warnings.length} import warnings</summary>
              <LineIssues issues={view.warnings} tone="warning" />
            </details>
          ) : null}
        </aside>
      </div>
    </main>
  );
}
