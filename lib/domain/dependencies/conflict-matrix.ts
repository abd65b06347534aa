import { normaliseFilePath, pathAndAncestors } from "./file-paths";
import { compareByPriorityThenId, compareIds } from "./graph-types";

export interface ConflictTicket {
  id: string;
  files: readonly string[];
  priority?: number | null;
}

/** Two tickets that must not run at the same time, and the files both would touch. */
export interface ConflictPair {
  /** The smaller id of the two. */
  a: string;
  b: string;
  /** Normalised paths in both file sets; for a directory vs a file inside it, the file. */
  files: string[];
}

/**
 * Every conflicting pair among `tickets` (pass the ready ones), sorted by (a, b).
 * Each path is checked against itself and its ancestor directories only, so the cost is
 * O(paths × depth) plus the pairs found, not pairwise over tickets.
 */
export function buildConflictMatrix(tickets: readonly ConflictTicket[]): ConflictPair[] {
  const holders = new Map<string, Set<string>>();
  const pathsByTicket = new Map<string, Set<string>>();
  for (const ticket of tickets) {
    const paths = pathsByTicket.get(ticket.id) ?? new Set<string>();
    for (const raw of ticket.files) {
      const path = normaliseFilePath(raw);
      if (path === "") continue;
      paths.add(path);
      const set = holders.get(path) ?? new Set<string>();
      set.add(ticket.id);
      holders.set(path, set);
    }
    pathsByTicket.set(ticket.id, paths);
  }

  const pairs = new Map<string, ConflictPair & { fileSet: Set<string> }>();
  for (const [id, paths] of pathsByTicket) {
    for (const path of paths) {
      for (const container of pathAndAncestors(path)) {
        for (const other of holders.get(container) ?? []) {
          if (other === id) continue;
          // `path` is the deeper of the two, so it is the part both tickets touch.
          const [a, b] = compareIds(id, other) < 0 ? [id, other] : [other, id];
          const key = `${a}\u0000${b}`;
          const pair = pairs.get(key) ?? { a, b, files: [], fileSet: new Set<string>() };
          pair.fileSet.add(path);
          pairs.set(key, pair);
        }
      }
    }
  }

  return [...pairs.values()]
    .map(({ a, b, fileSet }) => ({ a, b, files: [...fileSet].sort(compareIds) }))
    .sort((x, y) => compareIds(x.a, y.a) || compareIds(x.b, y.b));
}

/**
 * Parallel-safe batches: greedy colouring, largest conflict degree first, ties by priority
 * then id, each ticket into the first batch holding nothing it conflicts with. Every ticket
 * lands in exactly one batch; ids inside a batch are ordered by priority then id.
 */
export function planParallelBatches(tickets: readonly ConflictTicket[]): string[][] {
  const unique = new Map<string, ConflictTicket>();
  for (const ticket of tickets) if (!unique.has(ticket.id)) unique.set(ticket.id, ticket);

  const neighbours = new Map<string, Set<string>>();
  for (const id of unique.keys()) neighbours.set(id, new Set());
  for (const { a, b } of buildConflictMatrix([...unique.values()])) {
    neighbours.get(a)?.add(b);
    neighbours.get(b)?.add(a);
  }

  const degree = (id: string): number => neighbours.get(id)?.size ?? 0;
  const order = [...unique.values()].sort((x, y) => degree(y.id) - degree(x.id) || compareByPriorityThenId(x, y));

  const batchOf = new Map<string, number>();
  const batches: ConflictTicket[][] = [];
  for (const ticket of order) {
    const taken = new Set<number>();
    for (const other of neighbours.get(ticket.id) ?? []) {
      const batch = batchOf.get(other);
      if (batch !== undefined) taken.add(batch);
    }
    let batch = 0;
    while (taken.has(batch)) batch += 1;
    batchOf.set(ticket.id, batch);
    (batches[batch] ??= []).push(ticket);
  }
  return batches.map((batch) => batch.sort(compareByPriorityThenId).map((t) => t.id));
}
