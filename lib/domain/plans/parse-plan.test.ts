import { describe, expect, it } from "vitest";
import { readSharedFixture } from "./__fixtures__/shared-fixtures";
import { parsePlan } from "./parse-plan";
import type { Plan } from "./types";

function mustParse(markdown: string): { plan: Plan; warnings: { line: number; message: string }[] } {
  const result = parsePlan(markdown);
  if (!result.ok) throw new Error(`expected a plan, got ${JSON.stringify(result.errors)}`);
  return result;
}

describe("parsePlan on the health-probes work plan", () => {
  const { plan, warnings } = mustParse(readSharedFixture("beads-work-plan-health-probes.md"));

  it("reads the header without warnings", () => {
    expect(warnings).toEqual([]);
    expect(plan.title).toBe("Beads Work Plan");
    expect(plan.generatedAt).toBe("2025-12-26T23:20:00");
    expect(plan.sessionId).toBe("af9b20f2");
  });

  it("reads the 11-phase checklist with phase 9 current and the HARD STOP before the commit", () => {
    expect(plan.phases).toHaveLength(11);
    expect(plan.phases?.slice(0, 10).every((p) => p.status.status === "done")).toBe(true);
    expect(plan.phases?.[10]).toMatchObject({ number: 10, name: "User-Approved Commit", status: { status: "pending" } });
    expect(plan.phases?.[5]).toMatchObject({ agent: "beads-reviewer (opus)", notes: "2 reviewers, all passed" });
    expect(plan.currentPhase).toEqual({ number: 9, label: "Awaiting User Approval", source: "stated", text: "9 (Awaiting User Approval)" });
    expect(plan.phases?.filter((p) => p.current).map((p) => p.number)).toEqual([9]);
    expect(plan.hardStop).toEqual({
      source: "phase-checklist",
      phaseNumber: 9,
      awaiting: "User-Approved Commit",
      condition: 'after user says "commit"',
      items: [],
      text: "",
    });
  });

  it("reads 2 epics in scope with their counts", () => {
    expect(plan.epicsInScope).toEqual([
      {
        id: "django-litefs-yhj",
        title: "Feature: Health Probes for Kubernetes and Load Balancers",
        checked: true,
        note: "4 tasks completed, 5 remaining",
        taskCount: 4,
        remainingCount: 5,
      },
      {
        id: "django-litefs-h9m",
        title: "Feature: LiteFS Django Middleware BDD",
        checked: true,
        note: "1 task completed, 10 remaining",
        taskCount: 1,
        remainingCount: 10,
      },
    ]);
    expect(plan.epicsFound?.map((e) => [e.id, e.taskCount])).toEqual([
      ["django-litefs-yhj", 4],
      ["django-litefs-h9m", 1],
    ]);
  });

  it("reads the discovery results", () => {
    expect(plan.conflictMatrix?.parallelSafe).toEqual([
      { taskIds: ["django-litefs-yhj.1", "django-litefs-yhj.2"], reason: "Both in domain/health.py, different classes" },
      { taskIds: ["django-litefs-yhj.3", "django-litefs-yhj.4"], reason: "Both fakes, different files" },
      { taskIds: ["django-litefs-h9m.1"], reason: "Isolated to domain/settings.py" },
    ]);
    expect(plan.conflictMatrix?.sequentialRequired).toEqual([]);
    expect(plan.dependencyContext?.valueObjects).toHaveLength(3);
    expect(plan.dependencyContext?.valueObjects[0]).toEqual({
      file: "packages/litefs/src/litefs/domain/settings.py",
      symbols: ["RaftConfig", "StaticLeaderConfig", "ProxySettings", "LiteFSSettings"],
    });
    expect(plan.dependencyContext?.fakes).toEqual([
      { file: "tests/django_adapter/unit/fakes.py", symbols: ["FakePrimaryDetector", "FakeSplitBrainDetector"] },
    ]);
    expect(plan.baseline).toMatchObject({
      style: "list",
      testCount: 653,
      hasTests: true,
      status: { status: "failed", text: "fail" },
      preExistingFailures: {
        text: "9 integration tests (Docker multi-node cluster)",
        none: false,
        count: 9,
        details: ["tests/core/integration/docker/test_multi_node_cluster.py (all failures)"],
      },
    });
    expect(plan.outline.find((o) => o.key === "discovery")?.status?.status).toBe("done");
  });

  it("reads 5 tasks, all closed, across 2 epics", () => {
    expect(plan.tasks).toHaveLength(5);
    expect(plan.tasks?.every((t) => t.status.status === "done" && t.status.text === "closed")).toBe(true);
    expect(new Set(plan.tasks?.map((t) => t.epic))).toEqual(new Set(["django-litefs-yhj", "django-litefs-h9m"]));
    expect(plan.tasks?.[0]).toEqual({
      id: "django-litefs-yhj.1",
      title: "Create LivenessResult value object",
      epic: "django-litefs-yhj",
      status: { status: "done", text: "closed" },
      worker: "add8dcb",
      files: ["domain/health.py"],
      respawns: 0,
      extra: {},
    });
    expect(plan.outline.find((o) => o.key === "tasks")?.status).toEqual({ status: "done", text: "✅ done (all workers complete)" });
  });

  it("reads 9 changed files and a 9-entry execution log", () => {
    expect(plan.filesChanged).toHaveLength(9);
    expect(plan.filesChanged?.[0]).toEqual({
      path: "packages/litefs/src/litefs/domain/health.py",
      change: "modified",
      note: "added LivenessResult, ReadinessResult",
    });
    expect(plan.filesChanged?.filter((f) => f.change === "created")).toHaveLength(6);
    expect(plan.executionLog).toHaveLength(9);
    expect(plan.executionLog?.[0]).toEqual({ at: "2025-12-26T23:20:00", iso: "2025-12-26T23:20:00", message: "Plan initialized" });
    expect(plan.executionLog?.at(-1)?.message).toBe("Final verification complete (621 unit tests passed)");
  });

  it("reads a 5-row worker validation table, all valid, and 2 passing reviews", () => {
    expect(plan.workerValidation).toHaveLength(5);
    expect(plan.workerValidation?.every((w) => w.valid.ok === true && w.testsPassed.ok === true && w.typeCheckPassed.ok)).toBe(true);
    expect(plan.reviews).toEqual([
      { epic: "django-litefs-yhj", reviewer: "a8de4f8", status: { status: "done", text: "PASS" }, warnings: 0, warningsText: "0", respawns: 0, extra: {} },
      { epic: "django-litefs-h9m", reviewer: "af56280", status: { status: "done", text: "PASS" }, warnings: 0, warningsText: "0", respawns: 0, extra: {} },
    ]);
  });

  it("reads closed tasks, no discovered issues and 621 unit tests in final verification", () => {
    expect(plan.closedTasks?.tasks).toHaveLength(5);
    expect(plan.closedTasks?.tasks.every((t) => t.confirmed)).toBe(true);
    expect(plan.discoveredIssues).toEqual({ none: true, items: [], note: null });
    expect(plan.finalVerification?.items).toHaveLength(3);
    expect(plan.finalVerification?.items.every((i) => i.checked === true)).toBe(true);
    expect(plan.finalVerification?.testsPassed).toBe(621);
  });

  it("reads the compliance check with no violations", () => {
    expect(plan.compliance?.allPassed).toBe(true);
    expect(plan.compliance?.violations).toEqual([]);
    expect(plan.compliance?.block?.data).toMatchObject({ phase_3_execution: { task_workers_spawned: 5, violation: false } });
    expect(plan.outline.find((o) => o.key === "compliance")?.notes).toBe("All compliance checks passed.");
    expect(plan.rawSections).toEqual([]);
  });
});

