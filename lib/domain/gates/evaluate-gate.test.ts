import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { gateSpecSchema, type GateSpecInput } from "@/lib/schemas/gate";
import { evaluateGate, evaluateTransitionGates } from "./evaluate-gate";
import type { GateArtifact, GateDecision, GateEvidence } from "./gate-evidence";
import { parseJunitXml } from "./junit";

const spec = (input: GateSpecInput) => gateSpecSchema.parse(input);

function evidence(overrides: Partial<GateEvidence> = {}): GateEvidence {
  return { artifacts: [], checklist: [], decisions: [], assigneeId: "alice", requestedById: "bob", ...overrides };
}

let clock = 0;
function decision(deciderId: string, decisionValue: "approve" | "reject", extra: Partial<GateDecision> = {}): GateDecision {
  clock++;
  return {
    deciderId,
    deciderKind: "user",
    role: "reviewer",
    decision: decisionValue,
    at: new Date(Date.UTC(2025, 2, 14, 10, 0, clock)).toISOString(),
    ...extra,
  };
}

function junitArtifact(id: string, file: string, createdAt: string, kind = "junit"): GateArtifact {
  const xml = readFileSync(new URL(`./__fixtures__/${file}`, import.meta.url), "utf8");
  return { id, kind, createdAt, createdBy: "agent-7", junit: parseJunitXml(xml) };
}

function artifact(id: string, kind: string, createdAt = "2025-03-14T10:00:00.000Z"): GateArtifact {
  return { id, kind, createdAt, createdBy: "agent-7" };
}

describe("approval gate", () => {
  const oneReviewer = spec({ kind: "approval" });
  const twoReviewers = spec({ kind: "approval", approvals: 2 });

  it("waits for an approval, then is satisfied by a reviewer", () => {
    expect(evaluateGate(oneReviewer, evidence())).toEqual({
      kind: "approval",
      satisfied: false,
      rejected: false,
      needs: ["1 more approval from a reviewer or lead"],
      approvalsCounted: 0,
      rejections: [],
    });
    const approved = evaluateGate(oneReviewer, evidence({ decisions: [decision("carol", "approve")] }));
    expect(approved).toMatchObject({ satisfied: true, rejected: false, needs: [], approvalsCounted: 1 });
  });

  it("never counts the assignee or the requester", () => {
    const result = evaluateGate(
      oneReviewer,
      evidence({ decisions: [decision("alice", "approve"), decision("bob", "approve", { role: "lead" })] }),
    );
    expect(result).toMatchObject({ satisfied: false, approvalsCounted: 0 });
  });

  it("counts each distinct reviewer once", () => {
    const sameTwice = evaluateGate(
      twoReviewers,
      evidence({ decisions: [decision("carol", "approve"), decision("carol", "approve")] }),
    );
    expect(sameTwice).toMatchObject({ satisfied: false, approvalsCounted: 1, needs: ["1 more approval from a reviewer or lead"] });
    const two = evaluateGate(
      twoReviewers,
      evidence({ decisions: [decision("carol", "approve"), decision("dan", "approve", { role: "lead" })] }),
    );
    expect(two).toMatchObject({ satisfied: true, approvalsCounted: 2 });
  });

  it("never counts agents or roles the gate does not list", () => {
    const result = evaluateGate(
      oneReviewer,
      evidence({
        decisions: [
          decision("agent-7", "approve", { deciderKind: "agent" }),
          decision("erin", "approve", { role: "member" }),
          decision("frank", "approve", { role: "admin" }),
        ],
      }),
    );
    expect(result).toMatchObject({ satisfied: false, approvalsCounted: 0 });
  });

  it("is rejected by a standing reject, even with enough approvals", () => {
    const result = evaluateGate(
      oneReviewer,
      evidence({ decisions: [decision("carol", "approve"), decision("dan", "reject", { comment: "no tests for the edge case" })] }),
    );
    expect(result).toMatchObject({
      satisfied: false,
      rejected: true,
      approvalsCounted: 1,
      needs: ['rejected by dan ("no tests for the edge case"); only their approval lifts it'],
      rejections: [{ deciderId: "dan", role: "reviewer", comment: "no tests for the edge case" }],
    });
  });

  it("takes each decider's latest decision", () => {
    const changedToApprove = evaluateGate(
      oneReviewer,
      evidence({ decisions: [decision("dan", "reject"), decision("dan", "approve")] }),
    );
    expect(changedToApprove).toMatchObject({ satisfied: true, rejected: false, approvalsCounted: 1 });
    const changedToReject = evaluateGate(
      oneReviewer,
      evidence({ decisions: [decision("dan", "approve"), decision("dan", "reject")] }),
    );
    expect(changedToReject).toMatchObject({ satisfied: false, rejected: true, approvalsCounted: 0 });
  });

  it("orders decisions by time, not by position", () => {
    const later = decision("dan", "approve");
    const earlier = decision("dan", "reject", { at: "2025-03-14T09:00:00.000Z" });
    expect(evaluateGate(oneReviewer, evidence({ decisions: [later, earlier] }))).toMatchObject({ satisfied: true });
  });

  it("ignores rejects from people who may not decide", () => {
    const result = evaluateGate(
      oneReviewer,
      evidence({
        decisions: [
          decision("carol", "approve"),
          decision("alice", "reject"),
          decision("agent-7", "reject", { deciderKind: "agent" }),
          decision("erin", "reject", { role: "member" }),
        ],
      }),
    );
    expect(result).toMatchObject({ satisfied: true, rejected: false });
  });

  it("stops counting an approver who later becomes the assignee", () => {
    const decisions = [decision("carol", "approve")];
    expect(evaluateGate(oneReviewer, evidence({ decisions, assigneeId: "carol" }))).toMatchObject({ satisfied: false });
  });
});

