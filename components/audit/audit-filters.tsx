"use client";

import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { auditQueryString, type AuditFilterValues } from "./audit-query-string";

const ENTITY_TYPES = ["ticket", "board", "gate_request", "artifact", "plan", "agent", "user", "token", "permission"];
const COMMON_ACTIONS = ["ticket.created", "ticket.updated", "ticket.moved", "gate.requested", "gate.approved", "gate.rejected", "wip.override", "plan.imported", "access.denied"];

const input = "h-8 rounded-md border border-zinc-200 bg-white px-2 text-sm dark:border-zinc-800 dark:bg-zinc-950";

/** Filters live in the URL (shareable, back button works); the form only rewrites it. */
export function AuditFilters({ filter }: { filter: AuditFilterValues }) {
  const router = useRouter();
  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next: AuditFilterValues = { board: filter.board };
    for (const key of ["entity", "entityId", "actor", "action"] as const) next[key] = String(data.get(key) ?? "").trim() || undefined;
    for (const key of ["from", "to"] as const) {
      const value = String(data.get(key) ?? "");
      // datetime-local has no zone: the page works in UTC throughout.
      next[key] = value ? `${value.length === 16 ? `${value}:00` : value}Z` : undefined;
    }
    router.push(`/audit${auditQueryString(next)}`);
  }
  return (
    <form role="search" aria-label="Filter audit events" onSubmit={apply} className="flex flex-wrap items-end gap-2 text-xs">
      <Field label="Entity">
        <select name="entity" defaultValue={filter.entity ?? ""} className={input}>
          <option value="">Any</option>
          {ENTITY_TYPES.map((type) => (
            <option key={type}>{type}</option>
          ))}
        </select>
      </Field>
      <Field label="Entity id">
        <input name="entityId" defaultValue={filter.entityId} placeholder="gb-a3f8" className={`${input} w-32 font-mono`} />
      </Field>
      <Field label="Action">
        <input name="action" list="audit-actions" defaultValue={filter.action} placeholder="ticket.moved" className={`${input} w-40`} />
        <datalist id="audit-actions">
          {COMMON_ACTIONS.map((action) => (
            <option key={action} value={action} />
          ))}
        </datalist>
      </Field>
      <Field label="Actor id">
        <input name="actor" defaultValue={filter.actor} placeholder="click a name below" className={`${input} w-44`} />
      </Field>
      <Field label="From (UTC)">
        <input type="datetime-local" name="from" defaultValue={filter.from?.slice(0, 16)} className={input} />
      </Field>
      <Field label="To (UTC)">
        <input type="datetime-local" name="to" defaultValue={filter.to?.slice(0, 16)} className={input} />
      </Field>
      <button type="submit" className="h-8 rounded-md bg-zinc-900 px-3 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900">
        Apply
      </button>
      <a href="/audit" className="h-8 px-2 leading-8 text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100">
        Clear
      </a>
    </form>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-zinc-500">
      {label}
      {children}
    </label>
  );
}
