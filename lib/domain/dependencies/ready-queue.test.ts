import { describe, expect, it } from "vitest";
import { analyseBlocking } from "./blocking";
import type { GraphEdge, GraphTicket } from "./graph-types";
import { computeReadyQueue } from "./ready-queue";

const NOW = "2026-01-20T12:00:00.000Z";

function ticket(id: string, overrides: Partial<GraphTicket> = {}): GraphTicket {
  return { id, status: "open", type: "task", files: [], ...overrides };
}
const edge = (issueId: string, dependsOnId: string, type = "blocks", metadata?: GraphEdge["metadata"]): GraphEdge => ({
  issueId,
  dependsOnId,
  type,
  metadata,
});

describe("analyseBlocking", () => {
  it("blocks on an unresolved blocks/conditional-blocks target only", () => {
    const tickets = [
      ticket("a"),
      ticket("open-blocker"),
      ticket("b"),
      ticket("closed-blocker", { status: "closed" }),
      ticket("c"),
      ticket("pinned-blocker", { status: "pinned" }),
      ticket("d"),
      ticket("hooked-blocker", { status: "hooked" }),
    ];
    const edges = [
      edge("a", "open-blocker"),
      edge("b", "closed-blocker", "conditional-blocks"),
      edge("c", "pinned-blocker"),
      edge("d", "hooked-blocker", "blocked-by"),
    ];
    const { blockedIds, reasons } = analyseBlocking(tickets, edges);
    expect(blockedIds).toEqual(["a", "d"]);
    expect(reasons.d).toEqual([
      { kind: "blocked-by", edgeType: "blocks", blockerId: "hooked-blocker", blockerStatus: "hooked" },
    ]);
  });

  it("ignores edges to tickets that do not exist and never blocks closed tickets", () => {
    const tickets = [ticket("a"), ticket("done", { status: "closed" }), ticket("x")];
    const edges = [edge("a", "tombstoned"), edge("a", "external:beads:bd-1"), edge("done", "x")];
    expect(analyseBlocking(tickets, edges).blockedIds).toEqual([]);
  });

  it("passes blockage down parent-child edges and parentId, naming the blocked ancestor", () => {
    const tickets = [
      ticket("blocker"),
      ticket("epic"),
      ticket("feature", { parentId: "epic" }),
      ticket("task"),
      ticket("free-epic"),
      ticket("free-child", { parentId: "free-epic" }),
    ];
    const edges = [edge("epic", "blocker"), edge("task", "feature", "parent-child")];
    const { blockedIds, reasons } = analyseBlocking(tickets, edges);
    expect(blockedIds).toEqual(["epic", "feature", "task"]);
    expect(reasons.task).toEqual([
      { kind: "parent-blocked", parentId: "feature", parentStatus: "open", blockedAncestorId: "epic" },
    ]);
  });

  it("does not pass blockage through a closed parent", () => {
    const tickets = [ticket("blocker"), ticket("epic", { status: "closed" }), ticket("child", { parentId: "epic" })];
    expect(analyseBlocking(tickets, [edge("epic", "blocker")]).blockedIds).toEqual([]);
  });

  it("survives a parent cycle in bad data", () => {
    const tickets = [ticket("a", { parentId: "b" }), ticket("b", { parentId: "a" }), ticket("x")];
    expect(analyseBlocking(tickets, [edge("a", "x")]).blockedIds).toEqual(["a", "b"]);
  });

  it("waits-for: blocked while the spawner has unresolved children", () => {
    const tickets = [
      ticket("spawner"),
      ticket("c1", { parentId: "spawner", status: "closed" }),
      ticket("c2", { parentId: "spawner" }),
      ticket("c3", { parentId: "spawner", status: "pinned" }),
      ticket("all"),
      ticket("any"),
      ticket("any-json"),
      ticket("empty-spawner"),
      ticket("waits-on-empty"),
    ];
    const edges = [
      edge("all", "spawner", "waits-for"),
      edge("any", "spawner", "waits-for", { gate: "any-children" }),
      edge("any-json", "spawner", "waits-for", '{"gate":"any-children"}'),
      edge("waits-on-empty", "empty-spawner", "waits-for"),
    ];
    const { blockedIds, reasons } = analyseBlocking(tickets, edges);
    expect(blockedIds).toEqual(["all"]);
    expect(reasons.all).toEqual([{ kind: "waits-for", spawnerId: "spawner", gate: "all-children", openChildIds: ["c2"] }]);
  });

  it("waits-for any-children: blocked until one child closes", () => {
    const tickets = [ticket("spawner"), ticket("c1", { parentId: "spawner" }), ticket("w")];
    const edges = [edge("w", "spawner", "waits-for", '{"gate":"any-children"}')];
    expect(analyseBlocking(tickets, edges).blockedIds).toEqual(["w"]);
  });

  it("handles a 20k-deep hierarchy without overflowing the stack", () => {
    const depth = 20_000;
    const tickets = Array.from({ length: depth }, (_, i) => ticket(`t${i}`, { parentId: i > 0 ? `t${i - 1}` : null }));
    tickets.push(ticket("blocker"));
    const { blockedIds } = analyseBlocking(tickets, [edge("t0", "blocker")]);
    expect(blockedIds).toHaveLength(depth);
  });
});