describe("hard-stop gate", () => {
  const hardStop = spec({ kind: "hard-stop", label: "User-approved commit" });
  const allAutomationGreen = evidence({
    artifacts: [junitArtifact("a-1", "surefire-cdata.xml", "2025-03-14T10:00:00Z"), artifact("a-2", "review-notes")],
    checklist: [{ item: "Final verification", done: true }],
    decisions: [
      decision("agent-7", "approve", { deciderKind: "agent", role: "admin" }),
      decision("orchestrator", "approve", { deciderKind: "agent", role: "lead" }),
    ],
  });

  it("is never satisfied by automation alone", () => {
    expect(evaluateGate(hardStop, allAutomationGreen)).toEqual({
      kind: "hard-stop",
      satisfied: false,
      rejected: false,
      needs: ["1 more approval from a human reviewer, lead or admin to confirm: User-approved commit"],
      approvalsCounted: 0,
      rejections: [],
    });
  });

  it("is not satisfied by the assignee approving their own work", () => {
    const selfApproved = { ...allAutomationGreen, decisions: [decision("alice", "approve", { role: "admin" })] };
    expect(evaluateGate(hardStop, selfApproved)).toMatchObject({ satisfied: false, approvalsCounted: 0 });
  });

  it("is satisfied by one human reviewer, lead or admin", () => {
    for (const role of ["reviewer", "lead", "admin"]) {
      const approved = { ...allAutomationGreen, decisions: [decision("carol", "approve", { role })] };
      expect(evaluateGate(hardStop, approved)).toMatchObject({ satisfied: true, approvalsCounted: 1, needs: [] });
    }
  });

  it("can be rejected", () => {
    const rejected = evidence({ decisions: [decision("carol", "reject", { role: "lead" })] });
    expect(evaluateGate(hardStop, rejected)).toMatchObject({ satisfied: false, rejected: true });
  });
});

describe("artifact gate", () => {
  const gate = spec({ kind: "artifact", artifacts: ["review-notes", "typecheck"] });

  it("names each missing artifact kind", () => {
    expect(evaluateGate(gate, evidence({ artifacts: [artifact("a-1", "log")] }))).toMatchObject({
      satisfied: false,
      needs: ["attach a review-notes artifact", "attach a typecheck artifact"],
    });
    expect(evaluateGate(spec({ kind: "artifact", artifacts: ["e2e-report"] }), evidence()).needs).toEqual([
      "attach an e2e-report artifact",
    ]);
  });

  it("is satisfied when every kind is attached", () => {
    const result = evaluateGate(gate, evidence({ artifacts: [artifact("a-1", "typecheck"), artifact("a-2", "review-notes")] }));
    expect(result).toMatchObject({ satisfied: true, rejected: false, needs: [], approvalsCounted: 0 });
  });
});

