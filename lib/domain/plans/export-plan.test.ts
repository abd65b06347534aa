import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readSharedFixture, withoutLines, type SharedFixture } from "./__fixtures__/shared-fixtures";
import { exportPlanMarkdown } from "./export-plan";
import { parsePlan } from "./parse-plan";
import type { Plan } from "./types";

function mustParse(markdown: string): Plan {
  const result = parsePlan(markdown);
  if (!result.ok) throw new Error(`expected a plan, got ${JSON.stringify(result.errors)}`);
  return result.plan;
}

const planFixtures: SharedFixture[] = ["beads-work-plan-health-probes.md", "beads-work-plan-split-brain.md"];

describe("exportPlanMarkdown round-trip", () => {
  it.each(planFixtures)("import → export → import gives the same structure for %s", (name) => {
    const first = mustParse(readSharedFixture(name));
    const exported = exportPlanMarkdown(first);
    const second = mustParse(exported);
    expect(withoutLines(second)).toEqual(withoutLines(first));
    // Exporting again is stable text, not just stable structure.
    expect(exportPlanMarkdown(second)).toBe(exported);
  });

  it("writes the orchestrator's own layout", () => {
    const exported = exportPlanMarkdown(mustParse(readSharedFixture("beads-work-plan-health-probes.md")));
    expect(exported).toMatch(/^# Beads Work Plan\nGenerated: 2025-12-26T23:20:00\nSession: af9b20f2\n/);
    expect(exported).toContain("| 9 | Summary & Wait | orchestrator | ✅ done | **HARD STOP** |");
    expect(exported).toContain("**Current Phase: 9 (Awaiting User Approval)**");
    expect(exported).toContain("- [django-litefs-yhj.1, django-litefs-yhj.2] - Both in domain/health.py, different classes");
    expect(exported).toContain("- 2025-12-26T23:29:00: Final verification complete (621 unit tests passed)");
    expect(exported).toContain("- [x] Full test suite passed (395 core + 226 django adapter = 621 unit tests)");
  });

  it("round-trips extra columns, unknown sections and leftover notes", () => {
    const source = readSharedFixture("beads-work-plan-health-probes.md")
      .replace("| Task | Tests Run |", "| Task | Lint | Tests Run |")
      .replace("|------|-----------|", "|------|------|-----------|")
      .replace(/^\| (django-litefs-[\w.]+) \| yes \| yes \| yes \| ✅ \|$/gm, "| $1 | clean | yes | yes | yes | ✅ |")
      .replace("## 3. Execution Log", "## Cost Report\n\nTotal: $4.20\n\n## 3. Execution Log\n\nsee also the cost report")
      .replace("All compliance checks passed.", "All compliance checks passed.\n\n| a | b |\n|---|---|\n| 1 | 2 |");
    const first = mustParse(source);
    expect(first.workerValidation?.[0]?.extra).toEqual({ Lint: "clean" });
    const second = mustParse(exportPlanMarkdown(first));
    expect(withoutLines(second)).toEqual(withoutLines(first));
  });

  it("round-trips the plan with any lines removed (property)", () => {
    const lines = readSharedFixture("beads-work-plan-health-probes.md").split("\n");
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: lines.length - 1 }), { maxLength: 25 }), (drop) => {
        const source = lines.filter((_, i) => !drop.includes(i)).join("\n");
        const first = parsePlan(source);
        if (!first.ok) return;
        const second = parsePlan(exportPlanMarkdown(first.plan));
        expect(second.ok).toBe(true);
        if (second.ok) expect(withoutLines(second.plan)).toEqual(withoutLines(first.plan));
      }),
      { numRuns: 120, seed: 20251226 },
    );
  });

  it("round-trips the plans after random Markdown-ish edits (property)", () => {
    const edits = fc.constantFrom("|", "*", "[", "]", ":", "-", "(", ")", "`", "#", " ", "\n", "\n- ", "\n  ", "✅", "**", "Status: ", ",", "\n```\n");
    for (const name of planFixtures) {
      const text = readSharedFixture(name);
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat({ max: text.length }), edits, fc.nat({ max: 3 })), { maxLength: 6 }), (changes) => {
          let source = text;
          for (const [at, insert, remove] of changes) source = source.slice(0, at) + insert + source.slice(at + remove);
          const first = parsePlan(source);
          if (!first.ok) return;
          const second = parsePlan(exportPlanMarkdown(first.plan));
          expect(second.ok).toBe(true);
          if (second.ok) expect(withoutLines(second.plan)).toEqual(withoutLines(first.plan));
        }),
        { numRuns: 120, seed: 7 },
      );
    }
  });
});