describe("parsePlan on the split-brain work plan", () => {
  const { plan, warnings } = mustParse(readSharedFixture("beads-work-plan-split-brain.md"));

  it("reports the stale Current Phase line with its line number", () => {
    expect(plan.sessionId).toBe("65c422f0");
    expect(plan.currentPhase).toMatchObject({ number: 3, source: "stated" });
    expect(warnings).toEqual([{ line: 7, message: expect.stringContaining("Current Phase: 3") }]);
  });

  it("reads the target task and its YAML-like task details", () => {
    expect(plan.targetTasks?.map((t) => t.id)).toEqual(["django-litefs-f8s"]);
    expect(plan.taskDetails).toHaveLength(1);
    const detail = plan.taskDetails?.[0];
    expect(detail?.id).toBe("django-litefs-f8s");
    expect(detail?.title).toBe("Write BDD step definitions for database backend - split-brain protection");
    expect(detail?.description).toMatch(/^Add step definitions .* Covers: SplitBrainError on write .* write succeeds when resolved\.$/);
    expect(detail?.acceptanceCriteria).toHaveLength(5);
    expect(detail?.acceptanceCriteria[0]).toBe("4 split-brain protection scenarios implemented");
    expect(detail?.dependsOn).toEqual([{ id: "django-litefs-5l8", note: "closed" }]);
    expect(detail?.parent).toBe("django-litefs-8oi");
  });

  it("says the baseline has no tests yet", () => {
    expect(plan.baseline).toMatchObject({
      style: "yaml",
      testCount: null,
      testCountText: "no tests yet (tests/bdd/django_adapter/ does not exist)",
      hasTests: false,
      status: { text: "no_tests" },
      preExistingFailures: { none: true },
    });
  });

  it("keeps the dependency context YAML and the unknown discovery sections as raw Markdown", () => {
    expect(plan.dependencyContext?.codeBlocks[0]?.data).toMatchObject({
      DEPENDENCY_CONTEXT: { "django-litefs-5l8": { file: "tests/django_adapter/unit/fakes.py" } },
    });
    expect(plan.rawSections.map((r) => r.heading)).toEqual(["Feature File", "Backend Implementation", "Existing BDD Patterns"]);
    expect(plan.rawSections[0]?.markdown).toContain("Write fails during split-brain with SplitBrainError");
  });

  it("reads the one ready task, the inline conflict matrix and the review with its note", () => {
    expect(plan.tasks).toEqual([
      {
        id: "django-litefs-f8s",
        title: "BDD step defs - split-brain protection",
        epic: "django-litefs-8oi",
        status: { status: "pending", text: "ready" },
        worker: null,
        files: ["tests/bdd/django_adapter/test_database_backend.py"],
        respawns: 0,
        extra: {},
      },
    ]);
    expect(plan.conflictMatrix).toEqual({
      parallelSafe: [{ taskIds: ["django-litefs-f8s"], reason: "single task, no conflicts" }],
      sequentialRequired: [],
    });
    expect(plan.executionLog?.map((e) => e.iso)).toEqual(["2025-12-26T23:30:00", "2025-12-26T23:31:00"]);
    expect(plan.workerValidation?.[0]?.testsPassed).toEqual({ text: "4/4", ok: true, passed: 4, total: 4 });
    expect(plan.reviews?.[0]).toMatchObject({ reviewer: "opus", warnings: 1, warningsText: "1 (duplicate fixtures)" });
    expect(plan.reviewerNotes).toHaveLength(1);
    expect(plan.reviewerNotes?.[0]).toMatch(/^Minor: `conftest.py`/);
  });

  it("reads closing notes, discovered issues, 4/4 verification and the pending summary", () => {
    expect(plan.closedTasks?.tasks.map((t) => t.id)).toEqual(["django-litefs-f8s"]);
    expect(plan.closedTasks?.notes).toEqual(["Parent epic django-litefs-8oi: still has 9 blockers (not ready to close)"]);
    expect(plan.discoveredIssues).toEqual({ none: true, items: [], note: "all work was in scope." });
    expect(plan.finalVerification).toMatchObject({ testsPassed: 4, testsTotal: 4 });
    expect(plan.outline.find((o) => o.key === "summary")?.status?.status).toBe("pending");
    expect(plan.summary?.text).toBe("(generated after all phases complete)");
    expect(plan.compliance).toBeNull();
    expect(plan.hardStop?.awaiting).toBe("User-Approved Commit");
  });
});

describe("parsePlan rejects documents that are not plans", () => {
  it.each([
    ["empty", ""],
    ["blank", "  \n\n\t"],
    ["prose", "hello world\nthis is not a plan"],
    ["json", '{"tasks": [1, 2, 3]}'],
    ["unrelated markdown", "# Shopping list\n\n- eggs\n- milk\n"],
  ])("%s input gives ok:false with a located error", (_name, input) => {
    const result = parsePlan(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.length).toBeGreaterThan(0);
      expect(result.errors[0]?.line).toBeGreaterThanOrEqual(1);
    }
  });

  it("does not take a session summary or a progress log for a plan", () => {
    expect(parsePlan(readSharedFixture("session-summary-worker-lifecycle.md")).ok).toBe(false);
    expect(parsePlan(readSharedFixture("progress-log-phase-streams.md")).ok).toBe(false);
  });
});
