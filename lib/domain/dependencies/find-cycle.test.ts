import { describe, expect, it } from "vitest";
import { findCycle } from "./find-cycle";
import type { GraphEdge } from "./graph-types";

const edge = (issueId: string, dependsOnId: string, type = "blocks"): GraphEdge => ({ issueId, dependsOnId, type });

describe("findCycle", () => {
  it("names the cycle a new edge would close, in dependency order", () => {
    const edges = [edge("b", "c"), edge("c", "a")];
    expect(findCycle(edges, edge("a", "b"))).toEqual(["a", "b", "c", "a"]);
  });

  it("mixes all readiness edge types, including the blocked-by alias", () => {
    const edges = [edge("b", "c", "parent-child"), edge("c", "d", "waits-for"), edge("d", "a", "conditional-blocks")];
    expect(findCycle(edges, edge("a", "b", "blocked-by"))).toEqual(["a", "b", "c", "d", "a"]);
  });

  it("refuses a self-dependency", () => {
    expect(findCycle([], edge("a", "a"))).toEqual(["a", "a"]);
  });

  it("ignores annotation edges on either side", () => {
    expect(findCycle([edge("b", "a", "related")], edge("a", "b"))).toBeNull();
    expect(findCycle([edge("b", "a")], edge("a", "b", "discovered-from"))).toBeNull();
    expect(findCycle([edge("b", "a")], edge("a", "b", "some-custom-type"))).toBeNull();
  });

  it("accepts an edge that only forms a diamond", () => {
    const edges = [edge("a", "b"), edge("a", "c"), edge("b", "d"), edge("c", "d")];
    expect(findCycle(edges, edge("b", "c"))).toBeNull();
  });

  it("handles a 10k-edge chain (no recursion overflow) and returns the whole loop", () => {
    const edges = Array.from({ length: 10_000 }, (_, i) => edge(`t${i}`, `t${i + 1}`));
    const cycle = findCycle(edges, edge("t10000", "t0"));
    expect(cycle).toHaveLength(10_002);
    expect(cycle?.[0]).toBe("t10000");
    expect(cycle?.[1]).toBe("t0");
    expect(cycle?.at(-1)).toBe("t10000");
  });
});
