"use client";

import { useState } from "react";
import { toast } from "sonner";
import type { AuditPage, AuditRow } from "@/lib/domain/audit/audit-row";
import { AuditActor } from "./audit-actor";
import { AuditDiff } from "./audit-diff";
import { auditQueryString, type AuditFilterValues } from "./audit-query-string";
import { AuditTime } from "./audit-time";
import { EntityLink } from "./entity-link";

const PAGE = 50;

/** The dense event table; "Load more" follows the cursor through the API with the same filters. */
export function AuditTable({ initial, filter, now }: { initial: AuditPage; filter: AuditFilterValues; now: number }) {
  const [rows, setRows] = useState<AuditRow[]>(initial.items);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [loading, setLoading] = useState(false);

  async function loadMore() {
    if (cursor === null) return;
    setLoading(true);
    try {
      const response = await fetch(`/api/v1/audit${auditQueryString(filter, { after: cursor, limit: PAGE })}`);
      const body = (await response.json()) as AuditPage & { error?: { message: string } };
      if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
      setRows((current) => [...current, ...body.items]);
      setCursor(body.nextCursor);
    } catch (error) {
      toast.error(`Could not load more events: ${(error as Error).message}`);
    } finally {
      setLoading(false);
    }
  }

  return (
    <div>
      <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800">
        <table className="w-full text-sm">
          <thead className="bg-zinc-50 text-left text-xs text-zinc-500 dark:bg-zinc-900">
            <tr>
              <th scope="col" className="px-2 py-1.5 text-right font-medium">#</th>
              <th scope="col" className="px-2 py-1.5 font-medium">Time</th>
              <th scope="col" className="px-2 py-1.5 font-medium">Actor</th>
              <th scope="col" className="px-2 py-1.5 font-medium">Action</th>
              <th scope="col" className="px-2 py-1.5 font-medium">Entity</th>
              <th scope="col" className="px-2 py-1.5 font-medium">Change</th>
              <th scope="col" className="px-2 py-1.5 font-medium">Reason</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-900">
            {rows.map((row) => (
              <tr key={row.seq} data-seq={row.seq} className="align-top hover:bg-zinc-50/60 dark:hover:bg-zinc-900/60">
                <td className="px-2 py-1.5 text-right font-mono text-xs text-zinc-500 tabular-nums">{row.seq}</td>
                <td className="px-2 py-1.5 text-xs">
                  <AuditTime at={row.at} now={now} />
                </td>
                <td className="max-w-48 px-2 py-1.5 text-xs">
                  <AuditActor actor={row.actor} href={`/audit${auditQueryString({ ...filter, actor: row.actor.id })}`} />
                </td>
                <td className="px-2 py-1.5 font-mono text-xs whitespace-nowrap">{row.action}</td>
                <td className="px-2 py-1.5 text-xs">
                  <EntityLink type={row.entityType} id={row.entityId} boardKey={row.boardKey} />
                </td>
                <td className="max-w-md px-2 py-1.5">
                  <AuditDiff before={row.before} after={row.after} />
                </td>
                <td className="max-w-56 px-2 py-1.5 text-xs text-zinc-600 dark:text-zinc-400">{row.reason ?? <span className="text-zinc-400">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-3 flex items-center gap-3 text-xs text-zinc-500">
        <span>
          {rows.length.toLocaleString("en")} event{rows.length === 1 ? "" : "s"} shown
        </span>
        {cursor !== null ? (
          <button
            type="button"
            onClick={loadMore}
            disabled={loading}
            className="rounded-md border border-zinc-200 px-3 py-1 font-medium text-zinc-700 hover:bg-zinc-50 disabled:opacity-50 dark:border-zinc-800 dark:text-zinc-300 dark:hover:bg-zinc-900"
          >
            {loading ? "Loading…" : "Load more"}
          </button>
        ) : (
          <span>· end of the trail</span>
        )}
      </div>
    </div>
  );
}
