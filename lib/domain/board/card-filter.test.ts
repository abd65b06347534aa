import { describe, expect, it } from "vitest";
import { filterChoices, filterFromParams, isFiltering, lanesFromParams, lanesOf, matchesFilter } from "./card-filter";

const card = (id: string, extra: Partial<{ title: string; type: string; labels: string[]; parentId: string | null; assignee: { name: string } | null }> = {}) => ({
  id,
  title: extra.title ?? `Title of ${id}`,
  type: extra.type ?? "task",
  labels: extra.labels ?? [],
  parentId: extra.parentId ?? null,
  assignee: extra.assignee ?? null,
});

const params = (query: string) => new URLSearchParams(query);

describe("board filters from the URL", () => {
  it("reads each filter, ignoring blanks", () => {
    expect(filterFromParams(params("assignee=Ada&type=bug&label=ui&q=%20login%20"))).toEqual({ assignee: "Ada", type: "bug", label: "ui", q: "login" });
    expect(isFiltering(filterFromParams(params("q=&type=")))).toBe(false);
  });

  it("matches assignee (or unassigned), type, label and text in id or title", () => {
    const ada = card("gb-1", { title: "Fix the Login form", type: "bug", labels: ["ui"], assignee: { name: "Ada" } });
    const nobody = card("gb-2", { type: "task" });
    expect(matchesFilter(ada, filterFromParams(params("assignee=Ada&type=bug&label=ui&q=login")))).toBe(true);
    expect(matchesFilter(ada, filterFromParams(params("assignee=none")))).toBe(false);
    expect(matchesFilter(nobody, filterFromParams(params("assignee=none")))).toBe(true);
    expect(matchesFilter(ada, filterFromParams(params("label=backend")))).toBe(false);
    expect(matchesFilter(nobody, filterFromParams(params("q=GB-2")))).toBe(true);
    expect(matchesFilter(nobody, filterFromParams(params("q=login")))).toBe(false);
  });

  it("treats a card without the assignee field (as the board sends unassigned cards) as unassigned", () => {
    const sent = { id: "gb-3", title: "As sent", type: "task", labels: [] };
    expect(matchesFilter(sent, filterFromParams(params("assignee=none")))).toBe(true);
    expect(matchesFilter(sent, filterFromParams(params("assignee=Ada")))).toBe(false);
    expect(lanesOf([sent], "assignee").lanes.map((lane) => lane.title)).toEqual(["Unassigned"]);
    expect(lanesOf([sent], "epic").lanes.map((lane) => lane.title)).toEqual(["No epic"]);
  });

  it("offers the assignees, types and labels present on the board", () => {
    expect(filterChoices([card("a", { type: "bug", labels: ["ui", "api"], assignee: { name: "Zoe" } }), card("b", { labels: ["ui"], assignee: { name: "Ada" } })])).toEqual({
      assignees: ["Ada", "Zoe"],
      types: ["bug", "task"],
      labels: ["api", "ui"],
    });
  });
});

describe("swimlanes", () => {
  it("reads the grouping, defaulting to none", () => {
    expect(lanesFromParams(params("lanes=epic"))).toBe("epic");
    expect(lanesFromParams(params("lanes=colour"))).toBe("none");
  });

  it("puts a card in its nearest epic's lane, through parents, with the catch-all lane last", () => {
    const cards = [
      card("gb-e", { type: "epic", title: "Payments" }),
      card("gb-f", { type: "feature", parentId: "gb-e" }),
      card("gb-t", { parentId: "gb-f" }),
      card("gb-loose"),
      card("gb-orphan", { parentId: "not-on-this-board" }),
    ];
    const { lanes, laneByCard } = lanesOf(cards, "epic");
    expect(lanes.map((lane) => lane.title)).toEqual(["gb-e · Payments", "No epic"]);
    expect(laneByCard.get("gb-t")).toBe("epic:gb-e");
    expect(laneByCard.get("gb-e")).toBe("epic:gb-e");
    expect(laneByCard.get("gb-orphan")).toBe("epic:");
  });

  it("survives a parent cycle", () => {
    const { laneByCard } = lanesOf([card("a", { parentId: "b" }), card("b", { parentId: "a" })], "epic");
    expect(laneByCard.get("a")).toBe("epic:");
  });

  it("groups by assignee with Unassigned last", () => {
    const { lanes } = lanesOf([card("a"), card("b", { assignee: { name: "Zoe" } }), card("c", { assignee: { name: "Ada" } })], "assignee");
    expect(lanes.map((lane) => lane.title)).toEqual(["Ada", "Zoe", "Unassigned"]);
  });
});
