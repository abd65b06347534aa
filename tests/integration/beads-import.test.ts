import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withTestDatabase, testDatabaseKind } from "@/tests/helpers/test-database";
import { actors } from "@/tests/helpers/board-fixture";
import { rawFacts, rawReadiness, type RawIssue } from "@/tests/helpers/beads-reference";
import { SYSTEM_ACTOR } from "@/lib/domain/permissions";

// /work/shared sits beside the repository checkout, locally and in CI.
const FIXTURES = path.resolve(import.meta.dirname, "../../../shared/fixtures/beads");
const NOW = new Date("2026-02-01T00:00:00.000Z");

withTestDatabase();




async function newBoard(key: string) {
  const { createBoard } = await import("@/lib/server/create-board");
  return createBoard(SYSTEM_ACTOR, { name: `Board ${key}`, key, workflow: "software-development" });
}

async function boardState(boardId: string) {
  const { db } = await import("@/lib/db");
  const [tickets, edges, phases, ticketEvents] = await Promise.all([
    db().ticket.findMany({ where: { boardId }, select: { id: true, version: true, phaseId: true, parentId: true } }),
    db().dependency.findMany({ where: { issue: { boardId } }, select: { issueId: true, dependsOnId: true, type: true } }),
    db().phase.findMany({ where: { boardId }, select: { id: true, ticketCount: true } }),
    db().auditEvent.count({ where: { boardId, action: { startsWith: "ticket." } } }),
  ]);
  return { tickets, edges, phases, ticketEvents };
}

const FIXTURE_FILES = [
  ["beads-ui.jsonl", "ui"],
  ["beads-viewer-cass.jsonl", "cass"],
  ["beads-legacy-large.jsonl", "legacy"],
] as const;

describe.each(FIXTURE_FILES)(`importBeads %s on ${testDatabaseKind()}`, (file, key) => {
  const text = readFileSync(path.join(FIXTURES, file), "utf8");
  const facts = rawFacts(text);

  it("imports with zero errors, every edge and parent, exact column counts; the same file again changes nothing; export → import is a no-op", async () => {
    const { importBeads } = await import("@/lib/server/import-beads");
    const { exportBeads } = await import("@/lib/server/export-beads");
    const { db } = await import("@/lib/db");
    const board = await newBoard(key);

    const first = await importBeads(actors.lead, key, text);
    expect(first).toEqual({ created: facts.live.length, updated: 0, unchanged: 0, skipped: { tombstone: facts.tombstone, nonIssue: facts.nonIssue }, errors: [] });
    const state = await boardState(board.id);
    expect(state.tickets).toHaveLength(facts.live.length);
    const byType: Record<string, number> = {};
    for (const edge of state.edges) byType[edge.type] = (byType[edge.type] ?? 0) + 1;
    expect(byType).toEqual(facts.depsByType);
    expect(state.tickets.filter((t) => t.parentId !== null)).toHaveLength(facts.withParent);
    for (const phase of state.phases) expect(phase.ticketCount).toBe(state.tickets.filter((t) => t.phaseId === phase.id).length);
    expect(state.ticketEvents).toBe(facts.live.length);

    const again = await importBeads(actors.lead, key, text);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: facts.live.length, errors: [] });
    const after = await boardState(board.id);
    expect(after.tickets).toEqual(state.tickets);
    expect(after.ticketEvents).toBe(state.ticketEvents);
    expect(await db().auditEvent.count({ where: { boardId: board.id, action: "beads.imported" } })).toBe(2);

    const exported = await exportBeads(actors.viewer, key);
    expect(exported.tickets).toBe(facts.live.length);
    const roundTrip = await importBeads(actors.lead, key, exported.jsonl);
    expect(roundTrip).toEqual({ created: 0, updated: 0, unchanged: facts.live.length, skipped: { tombstone: 0, nonIssue: 0 }, errors: [] });
    const sorted = <T>(list: T[]) => list.map((item) => JSON.stringify(item)).sort();
    const final = await boardState(board.id);
    expect(sorted(final.tickets)).toEqual(sorted(state.tickets));
    expect(sorted(final.edges)).toEqual(sorted(state.edges));
    // The exported lines carry the same edges as the file (dangling ones included).
    const exportedEdges = exported.jsonl.trim().split("\n").flatMap((line) => ((JSON.parse(line) as RawIssue).dependencies ?? []).length);
    expect(exportedEdges.reduce((a, b) => a + b, 0)).toBe(state.edges.length);
  }, 120_000);

  it("gives the ready and blocked sets the rule gives on the raw file", async () => {
    const { getReadyQueue } = await import("@/lib/server/get-ready-queue");
    const oracle = rawReadiness(facts.live, NOW);
    const queue = await getReadyQueue(actors.agent, key, { now: NOW, explain: true });
    expect(new Set(queue.items.map((item) => item.id))).toEqual(oracle.ready);
    expect(new Set(queue.blocked.map((item) => item.id))).toEqual(oracle.blocked);
    for (const { id } of queue.blocked) expect(queue.explain?.[id]?.length).toBeGreaterThan(0);
    expect(queue.batches.flat().sort()).toEqual(queue.items.map((item) => item.id).sort());
    const claimable = await getReadyQueue(actors.agent, key, { now: NOW, claimable: true });
    expect(claimable.items.every((item) => item.claimable && item.status === "open" && !item.assignee)).toBe(true);
    expect(claimable.items.length).toBe(queue.counts.claimable);
  }, 60_000);
});

