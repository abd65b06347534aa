"use client";

import { useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { X } from "lucide-react";
import type { CardView } from "@/lib/board-view";
import { FILTER_PARAMS, filterChoices, filterFromParams, isFiltering, LANES_PARAM, lanesFromParams, UNASSIGNED, type CardFilter, type LaneGrouping } from "@/lib/domain/board/card-filter";

const field = "h-7 rounded-md border border-zinc-300 bg-white px-2 text-xs dark:border-zinc-700 dark:bg-zinc-950";

/**
 * Filters for the board, kept in the URL (`?assignee=&type=&label=&q=`) so a reload or a
 * shared link shows the same view; replaceState updates it without refetching the board.
 */
export function BoardFilters({ cards, shown }: { cards: readonly CardView[]; shown: number }) {
  const params = useSearchParams();
  // Local state answers each keystroke at once; the board follows the URL.
  const [filter, setFilter] = useState<CardFilter>(() => filterFromParams(params));
  const [lanes, setLanes] = useState<LaneGrouping>(() => lanesFromParams(params));
  const choices = useMemo(() => filterChoices(cards), [cards]);

  function groupBy(next: LaneGrouping) {
    setLanes(next);
    const url = new URL(window.location.href);
    if (next === "none") url.searchParams.delete(LANES_PARAM);
    else url.searchParams.set(LANES_PARAM, next);
    window.history.replaceState(null, "", url);
  }

  function update(next: CardFilter) {
    setFilter(next);
    const url = new URL(window.location.href);
    for (const name of FILTER_PARAMS) {
      const value = next[name];
      if (value) url.searchParams.set(name, value);
      else url.searchParams.delete(name);
    }
    window.history.replaceState(null, "", url);
  }
  const set = (name: keyof CardFilter) => (value: string) => update({ ...filter, [name]: value === "" ? null : value });

  return (
    <search aria-label="Filter the board" className="mb-2 flex flex-wrap items-center gap-2">
      <input
        type="search"
        value={filter.q ?? ""}
        onChange={(event) => set("q")(event.target.value)}
        placeholder="Search id or title"
        aria-label="Search tickets by id or title"
        className={`${field} w-56`}
      />
      <select aria-label="Assignee" value={filter.assignee ?? ""} onChange={(event) => set("assignee")(event.target.value)} className={field}>
        <option value="">Anyone</option>
        <option value={UNASSIGNED}>Unassigned</option>
        {choices.assignees.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <select aria-label="Type" value={filter.type ?? ""} onChange={(event) => set("type")(event.target.value)} className={field}>
        <option value="">Any type</option>
        {choices.types.map((type) => (
          <option key={type} value={type}>
            {type}
          </option>
        ))}
      </select>
      <select aria-label="Label" value={filter.label ?? ""} onChange={(event) => set("label")(event.target.value)} className={field}>
        <option value="">Any label</option>
        {choices.labels.map((label) => (
          <option key={label} value={label}>
            {label}
          </option>
        ))}
      </select>
      <select aria-label="Swimlanes" value={lanes} onChange={(event) => groupBy(event.target.value as LaneGrouping)} className={field}>
        <option value="none">No swimlanes</option>
        <option value="epic">Swimlanes by epic</option>
        <option value="assignee">Swimlanes by assignee</option>
      </select>
      {isFiltering(filter) ? (
        <>
          <span className="text-xs text-zinc-500 tabular-nums" role="status">
            {shown} of {cards.length} tickets shown
          </span>
          <button
            type="button"
            onClick={() => update({ assignee: null, type: null, label: null, q: null })}
            className="inline-flex h-7 items-center gap-1 rounded-md px-2 text-xs text-zinc-600 hover:bg-zinc-200 dark:text-zinc-400 dark:hover:bg-zinc-800"
          >
            <X aria-hidden className="size-3.5" /> Clear filters
          </button>
        </>
      ) : null}
    </search>
  );
}