describe("computeReadyQueue", () => {
  const tickets: GraphTicket[] = [
    ticket("p0", { priority: 0 }),
    ticket("p2-assigned", { priority: 2, assignee: "agent-7" }),
    ticket("p1-wip", { priority: 1, status: "in_progress" }),
    ticket("closed", { status: "closed" }),
    ticket("hooked", { status: "hooked" }),
    ticket("gate", { type: "gate" }),
    ticket("later", { deferUntil: "2026-02-01T00:00:00.000Z" }),
    ticket("past-defer", { deferUntil: "2026-01-01T00:00:00.000Z", priority: 3 }),
    ticket("under-later", { parentId: "later" }),
    ticket("blocked-child"),
  ];
  const edges = [edge("blocked-child", "p0")];
  const queue = computeReadyQueue(tickets, edges, { now: NOW });

  it("orders ready work by priority then id and derives claimable", () => {
    expect(queue.ready).toEqual(["p0", "p1-wip", "p2-assigned", "past-defer"]);
    expect(queue.claimable).toEqual(["p0", "past-defer"]);
    expect(queue.blocked).toEqual(["blocked-child"]);
  });

  it("explains every ticket that is not ready", () => {
    expect(queue.explain).toEqual({
      "blocked-child": [{ kind: "blocked-by", edgeType: "blocks", blockerId: "p0", blockerStatus: "open" }],
      closed: [{ kind: "closed" }],
      gate: [{ kind: "non-work-type", type: "gate" }],
      hooked: [{ kind: "status", status: "hooked" }],
      later: [{ kind: "deferred", until: "2026-02-01T00:00:00.000Z" }],
      "under-later": [{ kind: "ancestor-deferred", ancestorId: "later", until: "2026-02-01T00:00:00.000Z" }],
    });
  });

  it("judges deferral against the injected clock", () => {
    const later = computeReadyQueue(tickets, edges, { now: new Date("2026-03-01T00:00:00Z") });
    expect(later.ready).toContain("later");
    expect(later.ready).toContain("under-later");
  });

  it("collects several reasons at once", () => {
    const q = computeReadyQueue(
      [ticket("x", { status: "blocked", type: "molecule", deferUntil: "2027-01-01T00:00:00Z" }), ticket("y")],
      [edge("x", "y")],
      { now: NOW },
    );
    expect(q.explain.x?.map((r) => r.kind)).toEqual(["status", "non-work-type", "deferred", "blocked-by"]);
  });

  it("rejects an invalid clock", () => {
    expect(() => computeReadyQueue([], [], { now: "not a date" })).toThrow(RangeError);
  });
});
