import type { GraphIndex } from "./graph-index";

/**
 * Spreads a per-ticket mark from `sources` to all descendants (breadth-first, each
 * ticket once, O(n + e)), skipping tickets `canInherit` refuses. Each reached ticket
 * keeps the mark of the nearest source; a parent cycle in bad data just ends the walk.
 */
export function propagateDown<T>(
  index: GraphIndex,
  sources: ReadonlyMap<string, T>,
  canInherit: (id: string) => boolean,
): Map<string, T> {
  const marked = new Map(sources);
  const queue = [...sources.keys()];
  for (let head = 0; head < queue.length; head += 1) {
    const parentId = queue[head] as string;
    const mark = marked.get(parentId) as T;
    for (const childId of index.children.get(parentId) ?? []) {
      if (marked.has(childId) || !canInherit(childId)) continue;
      marked.set(childId, mark);
      queue.push(childId);
    }
  }
  return marked;
}
