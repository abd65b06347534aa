import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readSharedFixture, withoutLines } from "./__fixtures__/shared-fixtures";
import { parsePlan } from "./parse-plan";
import type { Plan } from "./types";

const healthProbes = readSharedFixture("beads-work-plan-health-probes.md");

function mustParse(markdown: string) {
  const result = parsePlan(markdown);
  if (!result.ok) throw new Error(`expected a plan, got ${JSON.stringify(result.errors)}`);
  return result;
}

/** The parts of a plan that must not depend on where sections sit or how headings are spelled. */
function content(plan: Plan) {
  const { outline: _outline, rawSections: _raw, ...rest } = plan;
  return withoutLines(rest);
}

/** Splits a plan into its header and its `## ` chunks (each with its `###` children). */
function chunks(markdown: string): { header: string; sections: string[] } {
  const parts = markdown.split(/\n(?=## )/);
  const [header = "", ...sections] = parts;
  return { header, sections };
}

describe("parsePlan tolerance", () => {
  it("reads the same structure when the sections are shuffled", () => {
    const { header, sections } = chunks(healthProbes);
    const shuffled = [header, ...[...sections].reverse()].join("\n");
    const original = mustParse(healthProbes);
    const result = mustParse(shuffled);
    expect(result.warnings).toEqual([]);
    expect(content(result.plan)).toEqual(content(original.plan));
    expect(result.plan.outline.map((o) => o.key).slice(0, 3)).toEqual(["summary", "compliance", "finalVerification"]);
  });

  it("matches renamed headings fuzzily (case, emoji, numbering)", () => {
    const renamed = healthProbes
      .replace("## Phase Checklist", "## ✅ PHASE CHECKLIST")
      .replace("## 3. Execution Log", "## Step 3) execution log 🔄")
      .replace("### Conflict Matrix", "### 🧩 Conflicts")
      .replace("## 4. Worker Validation", "## 4 - Worker validation results")
      .replace("## 8. Final Verification", "## 8. 🔍 Verification");
    const original = mustParse(healthProbes);
    const result = mustParse(renamed);
    expect(content(result.plan)).toEqual(content(original.plan));
    expect(result.plan.outline.find((o) => o.key === "executionLog")?.heading).toBe("Step 3) execution log 🔄");
  });

  it("keeps an extra table column in `extra` and warns about nothing", () => {
    const withPriority = healthProbes
      .replace("| ID | Title | Epic | Status | Worker | Files | Respawns |", "| ID | Title | Epic | Status | Worker | Files | Respawns | Priority |")
      .replace("|----|-------|------|--------|--------|-------|----------|", "|----|-------|------|--------|--------|-------|----------|----------|")
      .replace(/^(\| django-litefs-[\w.]+ \| Create .* \| 0 \|)$/gm, "$1 P1 |");
    const { plan, warnings } = mustParse(withPriority);
    expect(warnings).toEqual([]);
    expect(plan.tasks).toHaveLength(5);
    expect(plan.tasks?.every((t) => t.extra.Priority === "P1")).toBe(true);
    expect(plan.tasks?.[0]?.respawns).toBe(0);
  });

  it("reads a table whose columns are reordered", () => {
    const reordered = healthProbes.replace(
      /\| Task \| Tests Run \| Tests Passed \| Mypy Passed \| Valid \|\n\|[-|]+\|\n((?:\|.*\|\n)+)/,
      (_m, rows: string) =>
        `| Valid | Task | Mypy Passed | Tests Passed | Tests Run |\n|---|---|---|---|---|\n${rows
          .trim()
          .split("\n")
          .map((r) => {
            const [task, run, passed, mypy, valid] = r.split("|").slice(1, -1).map((c) => c.trim());
            return `| ${valid} | ${task} | ${mypy} | ${passed} | ${run} |`;
          })
          .join("\n")}\n`,
    );
    const { plan } = mustParse(reordered);
    expect(plan.workerValidation?.map((w) => w.taskId)).toEqual(mustParse(healthProbes).plan.workerValidation?.map((w) => w.taskId));
    expect(plan.workerValidation?.every((w) => w.valid.ok === true)).toBe(true);
  });

  it("reads a file cut mid-table, with a warning on the cut row", () => {
    const lines = healthProbes.split("\n");
    const cutLine = lines.findIndex((l) => l.startsWith("| django-litefs-yhj.3 | Create FakeHealthChecker"));
    const truncated = [...lines.slice(0, cutLine), "| django-litefs-yhj.3 | Create FakeHea"].join("\n");
    const { plan, warnings } = mustParse(truncated);
    expect(plan.tasks).toHaveLength(3);
    expect(plan.tasks?.[2]).toMatchObject({ id: "django-litefs-yhj.3", title: "Create FakeHea", epic: null, respawns: null });
    expect(warnings).toContainEqual({ line: cutLine + 1, message: expect.stringContaining("2 of 7 cells") });
    expect(plan.executionLog).toBeNull();
    expect(plan.finalVerification).toBeNull();
    expect(plan.phases).toHaveLength(11);
  });

  it("keeps unknown sections and unknown lines instead of dropping them", () => {
    const extended = healthProbes
      .replace("## 3. Execution Log", "## Cost Report\n\n| Model | Tokens |\n|---|---|\n| opus | 12000 |\n\n---\n\n## 3. Execution Log")
      .replace("- 2025-12-26T23:20:00: Plan initialized", "- 2025-12-26T23:20:00: Plan initialized\n- somebody forgot the time here");
    const { plan, warnings } = mustParse(extended);
    expect(plan.rawSections).toEqual([
      { heading: "Cost Report", level: 2, line: expect.any(Number), markdown: "| Model | Tokens |\n|---|---|\n| opus | 12000 |" },
    ]);
    expect(plan.executionLog).toHaveLength(9);
    expect(plan.outline.find((o) => o.key === "executionLog")?.notes).toBe("- somebody forgot the time here");
    expect(warnings).toEqual([{ line: expect.any(Number), message: "execution log entry without a leading timestamp" }]);
  });

  it("accepts a plan with only a few sections, and infers the current phase", () => {
    const minimal = [
      "# Work Plan",
      "",
      "## Phase Checklist",
      "| # | Phase | Status |",
      "|---|---|---|",
      "| 0 | Initialize Plan | ✅ done |",
      "| 1 | Discovery | 🔄 running |",
      "| 2 | Execute | ⏳ |",
    ].join("\n");
    const { plan, warnings } = mustParse(minimal);
    expect(plan.phases?.map((p) => p.status.status)).toEqual(["done", "in_progress", "pending"]);
    expect(plan.currentPhase).toEqual({ number: 1, label: "Discovery", source: "inferred", text: "" });
    expect(plan.tasks).toBeNull();
    expect(plan.hardStop).toBeNull();
    expect(warnings).toContainEqual({ line: 4, message: expect.stringContaining("agent, notes") });
  });

  it("reads a HARD STOP section when the plan has one", () => {
    const withStop = `${healthProbes}\n\n---\n\n## 🛑 HARD STOP\n\nWaiting for the user to approve the commit.\n\n- Review the diff\n- Say "commit"\n`;
    const { plan } = mustParse(withStop);
    expect(plan.hardStop).toEqual({
      source: "section",
      phaseNumber: 9,
      awaiting: "User-Approved Commit",
      condition: 'after user says "commit"',
      items: ["Review the diff", 'Say "commit"'],
      text: "Waiting for the user to approve the commit.",
    });
  });

  it("reports a second section of the same kind and keeps it raw", () => {
    const doubled = `${healthProbes}\n\n## Execution Log\n- 2025-12-27T00:00:00: late entry\n`;
    const { plan, warnings } = mustParse(doubled);
    expect(plan.executionLog).toHaveLength(9);
    expect(plan.rawSections.at(-1)?.markdown).toBe("- 2025-12-27T00:00:00: late entry");
    const headingLine = doubled.split("\n").indexOf("## Execution Log") + 1;
    expect(warnings).toEqual([{ line: headingLine, message: 'second "Execution Log" section kept as raw Markdown' }]);
    expect(headingLine).toBeGreaterThan(165);
  });

  it("repairs mojibake in a plan and says so", () => {
    const garbled = new TextDecoder("windows-1252").decode(new TextEncoder().encode(healthProbes));
    const { plan, warnings } = mustParse(garbled);
    expect(plan.phases?.[0]?.status.text).toBe("✅ done");
    expect(warnings[0]?.message).toMatch(/^repaired \d+ characters/);
  });
});

describe("parsePlan never throws", () => {
  const planish = fc.constantFrom(
    "# Beads Work Plan",
    "## Phase Checklist",
    "## 2. Tasks",
    "### Conflict Matrix",
    "| ID | Title | Status |",
    "|---|---|---|",
    "| a-1 | x | ✅ |",
    "| broken",
    "- [x] item",
    "  - nested",
    "```yaml",
    "TASK: a-1",
    "  depends_on: [",
    "**PARALLEL_SAFE:**",
    "Status: ⏳",
    "---",
    "",
  );

  it("on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (s) => {
        const result = parsePlan(s);
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });

  it("on plan-like fragments, with 1-based line numbers in every issue", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(planish, fc.string({ maxLength: 20 })), { maxLength: 60 }), (lines) => {
        const text = lines.join("\n");
        const result = parsePlan(text);
        const issues = result.ok ? result.warnings : [...result.errors, ...result.warnings];
        const lineCount = text.split(/\r\n|\r|\n/).length;
        for (const issue of issues) {
          expect(Number.isInteger(issue.line)).toBe(true);
          expect(issue.line).toBeGreaterThanOrEqual(1);
          expect(issue.line).toBeLessThanOrEqual(lineCount);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("on every prefix of a real plan", () => {
    for (let end = 0; end <= healthProbes.length; end += 97) {
      expect(() => parsePlan(healthProbes.slice(0, end))).not.toThrow();
    }
  });
});
