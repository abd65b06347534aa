import { describe, expect, it } from "vitest";
import { generateNKeysBetween } from "fractional-indexing";
import { applyMove, byRank, neighboursAt } from "./apply-move";

const ranks = generateNKeysBetween(null, null, 4);
const cards = [
  { id: "a", phase: "p1", rank: ranks[0]! },
  { id: "b", phase: "p1", rank: ranks[1]! },
  { id: "c", phase: "p1", rank: ranks[2]! },
  { id: "x", phase: "p2", rank: ranks[0]! },
];
const order = (list: typeof cards, phase: string) => list.filter((c) => c.phase === phase).sort(byRank).map((c) => c.id);

describe("applyMove", () => {
  it("places a card between its new neighbours in another column", () => {
    const next = applyMove(cards, { ticketId: "b", toPhase: "p2", afterId: null, beforeId: "x" });
    expect(order(next, "p2")).toEqual(["b", "x"]);
    expect(order(next, "p1")).toEqual(["a", "c"]);
  });

  it("reorders within a column", () => {
    expect(order(applyMove(cards, { ticketId: "a", toPhase: "p1", afterId: "c", beforeId: null }), "p1")).toEqual(["b", "c", "a"]);
    expect(order(applyMove(cards, { ticketId: "c", toPhase: "p1", afterId: "a", beforeId: null }), "p1")).toEqual(["a", "c", "b"]);
  });

  it("appends when no neighbour is named, and leaves other cards untouched", () => {
    const next = applyMove(cards, { ticketId: "x", toPhase: "p1", afterId: null, beforeId: null });
    expect(order(next, "p1")).toEqual(["a", "b", "c", "x"]);
    expect(next.filter((c) => c.id !== "x")).toEqual(cards.filter((c) => c.id !== "x"));
  });

  it("finds neighbours in a final order", () => {
    expect(neighboursAt(["a", "b", "c"], "b")).toEqual({ afterId: "a", beforeId: "c" });
    expect(neighboursAt(["a"], "a")).toEqual({ afterId: null, beforeId: null });
  });
});
