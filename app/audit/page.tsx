import type { Metadata } from "next";
import { connection } from "next/server";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AUDIT_FILTER_KEYS, type AuditFilterValues } from "@/components/audit/audit-query-string";
import { AuditTable } from "@/components/audit/audit-table";
import { ChainStatusBadge } from "@/components/audit/chain-status-badge";
import { ExportButtons } from "@/components/audit/export-buttons";
import { NotAllowed } from "@/components/ui/not-allowed";
import type { AuditPage } from "@/lib/domain/audit/audit-row";
import { isAppError, type AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { listAuditEvents } from "@/lib/server/list-audit-events";
import { requirePageActor } from "@/lib/server/request-actor";

export const metadata: Metadata = { title: "Audit trail" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** A page of events with the time it was read (anchors the "3 h ago" hints), or the filter's error. */
async function readPage(actor: Actor, filter: AuditFilterValues): Promise<{ page: AuditPage; asOf: number } | { error: AppError }> {
  try {
    return { page: await listAuditEvents(actor, { ...filter, limit: 50 }), asOf: Date.now() };
  } catch (error) {
    if (isAppError(error) && ["VALIDATION_FAILED", "NOT_FOUND", "FORBIDDEN"].includes(error.code)) return { error };
    throw error;
  }
}

export default async function AuditPage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  const filter: AuditFilterValues = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = params[key];
    if (typeof value === "string" && value.trim()) filter[key] = value.trim();
  }
  const query = new URLSearchParams(filter as Record<string, string>).toString();
  const actor = await requirePageActor(`/audit${query ? `?${query}` : ""}`);
  const result = await readPage(actor, filter);
  if ("error" in result && result.error.code === "FORBIDDEN") return <NotAllowed what="the audit trail" />;

  return (
    <main className="mx-auto max-w-[1800px] px-4 py-4">
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold tracking-tight">Audit trail</h1>
        <ChainStatusBadge />
        <div className="ml-auto">
          <ExportButtons filter={filter} />
        </div>
      </div>
      <p className="mb-3 text-xs text-zinc-500">Every change, newest first, hash-chained so that an edited or deleted event is detected. Times are UTC.</p>
      <div className="mb-4">
        <AuditFilters key={query} filter={filter} />
      </div>
      {"error" in result ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          <p className="font-medium">These filters cannot be applied: {result.error.message}</p>
          <p className="mt-1">Check the time range (ISO 8601, e.g. 2026-11-23T12:00:00Z) and the board key, or clear the filters.</p>
        </div>
      ) : result.page.items.length === 0 ? (
        <div className="rounded-md border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-500 dark:border-zinc-700">
          {query ? "No events match these filters. Widen the time range or clear a filter." : "No events recorded yet."}
        </div>
      ) : (
        <AuditTable key={query} initial={result.page} filter={filter} now={result.asOf} />
      )}
    </main>
  );
}