describe("checklist gate", () => {
  const gate = spec({ kind: "checklist" });

  it("lists the done definitions still open", () => {
    const result = evaluateGate(
      gate,
      evidence({
        checklist: [
          { item: "Tests pass", done: true },
          { item: "Mypy clean", done: false },
          { item: "Pre-existing failures tracked", done: false },
        ],
      }),
    );
    expect(result).toMatchObject({
      satisfied: false,
      needs: ['tick 2 done definitions: "Mypy clean", "Pre-existing failures tracked"'],
    });
  });

  it("is satisfied when all are ticked, or when the phase defines none", () => {
    expect(evaluateGate(gate, evidence({ checklist: [{ item: "Tests pass", done: true }] })).satisfied).toBe(true);
    expect(evaluateGate(gate, evidence()).satisfied).toBe(true);
  });
});

describe("tests gate", () => {
  const gate = spec({ kind: "tests" });

  it("asks for a report when none is attached", () => {
    expect(evaluateGate(gate, evidence())).toMatchObject({ satisfied: false, needs: ["attach a junit test report"] });
  });

  it("fails on failures when no baseline is recorded, and summarises the report", () => {
    const result = evaluateGate(gate, evidence({ artifacts: [junitArtifact("a-1", "pytest-junit.xml", "2025-03-14T10:00:00Z")] }));
    expect(result.satisfied).toBe(false);
    expect(result.needs).toEqual([
      "tests: 3 failing tests: tests.core.unit.domain.test_health::test_readiness_degraded_when_lag_exceeds_threshold, " +
        "tests.core.integration.docker.test_multi_node_cluster::test_primary_election, " +
        "tests.core.integration.docker.test_multi_node_cluster::test_replica_catches_up",
    ]);
    expect(result.summary).toMatchObject({ artifactId: "a-1", tests: 8, failures: 2, errors: 1, skipped: 1, passed: 4, baselineUsed: false });
  });

  it("passes when the only failures are in the baseline, and reports what was fixed", () => {
    const result = evaluateGate(
      gate,
      evidence({
        artifacts: [junitArtifact("a-1", "pytest-junit.xml", "2025-03-14T10:00:00Z")],
        baseline: [
          "tests/core/integration/docker/test_multi_node_cluster.py (all failures)",
          "tests/core/unit/domain/test_health.py::test_readiness_degraded_when_lag_exceeds_threshold",
          "tests/core/unit/domain/test_health.py::test_liveness_result_is_frozen",
        ],
      }),
    );
    expect(result).toMatchObject({ satisfied: true, needs: [] });
    expect(result.summary).toMatchObject({
      baselineUsed: true,
      newFailures: [],
      knownFailures: [
        "tests.core.unit.domain.test_health::test_readiness_degraded_when_lag_exceeds_threshold",
        "tests.core.integration.docker.test_multi_node_cluster::test_primary_election",
        "tests.core.integration.docker.test_multi_node_cluster::test_replica_catches_up",
      ],
      fixedSinceBaseline: ["tests/core/unit/domain/test_health.py::test_liveness_result_is_frozen"],
    });
  });

  it("names new failures beyond the baseline", () => {
    const result = evaluateGate(
      gate,
      evidence({
        artifacts: [junitArtifact("a-1", "pytest-junit.xml", "2025-03-14T10:00:00Z")],
        baseline: ["tests/core/integration/docker/test_multi_node_cluster.py"],
      }),
    );
    expect(result.needs).toEqual([
      "tests: 1 new failure beyond baseline: tests.core.unit.domain.test_health::test_readiness_degraded_when_lag_exceeds_threshold",
    ]);
  });

  it("ignores the baseline when the gate does not allow one", () => {
    const strict = spec({ kind: "tests", allowBaseline: false });
    const result = evaluateGate(
      strict,
      evidence({
        artifacts: [junitArtifact("a-1", "vitest-junit.xml", "2025-03-14T10:00:00Z")],
        baseline: ["lib/domain/wip/wip-policy.test.ts", "lib/domain/graph/ready-queue.test.ts"],
      }),
    );
    expect(result).toMatchObject({ satisfied: false, summary: { baselineUsed: false } });
    expect(result.needs[0]).toMatch(/^tests: 2 failing tests: /);
  });

  it("judges only the latest report of the gate's artifact kind", () => {
    const failingOld = junitArtifact("a-1", "vitest-junit.xml", "2025-03-14T10:00:00Z");
    const passingNew: GateArtifact = {
      ...artifact("a-2", "junit", "2025-03-14T11:00:00Z"),
      junit: parseJunitXml(`<testsuites><testsuite name="x"><testcase classname="x" name="ok"/></testsuite></testsuites>`),
    };
    expect(evaluateGate(gate, evidence({ artifacts: [passingNew, failingOld] }))).toMatchObject({
      satisfied: true,
      summary: { artifactId: "a-2" },
    });
    const failingNewer = junitArtifact("a-3", "vitest-junit.xml", "2025-03-14T12:00:00Z");
    expect(evaluateGate(gate, evidence({ artifacts: [passingNew, failingOld, failingNewer] }))).toMatchObject({
      satisfied: false,
      summary: { artifactId: "a-3" },
    });
  });

  it("uses the artifact kind the gate names", () => {
    const pytestGate = spec({ kind: "tests", artifact: "pytest-report" });
    const report = junitArtifact("a-1", "surefire-cdata.xml", "2025-03-14T10:00:00Z", "junit");
    expect(evaluateGate(pytestGate, evidence({ artifacts: [report] })).needs).toEqual(["attach a pytest-report test report"]);
  });

  it("explains an unreadable report", () => {
    const broken = junitArtifact("a-9", "truncated.xml", "2025-03-14T10:00:00Z");
    expect(evaluateGate(gate, evidence({ artifacts: [broken] })).needs).toEqual([
      "tests: the latest junit report (a-9) could not be read: unexpected end of input: <failure> opened at line 9, column 13 is not closed at line 10, column 46",
    ]);
    expect(evaluateGate(gate, evidence({ artifacts: [artifact("a-8", "junit")] })).needs).toEqual([
      "tests: the latest junit artifact (a-8) is not a parsed JUnit XML report",
    ]);
  });

  it("is not satisfied by a run where nothing passed", () => {
    const allSkipped: GateArtifact = {
      ...artifact("a-1", "junit"),
      junit: parseJunitXml(`<testsuite><testcase name="a"><skipped/></testcase><testcase name="b"><skipped/></testcase></testsuite>`),
    };
    expect(evaluateGate(gate, evidence({ artifacts: [allSkipped] }))).toMatchObject({
      satisfied: false,
      needs: ["tests: no test passed in report a-1 (2 skipped tests)"],
    });
  });
});

