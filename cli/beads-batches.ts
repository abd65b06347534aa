// Splitting a beads JSONL export into requests under the API's 1 MB body limit. Parents go
// before their children (a child's parent must exist when the child is imported), and every
// line keeps its number in the file so errors still point at the right line.

/** What one request may carry: the API refuses bodies over 1 MiB; the margin covers the JSON envelope. */
export const BEADS_BATCH_BYTES = 1024 * 1024 - 16 * 1024;

export type BeadsBatch = {
  jsonl: string;
  /** lines[i] is the file's line number (1-based) of the batch's line i + 1. */
  lines: number[];
};

export type BeadsBatchPlan = { batches: BeadsBatch[]; tooLarge: Array<{ line: number; bytes: number }> };

/** Size of a line inside `{"jsonl": "…"}`: JSON-escaped, its two quotes standing in for the escaped newline. */
function encodedBytes(line: string): number {
  return Buffer.byteLength(JSON.stringify(line));
}

/**
 * One batch holding the file as it is when it fits in `maxBytes`; otherwise lines ordered
 * parents first (stable within a depth) and packed into batches of at most `maxBytes`.
 * A single line over the limit cannot be sent and is reported in `tooLarge`.
 */
export function planBeadsBatches(text: string, maxBytes: number): BeadsBatchPlan {
  const all = text.split(/\r?\n/).map((content, index) => ({ content, line: index + 1 })).filter((entry) => entry.content.trim() !== "");
  const total = all.reduce((sum, entry) => sum + encodedBytes(entry.content), 0);
  if (total <= maxBytes) return { batches: all.length > 0 ? [{ jsonl: all.map((e) => e.content).join("\n"), lines: all.map((e) => e.line) }] : [], tooLarge: [] };

  const depth = parentDepths(all.map((entry) => entry.content));
  const ordered = all.map((entry, index) => ({ ...entry, depth: depth[index]! })).sort((a, b) => a.depth - b.depth || a.line - b.line);
  const batches: BeadsBatch[] = [];
  const tooLarge: BeadsBatchPlan["tooLarge"] = [];
  let current: { contents: string[]; lines: number[]; bytes: number } = { contents: [], lines: [], bytes: 0 };
  const flush = () => {
    if (current.contents.length > 0) batches.push({ jsonl: current.contents.join("\n"), lines: current.lines });
    current = { contents: [], lines: [], bytes: 0 };
  };
  for (const entry of ordered) {
    const bytes = encodedBytes(entry.content);
    if (bytes > maxBytes) {
      tooLarge.push({ line: entry.line, bytes });
      continue;
    }
    if (current.bytes + bytes > maxBytes) flush();
    current.contents.push(entry.content);
    current.lines.push(entry.line);
    current.bytes += bytes;
  }
  flush();
  return { batches, tooLarge };
}

/** How many parent-child links up each line's issue is from one with no parent in the file. */
function parentDepths(lines: string[]): number[] {
  const parentOf = new Map<string, string>();
  const ids = lines.map((content) => {
    const issue = parseLoosely(content);
    if (!issue) return null;
    const parent = issue.dependencies.find((dep) => dep.type === "parent-child" && dep.dependsOnId !== issue.id);
    if (parent) parentOf.set(issue.id, parent.dependsOnId);
    return issue.id;
  });
  const memo = new Map<string, number>();
  const depthOf = (id: string): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    // Walk up with a visited set: a parent loop in a hand-edited file must not hang us.
    const path: string[] = [];
    const seen = new Set<string>();
    let node: string | undefined = id;
    while (node !== undefined && !seen.has(node) && !memo.has(node)) {
      seen.add(node);
      path.push(node);
      node = parentOf.get(node);
    }
    let base = node !== undefined && memo.has(node) ? memo.get(node)! + 1 : 0;
    for (const step of path.reverse()) {
      memo.set(step, base);
      base += 1;
    }
    return memo.get(id)!;
  };
  return ids.map((id) => (id === null ? 0 : depthOf(id)));
}

function parseLoosely(content: string): { id: string; dependencies: Array<{ dependsOnId: string; type: string }> } | null {
  try {
    const value = JSON.parse(content) as { id?: unknown; dependencies?: unknown };
    if (typeof value.id !== "string") return null;
    const dependencies = Array.isArray(value.dependencies) ? value.dependencies : [];
    return {
      id: value.id,
      dependencies: dependencies
        .filter((dep): dep is { depends_on_id: string; type: string } => typeof dep?.depends_on_id === "string" && typeof dep?.type === "string")
        .map((dep) => ({ dependsOnId: dep.depends_on_id, type: dep.type.toLowerCase().replace(/_/g, "-") })),
    };
  } catch {
    // The server reports the bad line with its number; here it only needs a place.
    return null;
  }
}
