import { normaliseEdgeType, waitsForGate } from "./edge-types";
import type { WaitsForGate } from "./edge-types";
import type { GraphEdge, GraphTicket } from "./graph-types";

export interface BlockerLink {
  type: "blocks" | "conditional-blocks";
  dependsOnId: string;
}

export interface WaitsForLink {
  spawnerId: string;
  gate: WaitsForGate;
}

/** Adjacency built once so every rule runs in O(n + e). Internal: never returned to callers. */
export interface GraphIndex {
  tickets: ReadonlyMap<string, GraphTicket>;
  blockers: ReadonlyMap<string, BlockerLink[]>;
  waitsFor: ReadonlyMap<string, WaitsForLink[]>;
  /** Existing parents per child: `parentId` plus parent-child edges, deduplicated, first-seen order. */
  parents: ReadonlyMap<string, string[]>;
  /** Existing children per parent. */
  children: ReadonlyMap<string, string[]>;
}

export function buildGraphIndex(tickets: readonly GraphTicket[], edges: readonly GraphEdge[]): GraphIndex {
  const byId = new Map<string, GraphTicket>();
  for (const ticket of tickets) byId.set(ticket.id, ticket);

  const blockers = new Map<string, BlockerLink[]>();
  const waitsFor = new Map<string, WaitsForLink[]>();
  const parents = new Map<string, string[]>();
  const children = new Map<string, string[]>();

  const linkParent = (childId: string, parentId: string): void => {
    // An edge to a ticket that does not exist (skipped tombstone, external ref) decides nothing.
    if (!byId.has(childId) || !byId.has(parentId) || childId === parentId) return;
    const known = parents.get(childId);
    if (known?.includes(parentId)) return;
    push(parents, childId, parentId);
    push(children, parentId, childId);
  };

  for (const ticket of tickets) {
    if (ticket.parentId) linkParent(ticket.id, ticket.parentId);
  }
  for (const edge of edges) {
    const type = normaliseEdgeType(edge.type);
    if (type === "parent-child") {
      linkParent(edge.issueId, edge.dependsOnId);
    } else if (type === "blocks" || type === "conditional-blocks") {
      push(blockers, edge.issueId, { type, dependsOnId: edge.dependsOnId });
    } else if (type === "waits-for") {
      push(waitsFor, edge.issueId, { spawnerId: edge.dependsOnId, gate: waitsForGate(edge.metadata) });
    }
  }
  return { tickets: byId, blockers, waitsFor, parents, children };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
