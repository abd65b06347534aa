import { isReadinessEdgeType } from "./edge-types";
import type { GraphEdge } from "./graph-types";

/**
 * The cycle `newEdge` would close among readiness edges, as ids in dependency order
 * starting and ending with the new edge's dependent (e.g. [a, b, c, a]); null when the
 * edge is safe or only annotates. Iterative DFS from the new edge's target, O(n + e).
 */
export function findCycle(edges: readonly GraphEdge[], newEdge: GraphEdge): string[] | null {
  if (!isReadinessEdgeType(newEdge.type)) return null;
  const from = newEdge.issueId;
  const to = newEdge.dependsOnId;
  if (from === to) return [from, from];

  const dependsOn = new Map<string, string[]>();
  for (const edge of edges) {
    if (!isReadinessEdgeType(edge.type)) continue;
    const targets = dependsOn.get(edge.issueId);
    if (targets) targets.push(edge.dependsOnId);
    else dependsOn.set(edge.issueId, [edge.dependsOnId]);
  }

  // reachedFrom doubles as the visited set and the back-pointers to rebuild the path.
  const reachedFrom = new Map<string, string | null>([[to, null]]);
  const stack = [to];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    for (const next of dependsOn.get(current) ?? []) {
      if (reachedFrom.has(next)) continue;
      reachedFrom.set(next, current);
      if (next === from) return [from, ...pathTo(reachedFrom, from)];
      stack.push(next);
    }
  }
  return null;
}

function pathTo(reachedFrom: ReadonlyMap<string, string | null>, end: string): string[] {
  const path: string[] = [];
  let node: string | null | undefined = end;
  while (node !== null && node !== undefined) {
    path.push(node);
    node = reachedFrom.get(node);
  }
  return path.reverse();
}