describe("evaluateTransitionGates", () => {
  const gates = [
    spec({ kind: "tests" }),
    spec({ kind: "approval", name: "Review" }),
    spec({ kind: "artifact", artifacts: ["review-notes"] }),
  ];
  const passingReport: GateArtifact = {
    ...artifact("a-1", "junit"),
    junit: parseJunitXml(`<testsuite name="s"><testcase classname="c" name="ok"/></testsuite>`),
  };

  it("needs every gate, prefixing needs with the gate's name", () => {
    const result = evaluateTransitionGates(gates, evidence({ artifacts: [passingReport] }));
    expect(result).toMatchObject({
      satisfied: false,
      rejected: false,
      needs: ["Review: 1 more approval from a reviewer or lead", "attach a review-notes artifact"],
    });
    expect(result.gates.map((gate) => gate.satisfied)).toEqual([true, false, false]);
  });

  it("is satisfied when all gates are, and rejected when any is", () => {
    const full = evidence({ artifacts: [passingReport, artifact("a-2", "review-notes")], decisions: [decision("carol", "approve")] });
    expect(evaluateTransitionGates(gates, full)).toMatchObject({ satisfied: true, rejected: false, needs: [] });
    const rejected = { ...full, decisions: [...full.decisions, decision("dan", "reject")] };
    expect(evaluateTransitionGates(gates, rejected)).toMatchObject({ satisfied: false, rejected: true });
  });

  it("holds for a transition without gates", () => {
    expect(evaluateTransitionGates([], evidence())).toEqual({ satisfied: true, rejected: false, needs: [], gates: [] });
  });

  it("returns plain JSON", () => {
    const result = evaluateTransitionGates(gates, evidence({ artifacts: [junitArtifact("a-1", "pytest-junit.xml", "2025-03-14T10:00:00Z")] }));
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});
