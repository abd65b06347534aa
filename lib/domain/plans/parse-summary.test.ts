import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readSharedFixture } from "./__fixtures__/shared-fixtures";
import { parseSessionSummary } from "./parse-summary";
import type { CompletionSummary, ProgressLog } from "./types";

function completion(markdown: string): CompletionSummary {
  const result = parseSessionSummary(markdown);
  if (!result.ok || result.summary.kind !== "completion-summary") throw new Error("expected a completion summary");
  return result.summary;
}

function progressLog(markdown: string): ProgressLog {
  const result = parseSessionSummary(markdown);
  if (!result.ok || result.summary.kind !== "progress-log") throw new Error("expected a progress log");
  return result.summary;
}

describe("parseSessionSummary on the completion summary", () => {
  const source = readSharedFixture("session-summary-worker-lifecycle.md");
  const summary = completion(source);

  it("reads title, date, status and the metrics panel", () => {
    expect(summary.title).toBe("Session Completion Summary");
    expect(summary.date).toBe("2025-11-23");
    expect(summary.status).toEqual({ status: "done", text: "✅ PHASE PH-NEXT-001 COMPLETE + WS-NEXT-002-001 COMPLETE" });
    expect(summary.metrics).toEqual({
      testsPassed: 146,
      testsTotal: 146,
      durationText: "~2 hours",
      durationMinutes: 120,
      completionPercent: 85,
    });
  });

  it("keeps the whole document, repaired", () => {
    expect(summary.repairedSequences).toBe(46);
    expect(summary.markdown).toContain("## 🎯 Achievements");
    expect(summary.markdown).not.toContain("âœ…");
    expect(summary.markdown.split("\n")).toHaveLength(source.split("\n").length);
    const result = parseSessionSummary(source);
    expect(result.warnings).toContainEqual({ line: 5, message: "repaired 46 characters that were decoded with the wrong encoding" });
  });

  it("reads the two achievements (phase and workstream)", () => {
    expect(summary.achievements.map((a) => [a.id, a.title, a.status?.status, a.duration])).toEqual([
      ["PH-NEXT-001", "Test Execution & Coverage", "done", "~10 minutes"],
      ["WS-NEXT-002-001", "WorkerLifecycle Implementation", "done", "~30 minutes"],
    ]);
    const [phase, workstream] = summary.achievements;
    expect(phase?.groups.map((g) => [g.label, g.items.length])).toEqual([
      ["Results", 5],
      ["Deliverables Created", 5],
    ]);
    expect(workstream?.groups.find((g) => g.label === "What Was Found")?.items).toContain("❌ Tests were missing");
    expect(workstream?.codeBlocks[0]?.text).toContain("39 passed in 0.27s");
  });

  it("reads the components table with percentages", () => {
    expect(summary.components.map((c) => [c.name, c.status.status, c.percent, c.testCount])).toEqual([
      ["Schemas", "done", 100, null],
      ["Database", "done", 95, null],
      ["Engine", "done", 85, 131],
      ["Monitoring", "done", 80, 15],
      ["WorkerLifecycle", "done", 100, 39],
    ]);
    expect(summary.components[1]?.coverage).toBe("2/5 migrations");
  });

  it("reads next steps with estimates", () => {
    expect(summary.nextSteps.map((s) => [s.id, s.title, s.estimate, s.estimateHours, s.tasks.length])).toEqual([
      ["WS-NEXT-002-002", "PatchLedger", "2h", 2, 3],
      ["WS-NEXT-002-003", "TestGate", "2h", 2, 4],
      ["WS-NEXT-002-004", "CostTracker", "1h", 1, 4],
    ]);
    expect(summary.nextSteps[0]?.status).toBe("Schema exists, needs implementation");
    expect(summary.totalRemaining).toBe("~5 hours");
  });

  it("reads the success-criteria checklists, files and footer fields", () => {
    expect(summary.successCriteria.map((c) => [c.heading, c.items.length, c.items.every((i) => i.checked)])).toEqual([
      ["Phase PH-NEXT-001 ✅", 5, true],
      ["WS-NEXT-002-001 ✅", 8, true],
    ]);
    expect(summary.filesCreated).toHaveLength(7);
    expect(summary.filesCreated.at(-1)).toBe("tests/engine/test_worker_lifecycle.py");
    expect(summary.filesModified).toEqual(["core/engine/worker_lifecycle.py"]);
    expect(summary.fields).toMatchObject({ Quality: "EXCELLENT", Velocity: "650% above plan", "Ready for": "PatchLedger implementation" });
    expect(summary.rawSections.map((r) => r.heading)).toContain("Quality Metrics");
  });
});

