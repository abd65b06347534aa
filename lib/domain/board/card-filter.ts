/**
 * The board's filters and swimlanes, read from and written to the URL so a filtered board
 * can be bookmarked and shared. Pure: the board screen and its tests use the same rules.
 */
export type CardFilter = {
  /** An assignee's display name, or "none" for unassigned cards. */
  assignee: string | null;
  type: string | null;
  label: string | null;
  /** Text search over id and title, case-insensitive. */
  q: string | null;
};

export type LaneGrouping = "none" | "epic" | "assignee";

export const FILTER_PARAMS = ["assignee", "type", "label", "q"] as const;
export const LANES_PARAM = "lanes";
export const UNASSIGNED = "none";

type FilterableCard = {
  id: string;
  title: string;
  type: string;
  labels: string[];
  /** Absent or null: no parent / unassigned (the board leaves unset fields out). */
  parentId?: string | null;
  assignee?: { name: string } | null;
};

type Params = { get(name: string): string | null };

const clean = (value: string | null) => (value && value.trim() !== "" ? value.trim() : null);

export function filterFromParams(params: Params): CardFilter {
  return { assignee: clean(params.get("assignee")), type: clean(params.get("type")), label: clean(params.get("label")), q: clean(params.get("q")) };
}

export function lanesFromParams(params: Params): LaneGrouping {
  const value = params.get(LANES_PARAM);
  return value === "epic" || value === "assignee" ? value : "none";
}

export function isFiltering(filter: CardFilter): boolean {
  return FILTER_PARAMS.some((name) => filter[name] !== null);
}

export function matchesFilter(card: FilterableCard, filter: CardFilter): boolean {
  if (filter.assignee !== null) {
    if (filter.assignee === UNASSIGNED ? Boolean(card.assignee) : card.assignee?.name !== filter.assignee) return false;
  }
  if (filter.type !== null && card.type !== filter.type) return false;
  if (filter.label !== null && !card.labels.includes(filter.label)) return false;
  if (filter.q !== null) {
    const needle = filter.q.toLocaleLowerCase();
    if (!card.id.toLocaleLowerCase().includes(needle) && !card.title.toLocaleLowerCase().includes(needle)) return false;
  }
  return true;
}

/** The values each filter can take on this board, for the filter bar's choices. */
export function filterChoices(cards: readonly FilterableCard[]): { assignees: string[]; types: string[]; labels: string[] } {
  const assignees = new Set<string>();
  const types = new Set<string>();
  const labels = new Set<string>();
  for (const card of cards) {
    if (card.assignee) assignees.add(card.assignee.name);
    types.add(card.type);
    for (const label of card.labels) labels.add(label);
  }
  const sorted = (values: Set<string>) => [...values].sort((a, b) => a.localeCompare(b));
  return { assignees: sorted(assignees), types: sorted(types), labels: sorted(labels) };
}

export type Lane = { key: string; title: string };

/**
 * Which lane a card belongs to. By epic: the nearest ancestor of type epic (the card itself
 * when it is an epic); cards outside every epic share the "No epic" lane. By assignee: the
 * assignee's name, or "Unassigned".
 */
export function laneOf(card: FilterableCard, grouping: LaneGrouping, byId: ReadonlyMap<string, FilterableCard>): Lane {
  if (grouping === "assignee") return card.assignee ? { key: `assignee:${card.assignee.name}`, title: card.assignee.name } : { key: "assignee:", title: "Unassigned" };
  if (grouping === "epic") {
    const seen = new Set<string>();
    let current: FilterableCard | undefined = card;
    while (current && !seen.has(current.id)) {
      if (current.type === "epic") return { key: `epic:${current.id}`, title: `${current.id} · ${current.title}` };
      seen.add(current.id);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
    return { key: "epic:", title: "No epic" };
  }
  return { key: "all", title: "All tickets" };
}

/** Lanes in display order: named lanes alphabetically, the catch-all lane last. */
export function lanesOf(cards: readonly FilterableCard[], grouping: LaneGrouping): { lanes: Lane[]; laneByCard: Map<string, string> } {
  const byId = new Map(cards.map((card) => [card.id, card]));
  const lanes = new Map<string, Lane>();
  const laneByCard = new Map<string, string>();
  for (const card of cards) {
    const lane = laneOf(card, grouping, byId);
    lanes.set(lane.key, lane);
    laneByCard.set(card.id, lane.key);
  }
  const catchAll = (lane: Lane) => lane.key.endsWith(":");
  const ordered = [...lanes.values()].sort((a, b) => Number(catchAll(a)) - Number(catchAll(b)) || a.title.localeCompare(b.title));
  return { lanes: ordered, laneByCard };
}
