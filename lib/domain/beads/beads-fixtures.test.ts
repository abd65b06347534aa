import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { computeReadyQueue } from "@/lib/domain/dependencies/ready-queue";
import { exportBeadsJsonl } from "./export-beads-jsonl";
import { toGraphEdges, toGraphTicket } from "./graph-input";
import { parseBeadsJsonl } from "./parse-beads-jsonl";
import type { BeadsIssue } from "./beads-types";
import { mapBeadsIssues } from "./ticket-import";
import { detectTicketChange } from "./ticket-change";
import { rawFacts, rawReadiness } from "@/tests/helpers/beads-reference";

// /work/shared sits beside the repository checkout, locally and in CI.
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../shared/fixtures/beads");
const NOW = "2026-02-01T00:00:00.000Z";


/** Expected facts per fixture, pinned so a silently-wrong oracle cannot pass unnoticed. */
const FIXTURE_FACTS = {
  "beads-ui.jsonl": {
    counts: { issues: 208, tombstone: 0, nonIssue: 0 },
    depsByType: { "discovered-from": 3 },
    withParent: 0,
    queue: { ready: 1, claimable: 0, blocked: 0 },
  },
  "beads-viewer-cass.jsonl": {
    counts: { issues: 116, tombstone: 0, nonIssue: 0 },
    depsByType: { blocks: 142 },
    withParent: 0,
    queue: { ready: 12, claimable: 11, blocked: 11 },
  },
  "beads-legacy-large.jsonl": {
    counts: { issues: 2403, tombstone: 3319, nonIssue: 0 },
    // blocks includes the one `blocked-by` edge (bd-fivze → bd-find4).
    depsByType: { "parent-child": 326, "discovered-from": 70, blocks: 324, related: 5, "relates-to": 3, tracks: 52 },
    withParent: 303,
    queue: { ready: 87, claimable: 80, blocked: 24 },
  },
} as const;



/** Issues compared across a round trip: Gateboard's metadata block and line numbers set aside. */
function comparable(issue: BeadsIssue) {
  const { line: _line, metadata, ...rest } = issue;
  let meta = metadata;
  if (meta && typeof meta === "object" && !Array.isArray(meta) && "gateboard" in meta) {
    const { gateboard: _gateboard, ...others } = meta as Record<string, unknown>;
    meta = Object.keys(others).length > 0 ? others : null;
  }
  return { ...rest, metadata: meta };
}

describe.each(Object.keys(FIXTURE_FACTS) as Array<keyof typeof FIXTURE_FACTS>)("fixture %s", (name) => {
  const text = readFileSync(path.join(FIXTURES, name), "utf8");
  const facts = rawFacts(text);
  const parsed = parseBeadsJsonl(text);
  const mapped = mapBeadsIssues(parsed.issues);

  it("parses without errors and counts what the file holds", () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.issues.map((i) => i.id)).toEqual(facts.live.map((r) => r.id));
    expect(parsed.skipped).toEqual({ tombstone: facts.tombstone, nonIssue: facts.nonIssue });
    expect({ issues: parsed.issues.length, ...parsed.skipped }).toEqual(FIXTURE_FACTS[name].counts);
  });

  it("keeps every dependency, by type, and every parent", () => {
    const byType: Record<string, number> = {};
    for (const edge of [...mapped.edges, ...mapped.danglingEdges]) byType[edge.type] = (byType[edge.type] ?? 0) + 1;
    expect(byType).toEqual(facts.depsByType);
    expect(byType).toEqual(FIXTURE_FACTS[name].depsByType);
    const withParent = mapped.tickets.filter((t) => t.parentId !== null).length;
    expect(withParent).toBe(facts.withParent);
    expect(withParent).toBe(FIXTURE_FACTS[name].withParent);
  });

  it("computes the same blocked and ready sets as the rule applied to the raw file", () => {
    const oracle = rawReadiness(facts.live, new Date(NOW));
    const queue = computeReadyQueue(mapped.tickets.map(toGraphTicket), toGraphEdges(mapped.tickets), { now: NOW });
    expect(new Set(queue.blocked)).toEqual(oracle.blocked);
    expect(new Set(queue.ready)).toEqual(oracle.ready);
    const { ready, claimable, blocked } = queue;
    expect({ ready: ready.length, claimable: claimable.length, blocked: blocked.length }).toEqual(FIXTURE_FACTS[name].queue);
  });

  it("survives parse → map → export → parse unchanged", () => {
    const jsonl = exportBeadsJsonl(mapped.tickets, mapped.tickets.flatMap((t) => t.dependencies));
    const again = parseBeadsJsonl(jsonl);
    expect(again.errors).toEqual([]);
    expect(again.skipped).toEqual({ tombstone: 0, nonIssue: 0 });
    const sortById = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(sortById(again.issues).map(comparable)).toEqual(sortById(parsed.issues).map(comparable));

    const remapped = mapBeadsIssues(again.issues);
    expect(sortById(remapped.tickets)).toEqual(sortById(mapped.tickets));
    expect(remapped.edges).toHaveLength(mapped.edges.length);
    expect(remapped.danglingEdges).toHaveLength(mapped.danglingEdges.length);
    // Re-importing what was exported is a no-op for every ticket.
    const before = new Map(mapped.tickets.map((t) => [t.id, t]));
    const kinds = new Set(remapped.tickets.map((t) => detectTicketChange(before.get(t.id), t).kind));
    expect(kinds).toEqual(new Set(["unchanged"]));
  });
});
