"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { addDependencyAction, removeDependencyAction } from "@/app/boards/[board]/tickets/actions";
import type { TicketEdgeView } from "@/lib/server/get-ticket";
import { DependencyRow } from "./dependency-row";
import { fieldClass, quietButton } from "./ui";

const EDGE_TYPES = ["blocks", "conditional-blocks", "waits-for", "parent-child", "related", "discovered-from", "duplicates", "supersedes", "caused-by", "validates", "tracks"];

type Props = { ticketId: string; boardKey: string; dependsOn: TicketEdgeView[]; dependents: TicketEdgeView[]; canEdit: boolean };

/** Edges both ways, each saying whether it blocks now; people who may edit add and remove them here. */
export function DependencyPanel({ ticketId, boardKey, dependsOn, dependents, canEdit }: Props) {
  const router = useRouter();
  const [target, setTarget] = useState("");
  const [type, setType] = useState("blocks");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function run(work: () => ReturnType<typeof addDependencyAction>, onDone?: () => void) {
    setError(null);
    startTransition(async () => {
      const result = await work();
      if (!result.ok) return setError(result.error.message);
      onDone?.();
      router.refresh();
    });
  }

  function add(event: React.FormEvent) {
    event.preventDefault();
    if (!target.trim()) return setError("Name the ticket this one depends on, e.g. gb-a3f8.");
    run(() => addDependencyAction(ticketId, { dependsOnId: target.trim(), type }), () => setTarget(""));
  }

  const remove = (dependentId: string, dependsOnId: string, edgeType: string) => () =>
    run(() => removeDependencyAction(dependentId, { dependsOnId, type: edgeType }));

  return (
    <div className="grid gap-3 text-sm">
      <div>
        <h3 className="mb-1 text-xs font-medium text-zinc-500">Depends on</h3>
        {dependsOn.length === 0 ? (
          <p className="text-zinc-500">Nothing.</p>
        ) : (
          <ul aria-label="Depends on" className="flex flex-col gap-1">
            {dependsOn.map((edge) => (
              <DependencyRow key={`${edge.ticketId}|${edge.type}`} edge={edge} boardKey={boardKey} onRemove={canEdit ? remove(ticketId, edge.ticketId, edge.type) : undefined} pending={pending} />
            ))}
          </ul>
        )}
      </div>
      <div>
        <h3 className="mb-1 text-xs font-medium text-zinc-500">Needed by</h3>
        {dependents.length === 0 ? (
          <p className="text-zinc-500">No ticket depends on this one.</p>
        ) : (
          <ul aria-label="Needed by" className="flex flex-col gap-1">
            {dependents.map((edge) => (
              <DependencyRow key={`${edge.ticketId}|${edge.type}`} edge={edge} boardKey={boardKey} onRemove={canEdit ? remove(edge.ticketId, ticketId, edge.type) : undefined} pending={pending} />
            ))}
          </ul>
        )}
      </div>
      {canEdit && (
        <form onSubmit={add} aria-label="Add a dependency" className="flex flex-wrap items-end gap-2 border-t border-zinc-100 pt-3 dark:border-zinc-800">
          <label className="grow text-xs text-zinc-600 dark:text-zinc-400">
            Depends on ticket
            <input value={target} onChange={(event) => setTarget(event.target.value)} placeholder="gb-a3f8" className={`${fieldClass} mt-1 font-mono`} />
          </label>
          <label className="text-xs text-zinc-600 dark:text-zinc-400">
            Edge type
            <select value={type} onChange={(event) => setType(event.target.value)} className={`${fieldClass} mt-1`}>
              {EDGE_TYPES.map((edgeType) => (
                <option key={edgeType}>{edgeType}</option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={pending} className={`${quietButton} py-1.5`}>
            Add dependency
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-red-800 dark:bg-red-950/50 dark:text-red-200">
          {error}
        </p>
      )}
    </div>
  );
}
