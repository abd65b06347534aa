import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseWorkflowYaml } from "./parse-workflow";
import { allowedTargets, applyChecklistTick, autoAdvanceTarget, creatablePhases, findPhase, isTransitionAllowed, statusOnEnter, transitionGates } from "./engine";

const result = parseWorkflowYaml(readFileSync(path.resolve(__dirname, "../../../workflows/software-development.yaml"), "utf8"), "sd.yaml");
if (!result.ok) throw new Error(result.errors.join("\n"));
const workflow = result.workflow;

describe("workflow engine", () => {
  it("lists the allowed targets of a phase in board order", () => {
    expect(allowedTargets(workflow, "building")).toEqual(["analyzing", "testing"]);
    expect(allowedTargets(workflow, "backlog")).toEqual(["analyzing"]);
  });

  it("refuses skipping phases", () => {
    expect(isTransitionAllowed(workflow, "backlog", "done")).toBe(false);
    expect(isTransitionAllowed(workflow, "review", "deploying")).toBe(true);
  });

  it("lets new tickets start only where no gate lies on the way from the first phase", () => {
    // Building → Testing needs a passing test report; everything after it is behind that gate.
    expect(creatablePhases(workflow)).toEqual(["backlog", "analyzing", "building"]);
    const ungated = { ...workflow, transitions: workflow.transitions.map((transition) => ({ ...transition, gates: [] })) };
    expect(creatablePhases(ungated)).toEqual(workflow.phases.map((phase) => phase.key));
  });

  it("returns the gates of a transition", () => {
    expect(transitionGates(workflow, "building", "testing").map((g) => g.kind)).toEqual(["tests"]);
    expect(transitionGates(workflow, "testing", "building")).toEqual([]);
  });

  it("auto-advances only when every done definition is ticked and the phase asks for it", () => {
    const auto = { ...workflow, phases: workflow.phases.map((p) => (p.key === "analyzing" ? { ...p, autoAdvance: { to: "building" } } : p)) };
    const all = auto.phases.find((p) => p.key === "analyzing")!.doneDefinitions.map((_, i) => i);
    expect(autoAdvanceTarget(auto, "analyzing", all)).toBe("building");
    expect(autoAdvanceTarget(auto, "analyzing", all.slice(1))).toBeNull();
    expect(autoAdvanceTarget(workflow, "analyzing", all)).toBeNull();
  });

  it("closes a ticket on the last phase and reopens it when it leaves", () => {
    expect(statusOnEnter(workflow, "done", "in_progress")).toBe("closed");
    expect(statusOnEnter(workflow, "building", "closed")).toBe("in_progress");
    expect(statusOnEnter(workflow, "analyzing", "open")).toBe("in_progress");
    expect(statusOnEnter(workflow, "backlog", "in_progress")).toBe("in_progress");
    expect(statusOnEnter(workflow, "building", "blocked")).toBe("blocked");
  });

  it("ticks and unticks done definitions into a sorted list without duplicates", () => {
    const analyzing = findPhase(workflow, "analyzing")!;
    expect(applyChecklistTick(analyzing, [], 2, true)).toEqual({ ok: true, ticked: [2], changed: true });
    expect(applyChecklistTick(analyzing, [3, 0], 1, true)).toEqual({ ok: true, ticked: [0, 1, 3], changed: true });
    expect(applyChecklistTick(analyzing, [0, 1], 1, true)).toEqual({ ok: true, ticked: [0, 1], changed: false });
    expect(applyChecklistTick(analyzing, [0, 1, 1], 1, false)).toEqual({ ok: true, ticked: [0], changed: true });
    expect(applyChecklistTick(analyzing, [0], 2, false)).toEqual({ ok: true, ticked: [0], changed: false });
    // Stale indexes (beyond the phase's list) are dropped rather than kept forever.
    expect(applyChecklistTick(analyzing, [0, 9], 1, true)).toEqual({ ok: true, ticked: [0, 1], changed: true });
  });

  it("refuses an index the phase does not have, naming the valid range", () => {
    const analyzing = findPhase(workflow, "analyzing")!;
    expect(applyChecklistTick(analyzing, [], 4, true)).toEqual({ ok: false, message: "Analyzing has 4 done definitions (index 0–3); 4 is not one of them." });
    expect(applyChecklistTick(analyzing, [], -1, true).ok).toBe(false);
    expect(applyChecklistTick(findPhase(workflow, "done")!, [], 0, true)).toEqual({ ok: false, message: "Done has no done definitions to tick." });
  });
});
