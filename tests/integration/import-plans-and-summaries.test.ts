import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { actors, createBoardWithTickets } from "@/tests/helpers/board-fixture";
import { withTestDatabase, testDatabaseKind } from "@/tests/helpers/test-database";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../../shared/fixtures/plans");
const fixture = (name: string) => readFileSync(path.join(fixtures, name), "utf8");
const PLANS = ["beads-work-plan-health-probes.md", "beads-work-plan-split-brain.md"];
const SUMMARIES = ["session-summary-worker-lifecycle.md", "progress-log-phase-streams.md"];

withTestDatabase();

describe(`plan and summary import on ${testDatabaseKind()}`, () => {
  it.each(PLANS)("imports %s and stores source, structure and warnings", async (name) => {
    const { importPlan } = await import("@/lib/server/import-plan");
    const { db } = await import("@/lib/db");
    const result = await importPlan(actors.lead, { markdown: fixture(name) });
    expect(result.created).toBe(true);
    expect(result.plan.tasks?.length).toBeGreaterThan(0);
    const row = await db().plan.findUniqueOrThrow({ where: { id: result.id } });
    expect(row.sessionId).toBe(result.sessionId);
    expect(row.source).toContain("Beads Work Plan");
    expect((row.parsed as { tasks: unknown[] }).tasks).toHaveLength(result.plan.tasks!.length);
    expect(row.warnings).toEqual(result.warnings);
  });

  it("re-importing the same session updates the plan, never duplicates it, and audits both", async () => {
    const { importPlan } = await import("@/lib/server/import-plan");
    const { db } = await import("@/lib/db");
    const markdown = fixture("beads-work-plan-health-probes.md");
    const before = await db().plan.count();
    const first = await importPlan(actors.lead, { markdown }); // already imported by the test above
    const second = await importPlan(actors.lead, { markdown: markdown.replace("# Beads Work Plan", "# Beads Work Plan (rev 2)") });
    expect(first.created).toBe(false);
    expect(second.id).toBe(first.id);
    expect(await db().plan.count()).toBe(before);
    expect((await db().plan.findUniqueOrThrow({ where: { id: first.id } })).title).toBe("Beads Work Plan (rev 2)");
    const events = await db().auditEvent.findMany({ where: { entityType: "plan", entityId: first.id }, orderBy: { seq: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["plan.imported", "plan.updated", "plan.updated"]);
    expect(events[2]!.after).toMatchObject({ sessionId: "af9b20f2", tasks: 5 });
  });

  it("reconciles tasks into tickets on a board: creates, then updates, with blocks and parent-child edges", async () => {
    const { importPlan } = await import("@/lib/server/import-plan");
    const { getPlan } = await import("@/lib/server/get-plan");
    const { db } = await import("@/lib/db");
    const { board, phases } = await createBoardWithTickets("rc", { backlog: 2 });
    const backlog = phases[0]!;
    // The split-brain task's parent epic is already a ticket on the board.
    await db().ticket.create({ data: { id: "django-litefs-8oi", boardId: board.id, phaseId: backlog.id, rank: "a5", title: "Epic", type: "epic", labels: [], files: [], checklist: [] } });
    await db().phase.update({ where: { id: backlog.id }, data: { ticketCount: { increment: 1 } } });

    const imported = await importPlan(actors.lead, { markdown: fixture("beads-work-plan-split-brain.md"), boardKey: "rc" });
    expect(imported.reconcile).toMatchObject({ boardKey: "rc", created: ["django-litefs-f8s"], updated: [], skipped: [] });
    expect(imported.reconcile!.dependenciesAdded).toBe(2);

    const ticket = await db().ticket.findUniqueOrThrow({ where: { id: "django-litefs-f8s" } });
    expect(ticket).toMatchObject({ boardId: board.id, phaseId: backlog.id, parentId: "django-litefs-8oi", source: "plan", labels: ["epic:django-litefs-8oi"] });
    expect(ticket.title).toBe("BDD step defs - split-brain protection");
    expect(ticket.acceptanceCriteria).toContain("- SplitBrainError raised on write during split-brain");
    expect(ticket.files).toEqual(["tests/bdd/django_adapter/test_database_backend.py"]);
    const lastOther = await db().ticket.findFirstOrThrow({ where: { phaseId: backlog.id, id: { not: ticket.id } }, orderBy: { rank: "desc" } });
    expect(ticket.rank > lastOther.rank).toBe(true);
    expect((await db().phase.findUniqueOrThrow({ where: { id: backlog.id } })).ticketCount).toBe(await db().ticket.count({ where: { phaseId: backlog.id } }));
    const edges = await db().dependency.findMany({ where: { issueId: ticket.id }, orderBy: { type: "asc" } });
    expect(edges.map((edge) => [edge.type, edge.dependsOnId])).toEqual([
      ["blocks", "django-litefs-5l8"],
      ["parent-child", "django-litefs-8oi"],
    ]);

    // Someone renames the ticket on the board; the next import of the plan sets it back, audited.
    await db().ticket.update({ where: { id: ticket.id }, data: { title: "renamed on the board" } });
    const again = await importPlan(actors.lead, { markdown: fixture("beads-work-plan-split-brain.md"), boardKey: "rc" });
    expect(again.created).toBe(false);
    expect(again.reconcile).toMatchObject({ created: [], updated: ["django-litefs-f8s"], dependenciesAdded: 0 });
    expect(await db().ticket.count({ where: { boardId: board.id } })).toBe(4);
    expect(await db().dependency.count({ where: { issueId: ticket.id } })).toBe(2);
    const actions = (await db().auditEvent.findMany({ where: { entityId: ticket.id }, orderBy: { seq: "asc" } })).map((event) => event.action);
    expect(actions).toEqual(["ticket.created", "dependency.added", "dependency.added", "ticket.updated"]);
    const createdEvent = await db().auditEvent.findFirstOrThrow({ where: { entityId: ticket.id, action: "ticket.created" } });
    expect(createdEvent.after).toMatchObject({ parentId: "django-litefs-8oi" });

    const view = await getPlan(actors.viewer, imported.id);
    expect(view.board?.key).toBe("rc");
    expect(view.tickets["django-litefs-f8s"]).toMatchObject({ phaseKey: "backlog", boardKey: "rc" });
  });

  it("refuses, whole, a plan whose new tickets would push a hard-limit first column past its limit", async () => {
    const { importPlan } = await import("@/lib/server/import-plan");
    const { updatePhase } = await import("@/lib/server/update-phase");
    const { db } = await import("@/lib/db");
    const { board } = await createBoardWithTickets("rcwip", { backlog: 2 });
    await updatePhase(actors.lead, "rcwip", "backlog", { wipPolicy: "hard", wipMax: 2 });
    const plans = await db().plan.count();
    // A plan of its own: its own session and task ids.
    const markdown = fixture("beads-work-plan-split-brain.md").replaceAll("django-litefs-", "rcwip-").replace(/^Session: .*$/m, "Session: rcwip-session");
    await expect(importPlan(actors.agent, { markdown, boardKey: "rcwip" })).rejects.toMatchObject({
      code: "WIP_LIMIT_REACHED",
      details: { phase: "backlog", limit: 2, count: 2, adding: 1 },
    });
    expect(await db().ticket.count({ where: { boardId: board.id } })).toBe(2);
    expect(await db().plan.count()).toBe(plans);
    await updatePhase(actors.lead, "rcwip", "backlog", { wipPolicy: "soft", wipMax: 2 });
    expect((await importPlan(actors.agent, { markdown, boardKey: "rcwip" })).reconcile).toMatchObject({ created: ["rcwip-f8s"] });
  });

  it("refuses a document that is not a plan with VALIDATION_FAILED and line-numbered errors, writing nothing", async () => {
    const { importPlan } = await import("@/lib/server/import-plan");
    const { db } = await import("@/lib/db");
    const before = await db().plan.count();
    const error = await importPlan(actors.lead, { markdown: "Just some notes\n\nabout nothing in particular.\n" }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", status: 400 });
    const errors = (error as { details: { errors: { line: number; message: string }[] } }).details.errors;
    expect(errors.length).toBeGreaterThan(0);
    for (const issue of errors) expect(issue).toEqual({ line: expect.any(Number), message: expect.any(String) });
    expect(await db().plan.count()).toBe(before);
  });

  it("refuses a viewer (FORBIDDEN) and records the refusal", async () => {
    const { importPlan } = await import("@/lib/server/import-plan");
    const { importSummary } = await import("@/lib/server/import-summary");
    const { db } = await import("@/lib/db");
    await expect(importPlan(actors.viewer, { markdown: fixture("beads-work-plan-split-brain.md") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(importSummary(actors.viewer, { markdown: fixture(SUMMARIES[0]!) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db().auditEvent.count({ where: { action: "access.denied", actorId: actors.viewer.id } })).toBe(2);
  });

  it.each(SUMMARIES)("imports the summary %s with metrics, repaired text and searchText; a re-import updates it", async (name) => {
    const { importSummary } = await import("@/lib/server/import-summary");
    const { db } = await import("@/lib/db");
    const first = await importSummary(actors.engineer, { markdown: fixture(name) });
    const second = await importSummary(actors.engineer, { markdown: fixture(name) });
    expect([first.created, second.created]).toEqual([true, false]);
    expect(second.id).toBe(first.id);
    const row = await db().sessionSummary.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.source).not.toContain("âœ…");
    expect(row.searchText).toBe(row.searchText.toLowerCase());
    expect(row.metrics).toEqual(first.summary.metrics);
    expect(await db().auditEvent.count({ where: { entityId: first.id } })).toBe(2);
  });

  it("finds a word from a summary, case-insensitively, with a snippet, and a word from a plan", async () => {
    const { searchDocuments } = await import("@/lib/server/search-documents");
    const hits = await searchDocuments(actors.viewer, { q: "MONITORING TESTS" });
    const hit = hits.find((item) => item.kind === "summary");
    expect(hit).toBeDefined();
    expect(hit!.snippet.match.toLowerCase()).toBe("monitoring tests");
    expect(hit!.href).toMatch(/^\/summaries\//);
    const planHits = await searchDocuments(actors.viewer, { q: "split-brain" });
    expect(planHits.some((item) => item.kind === "plan")).toBe(true);
    await expect(searchDocuments(actors.viewer, { q: "zzqx-never-written" })).resolves.toEqual([]);
  });

  it("exports a stored plan that imports back to the same structure", async () => {
    const { listPlans } = await import("@/lib/server/list-plans");
    const { exportPlanMarkdown } = await import("@/lib/server/export-plan-markdown");
    const { parsePlan } = await import("@/lib/domain/plans/parse-plan");
    const { getPlan } = await import("@/lib/server/get-plan");
    const plans = await listPlans(actors.viewer);
    // The plans imported above: health probes, split-brain, and the WIP test's copy of it.
    expect(plans.length).toBe(3);
    for (const item of plans) {
      const { markdown } = await exportPlanMarkdown(actors.viewer, item.id);
      const reparsed = parsePlan(markdown);
      expect(reparsed.ok).toBe(true);
      if (reparsed.ok) expect(reparsed.plan.tasks).toEqual((await getPlan(actors.viewer, item.id)).plan.tasks);
    }
  });
});