const line = (record: Record<string, unknown>) => JSON.stringify({ title: `Title of ${String(record.id)}`, status: "open", priority: 2, issue_type: "task", ...record });

describe(`importBeads line errors and dependencies on ${testDatabaseKind()}`, () => {
  it("reports a bad line with its number, leaves it out whole, and imports the rest", async () => {
    const { importBeads } = await import("@/lib/server/import-beads");
    const { db } = await import("@/lib/db");
    await newBoard("other");
    await importBeads(actors.lead, "other", line({ id: "bad-taken" }));
    const board = await newBoard("bad");
    const text = [
      line({ id: "bad-1" }),
      line({ id: "bad-2", dependencies: [{ issue_id: "bad-2", depends_on_id: "bad-1", type: "blocks" }] }),
      '{"id": "bad-3", "title": ',
      line({ id: "bad-4", priority: 9 }),
      line({ id: "bad-taken" }),
      line({ id: "bad-5", status: "tombstone" }),
      line({ id: "bad-6", dependencies: [{ issue_id: "bad-6", depends_on_id: "bad-4", type: "blocks" }] }),
    ].join("\n");
    const result = await importBeads(actors.lead, "bad", text);
    expect(result.created).toBe(3);
    expect(result.skipped).toEqual({ tombstone: 1, nonIssue: 0 });
    expect(result.errors.map((error) => error.line)).toEqual([3, 4, 5]);
    expect(result.errors[2]!.message).toBe('id "bad-taken" already belongs to board "other"');
    const ids = (await db().ticket.findMany({ where: { boardId: board.id }, select: { id: true } })).map((t) => t.id).sort();
    expect(ids).toEqual(["bad-1", "bad-2", "bad-6"]);
    // The edge to the failed line is kept and blocks nothing.
    const { getReadyQueue } = await import("@/lib/server/get-ready-queue");
    const queue = await getReadyQueue(actors.lead, "bad");
    expect(queue.items.map((item) => item.id).sort()).toEqual(["bad-1", "bad-6"]);
    expect(queue.blocked.map((item) => item.id)).toEqual(["bad-2"]);
  });

  it("refuses an edge that closes a cycle, naming it, and audits adds and removals", async () => {
    const { importBeads } = await import("@/lib/server/import-beads");
    const { addDependency } = await import("@/lib/server/add-dependency");
    const { removeDependency } = await import("@/lib/server/remove-dependency");
    const { db } = await import("@/lib/db");
    await newBoard("cyc");
    await importBeads(actors.lead, "cyc", [
      line({ id: "cyc-1" }),
      line({ id: "cyc-2", dependencies: [{ depends_on_id: "cyc-1", type: "blocks" }] }),
      line({ id: "cyc-3", dependencies: [{ depends_on_id: "cyc-2", type: "waits-for" }] }),
    ].join("\n"));
    await expect(addDependency(actors.engineer, "cyc-1", { dependsOnId: "cyc-3", type: "blocks" })).rejects.toMatchObject({
      code: "DEPENDENCY_CYCLE",
      details: { cycle: ["cyc-1", "cyc-3", "cyc-2", "cyc-1"] },
      message: expect.stringContaining("cyc-1 → cyc-3 → cyc-2 → cyc-1") as unknown,
    });
    // Annotation edges never form cycles that matter.
    await expect(addDependency(actors.engineer, "cyc-1", { dependsOnId: "cyc-3", type: "related" })).resolves.toMatchObject({ changed: true });
    await expect(addDependency(actors.viewer, "cyc-1", { dependsOnId: "cyc-2", type: "related" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeDependency(actors.engineer, "cyc-2", { dependsOnId: "cyc-1", type: "blocks" })).resolves.toMatchObject({ changed: true });
    await expect(addDependency(actors.engineer, "cyc-1", { dependsOnId: "cyc-3", type: "blocks" })).resolves.toMatchObject({ changed: true });
    const actions = (await db().auditEvent.findMany({ where: { entityType: "ticket", action: { startsWith: "dependency." } }, orderBy: { seq: "asc" }, select: { action: true, entityId: true } }));
    expect(actions).toEqual([
      { action: "dependency.added", entityId: "cyc-1" },
      { action: "dependency.removed", entityId: "cyc-2" },
      { action: "dependency.added", entityId: "cyc-1" },
    ]);
  });
});

describe(`importBeads stored values and a newer export on ${testDatabaseKind()}`, () => {
  it("never moves or closes a ticket born in Gateboard: its place in the workflow changes by moves, through gates and WIP limits", async () => {
    const { importBeads } = await import("@/lib/server/import-beads");
    const { createTicket } = await import("@/lib/server/create-ticket");
    const { db } = await import("@/lib/db");
    const board = await newBoard("native");
    const { id } = await createTicket(actors.agent, "native", { title: "Born on the board" });
    // An export naming the ticket as closed (beads maps closed to Done, behind two gates).
    const file = line({ id, title: "Renamed by the file", status: "closed", closed_at: "2025-09-04T05:06:07Z", close_reason: "done" });
    expect(await importBeads(actors.agent, "native", file)).toMatchObject({ updated: 1, errors: [] });
    const row = await db().ticket.findUniqueOrThrow({ where: { id }, select: { title: true, status: true, closedAt: true, phase: { select: { key: true } } } });
    expect(row).toEqual({ title: "Renamed by the file", status: "open", closedAt: null, phase: { key: "backlog" } });
    const phases = await db().phase.findMany({ where: { boardId: board.id }, select: { key: true, ticketCount: true } });
    expect(phases.find((phase) => phase.key === "backlog")?.ticketCount).toBe(1);
    expect(phases.find((phase) => phase.key === "done")?.ticketCount).toBe(0);
  });

  it("stores times, JSON and texts so they read back as the file gave them, and a newer export updates, moves and re-links in one go", async () => {
    const { importBeads } = await import("@/lib/server/import-beads");
    const { verifyAuditChain } = await import("@/lib/server/verify-audit-chain");
    const { db } = await import("@/lib/db");
    const board = await newBoard("newer");
    const quoted = `Quotes ' " \\ ; -- and ünïcode \u2028 line`;
    const first = [
      line({ id: "newer-1", title: quoted, labels: ["a", "b"], created_at: "2025-09-01T01:02:03.456789+02:00", updated_at: "2025-09-02T00:00:00Z" }),
      line({ id: "newer-2", dependencies: [{ issue_id: "newer-2", depends_on_id: "newer-1", type: "parent-child", created_at: "2025-09-03T10:00:00Z", metadata: { gate: "any-children" } }] }),
      line({ id: "newer-3", status: "closed", closed_at: "2025-09-04T05:06:07.5Z", close_reason: "done", dependencies: [{ depends_on_id: "newer-1", type: "blocks" }] }),
    ].join("\n");
    expect(await importBeads(actors.lead, "newer", first)).toMatchObject({ created: 3, errors: [] });

    const one = await db().ticket.findUniqueOrThrow({ where: { id: "newer-1" } });
    expect(one).toMatchObject({ title: quoted, labels: ["a", "b"], files: [], checklist: [], version: 1, source: "beads", status: "open" });
    expect(one.createdAt.toISOString()).toBe("2025-08-31T23:02:03.456Z");
    expect(one.updatedAt).toBeInstanceOf(Date);
    expect(one.phaseEnteredAt).toBeInstanceOf(Date);
    expect(one.metadata).toMatchObject({ beads: { importedVersion: 1, phaseAtImport: "backlog" } });
    const three = await db().ticket.findUniqueOrThrow({ where: { id: "newer-3" } });
    expect(three.closedAt?.toISOString()).toBe("2025-09-04T05:06:07.500Z");
    expect(three.closeReason).toBe("done");
    const edge = await db().dependency.findFirstOrThrow({ where: { issueId: "newer-2" } });
    expect(edge).toMatchObject({ dependsOnId: "newer-1", type: "parent-child", metadata: { gate: "any-children" }, createdBy: null });
    expect(edge.createdAt.toISOString()).toBe("2025-09-03T10:00:00.000Z");
    expect((await db().ticket.findUniqueOrThrow({ where: { id: "newer-2" } })).parentId).toBe("newer-1");

    // A newer export: newer-1 closes (moves to done), newer-3 drops its edge, newer-4 is new.
    const newer = [
      line({ id: "newer-1", title: quoted, labels: ["a", "b"], status: "closed", created_at: "2025-09-01T01:02:03.456789+02:00", updated_at: "2025-10-01T00:00:00Z" }),
      line({ id: "newer-2", dependencies: [{ issue_id: "newer-2", depends_on_id: "newer-1", type: "parent-child", created_at: "2025-09-03T10:00:00Z", metadata: { gate: "any-children" } }] }),
      line({ id: "newer-3", status: "closed", closed_at: "2025-09-04T05:06:07.5Z", close_reason: "done" }),
      line({ id: "newer-4", dependencies: [{ depends_on_id: "newer-3", type: "related" }] }),
    ].join("\n");
    expect(await importBeads(actors.lead, "newer", newer)).toMatchObject({ created: 1, updated: 2, unchanged: 1, errors: [] });
    const state = await boardState(board.id);
    const byId = new Map(state.tickets.map((ticket) => [ticket.id, ticket]));
    expect(byId.get("newer-1")?.version).toBe(2);
    expect(byId.get("newer-3")?.version).toBe(2);
    expect(byId.get("newer-2")?.version).toBe(1);
    const phases = await db().phase.findMany({ where: { boardId: board.id }, select: { id: true, key: true } });
    expect(byId.get("newer-1")?.phaseId).toBe(phases.find((phase) => phase.key === "done")!.id);
    for (const phase of state.phases) expect(phase.ticketCount).toBe(state.tickets.filter((t) => t.phaseId === phase.id).length);
    expect(state.edges.map((e) => `${e.issueId}>${e.dependsOnId}:${e.type}`).sort()).toEqual(["newer-2>newer-1:parent-child", "newer-4>newer-3:related"]);
    // Edges the import removed or added are in the tickets' own events.
    const dropped = await db().auditEvent.findFirstOrThrow({ where: { entityId: "newer-3", action: "ticket.updated" }, orderBy: { seq: "desc" } });
    expect(dropped).toMatchObject({ before: { dependencies: ["blocks newer-1"] }, after: { dependencies: [] } });
    const fresh = await db().auditEvent.findFirstOrThrow({ where: { entityId: "newer-4", action: "ticket.created" } });
    expect(fresh.after).toMatchObject({ dependencies: ["related newer-3"] });
    expect(await importBeads(actors.lead, "newer", newer)).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    expect(await verifyAuditChain()).toMatchObject({ ok: true, firstBadSeq: null });
  });
});
