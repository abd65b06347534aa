import type { WaitsForGate } from "./edge-types";
import { buildGraphIndex } from "./graph-index";
import type { GraphIndex } from "./graph-index";
import { compareIds, isResolvedStatus } from "./graph-types";
import type { GraphEdge, GraphTicket } from "./graph-types";
import { propagateDown } from "./propagate-down";

/** Why a ticket is blocked; JSON-serialisable so the API can return it as is. */
export type BlockReason =
  | {
      kind: "blocked-by";
      edgeType: "blocks" | "conditional-blocks";
      blockerId: string;
      blockerStatus: string;
    }
  | {
      kind: "waits-for";
      spawnerId: string;
      gate: WaitsForGate;
      /** The spawner's children that are neither closed nor pinned. */
      openChildIds: string[];
    }
  | {
      kind: "parent-blocked";
      parentId: string;
      parentStatus: string;
      /** The nearest ancestor blocked by something other than its own parent. */
      blockedAncestorId: string;
    };

export interface BlockingAnalysis {
  /** Sorted ids of blocked tickets. */
  blockedIds: string[];
  reasons: Record<string, BlockReason[]>;
}

/**
 * beads' blocked rule: a ticket that is not closed is blocked by an unresolved
 * blocks/conditional-blocks target, by a waits-for spawner with unresolved children
 * (any-children: unless one child is closed), or by a blocked parent, transitively.
 * Targets that are not in `tickets` block nothing.
 */
export function analyseBlocking(tickets: readonly GraphTicket[], edges: readonly GraphEdge[]): BlockingAnalysis {
  const blocked = blockReasonsByTicket(buildGraphIndex(tickets, edges));
  return {
    blockedIds: [...blocked.keys()].sort(compareIds),
    reasons: Object.fromEntries(blocked),
  };
}

/** Blocked tickets with their reasons: direct causes first, then blockage spread down the hierarchy. */
export function blockReasonsByTicket(index: GraphIndex): Map<string, BlockReason[]> {
  const isNotClosed = (id: string): boolean => index.tickets.get(id)?.status !== "closed";
  const direct = directBlockReasons(index, isNotClosed);
  const ancestorOf = propagateDown(index, new Map([...direct.keys()].map((id) => [id, id])), isNotClosed);

  const blocked = new Map<string, BlockReason[]>();
  for (const id of [...ancestorOf.keys()].sort(compareIds)) {
    const reasons: BlockReason[] = [...(direct.get(id) ?? [])];
    for (const parentId of index.parents.get(id) ?? []) {
      const blockedAncestorId = ancestorOf.get(parentId);
      if (blockedAncestorId === undefined) continue;
      const parentStatus = index.tickets.get(parentId)?.status ?? "";
      reasons.push({ kind: "parent-blocked", parentId, parentStatus, blockedAncestorId });
    }
    blocked.set(id, reasons);
  }
  return blocked;
}

function directBlockReasons(index: GraphIndex, isNotClosed: (id: string) => boolean): Map<string, BlockReason[]> {
  const openChildrenOf = memoOpenChildren(index);
  const direct = new Map<string, BlockReason[]>();
  for (const id of index.tickets.keys()) {
    if (!isNotClosed(id)) continue;
    const reasons: BlockReason[] = [];
    for (const link of index.blockers.get(id) ?? []) {
      const blocker = index.tickets.get(link.dependsOnId);
      if (blocker && !isResolvedStatus(blocker.status)) {
        reasons.push({ kind: "blocked-by", edgeType: link.type, blockerId: blocker.id, blockerStatus: blocker.status });
      }
    }
    for (const link of index.waitsFor.get(id) ?? []) {
      if (!index.tickets.has(link.spawnerId)) continue;
      const { open, anyClosed } = openChildrenOf(link.spawnerId);
      if (open.length === 0 || (link.gate === "any-children" && anyClosed)) continue;
      reasons.push({ kind: "waits-for", spawnerId: link.spawnerId, gate: link.gate, openChildIds: open });
    }
    if (reasons.length > 0) direct.set(id, reasons);
  }
  return direct;
}

function memoOpenChildren(index: GraphIndex): (spawnerId: string) => { open: string[]; anyClosed: boolean } {
  const memo = new Map<string, { open: string[]; anyClosed: boolean }>();
  return (spawnerId) => {
    const known = memo.get(spawnerId);
    if (known) return known;
    const open: string[] = [];
    let anyClosed = false;
    for (const childId of index.children.get(spawnerId) ?? []) {
      const status = index.tickets.get(childId)?.status ?? "closed";
      if (status === "closed") anyClosed = true;
      if (!isResolvedStatus(status)) open.push(childId);
    }
    const result = { open: open.sort(compareIds), anyClosed };
    memo.set(spawnerId, result);
    return result;
  };
}
