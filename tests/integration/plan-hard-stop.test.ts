import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/permissions";
import { actors } from "@/tests/helpers/board-fixture";
import { testDatabaseKind, withTestDatabase } from "@/tests/helpers/test-database";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../../shared/fixtures/plans");
const markdown = readFileSync(path.join(fixtures, "beads-work-plan-health-probes.md"), "utf8");
const reviewer: Actor = { kind: "user", id: "rev-1", role: "reviewer", name: "Rita Reviewer" };

withTestDatabase();

async function importFixture(text = markdown) {
  const { importPlan } = await import("@/lib/server/import-plan");
  return importPlan(actors.lead, { markdown: text });
}

describe(`a plan's HARD STOP as a gate on ${testDatabaseKind()}`, () => {
  it("waits after import, shows in the inbox and badge, and one approval records the decision and its audit event", async () => {
    const { getPlan } = await import("@/lib/server/get-plan");
    const { decidePlanHardStop } = await import("@/lib/server/decide-plan-hard-stop");
    const { listPlansAtHardStop, countPlansAtHardStopForMe } = await import("@/lib/server/list-plan-hard-stops");
    const { db } = await import("@/lib/db");
    const plan = await importFixture();

    expect((await getPlan(actors.viewer, plan.id)).hardStopGate).toMatchObject({ gate: "User-Approved Commit", state: "waiting", decisions: [] });
    expect((await listPlansAtHardStop(actors.viewer)).map((item) => item.planId)).toEqual([plan.id]);
    expect(await countPlansAtHardStopForMe(reviewer)).toBe(1);
    expect(await countPlansAtHardStopForMe(actors.engineer)).toBe(0);

    const decided = await decidePlanHardStop(reviewer, plan.id, { decision: "approve" });
    expect(decided.state).toBe("approved");
    expect((await getPlan(actors.viewer, plan.id)).hardStopGate).toMatchObject({ state: "approved", decisions: [{ decision: "approve", deciderName: "Rita Reviewer", role: "reviewer" }] });
    expect(await listPlansAtHardStop(actors.viewer)).toEqual([]);
    const events = await db().auditEvent.findMany({ where: { entityType: "plan", entityId: plan.id, action: "gate.approved" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: "rev-1", actorRole: "reviewer" });

    // A second click (another tab) is refused instead of recording a second approval.
    await expect(decidePlanHardStop(actors.lead, plan.id, { decision: "approve" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db().planHardStopDecision.count({ where: { planId: plan.id } })).toBe(1);

    // Re-importing the same session keeps the approval.
    await importFixture();
    expect((await getPlan(actors.viewer, plan.id)).hardStopGate?.state).toBe("approved");
  });

  it("refuses agents, engineers and viewers, and audits the refusals of roles without gate.decide", async () => {
    const { decidePlanHardStop } = await import("@/lib/server/decide-plan-hard-stop");
    const { db } = await import("@/lib/db");
    const plan = await importFixture(markdown.replace("af9b20f2", "bb000001"));
    await expect(decidePlanHardStop(actors.agent, plan.id, { decision: "approve" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(decidePlanHardStop({ ...actors.agent, role: "lead" }, plan.id, { decision: "approve" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(decidePlanHardStop(actors.engineer, plan.id, { decision: "approve" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(decidePlanHardStop(actors.viewer, plan.id, { decision: "approve" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(decidePlanHardStop(actors.lead, "no-such-plan", { decision: "approve" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db().planHardStopDecision.count({ where: { planId: plan.id } })).toBe(0);
    const denied = await db().auditEvent.count({ where: { action: "access.denied", entityId: "gate.decide", actorId: { in: [actors.engineer.id, actors.viewer.id] } } });
    expect(denied).toBeGreaterThanOrEqual(2);
  });

  it("needs a comment to reject; a rejection holds until the orchestrator re-imports the plan", async () => {
    const { getPlan } = await import("@/lib/server/get-plan");
    const { decidePlanHardStop } = await import("@/lib/server/decide-plan-hard-stop");
    const text = markdown.replace("af9b20f2", "bb000002");
    const plan = await importFixture(text);
    await expect(decidePlanHardStop(reviewer, plan.id, { decision: "reject" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    const rejected = await decidePlanHardStop(reviewer, plan.id, { decision: "reject", comment: "Split the migration into its own commit" });
    expect(rejected).toMatchObject({ state: "rejected", decisions: [{ decision: "reject", comment: "Split the migration into its own commit" }] });
    await expect(decidePlanHardStop(actors.lead, plan.id, { decision: "approve" })).rejects.toMatchObject({ code: "CONFLICT" });

    // Re-import strictly later than the rejection (timestamps have millisecond precision).
    await new Promise((resolve) => setTimeout(resolve, 5));
    await importFixture(text.replace("# Beads Work Plan", "# Beads Work Plan (revised)"));
    expect((await getPlan(actors.viewer, plan.id)).hardStopGate?.state).toBe("waiting");
    expect((await decidePlanHardStop(actors.lead, plan.id, { decision: "approve" })).state).toBe("approved");
  });

  it("has nothing to decide while the plan is still running", async () => {
    const { decidePlanHardStop } = await import("@/lib/server/decide-plan-hard-stop");
    const running = markdown.replace("af9b20f2", "bb000003").replace("| 8 | Final Verification | orchestrator | ✅ done |", "| 8 | Final Verification | orchestrator | 🔄 in progress |");
    expect(running).toContain("🔄 in progress");
    const plan = await importFixture(running);
    expect(plan.plan.hardStop).not.toBeNull();
    await expect(decidePlanHardStop(reviewer, plan.id, { decision: "approve" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("not reached") });
  });
});