describe("parseSessionSummary on the progress log", () => {
  const log = progressLog(readSharedFixture("progress-log-phase-streams.md"));

  it("reads 9 dated entries", () => {
    expect(log.title).toBeNull();
    expect(log.date).toBe("2025-11-16");
    expect(log.entries).toHaveLength(9);
    expect(log.entries.map((e) => e.at)).toEqual([
      "2025-11-16T22:49:00Z",
      "2025-11-16T22:53:00Z",
      "2025-11-16T23:05:00Z",
      "2025-11-16T23:16:00Z",
      "2025-11-17T00:30:00Z",
      "2025-11-17T00:45:00Z",
      "2025-11-17T01:15:00Z",
      "2025-11-17T04:30:00Z",
      "2025-11-17T05:00:00Z",
    ]);
    expect(log.repairedSequences).toBe(0);
  });

  it("reads objective, plan steps, results and test counts of each entry", () => {
    const [first, , , , audit] = log.entries;
    expect(first?.objective).toMatch(/^Implement Stream E Phase Definitions/);
    expect(first?.plan).toHaveLength(6);
    expect(first?.status).toEqual({ status: "in_progress", text: "In progress — planning and requirement review complete." });
    expect(audit?.status?.status).toBe("done");
    expect(audit?.plan).toHaveLength(7);
    expect(audit?.resultDetails[0]).toBe("All 141 tests passing (100% pass rate)");
    expect(audit?.resultDetails).toContain("    Added `session.expunge()` calls in registry, test helpers, and phase gate services".replace(/^ {4}/, "  "));
    expect(log.entries.map((e) => e.status?.status)).toEqual([
      "in_progress",
      "in_progress",
      "in_progress",
      "done",
      "done",
      "done",
      "done",
      "done",
      "done",
    ]);
    expect(log.entries.map((e) => (e.testsPassed === null ? null : `${e.testsPassed}/${e.testsTotal}`))).toEqual([
      null,
      null,
      null,
      null,
      "141/141",
      "171/171",
      "29/29",
      "29/29",
      "38/38",
    ]);
    expect(log.entries[8]?.context).toBe("User provided Hephaestus workflow documentation highlighting gaps in our phase orchestration");
  });

  it("computes the metrics panel from the entries", () => {
    expect(log.metrics).toEqual({
      testsPassed: 38,
      testsTotal: 38,
      durationText: "6h 11m",
      durationMinutes: 371,
      completionPercent: 67,
    });
  });
});

describe("parseSessionSummary tolerance", () => {
  it.each([
    ["empty", ""],
    ["prose", "just some words"],
    ["a work plan", readSharedFixture("beads-work-plan-health-probes.md")],
  ])("%s gives ok:false with a located error", (_name, input) => {
    const result = parseSessionSummary(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.line).toBeGreaterThanOrEqual(1);
  });

  it("warns about a progress entry without results, with its line", () => {
    const result = parseSessionSummary("## 2025-01-02 10:00 UTC\n\n- **Task Objective**: try\n\n## 2025-01-02 11:00 UTC\n\n- **Results**: ✅ done, 3/4 tests passing\n");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([
      { line: 1, message: "progress entry has no Results" },
      { line: 5, message: "progress entry has no Task Objective" },
    ]);
    expect(result.summary.metrics).toMatchObject({ testsPassed: 3, testsTotal: 4, durationMinutes: 60, completionPercent: 50 });
  });

  it("reads a summary cut in half", () => {
    const source = readSharedFixture("session-summary-worker-lifecycle.md");
    const summary = completion(source.slice(0, Math.floor(source.length / 2)));
    expect(summary.achievements).toHaveLength(2);
    expect(summary.date).toBe("2025-11-23");
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (s) => {
        expect(typeof parseSessionSummary(s).ok).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });
});
