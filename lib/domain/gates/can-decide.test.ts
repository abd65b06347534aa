import { describe, expect, it } from "vitest";
import { gateSpecSchema, type GateSpec } from "@/lib/schemas/gate";
import { canDecide, type Decider } from "./can-decide";

const approval = gateSpecSchema.parse({ kind: "approval" });
const hardStop = gateSpecSchema.parse({ kind: "hard-stop", label: "commit to main" });
const reviewer = (id: string): Decider => ({ id, kind: "user", role: "reviewer" });

function decide(decider: Decider, spec: GateSpec = approval) {
  return canDecide({ decider, assigneeId: "alice", requestedById: "bob", spec });
}

describe("canDecide", () => {
  it("lets a reviewer who is neither assignee nor requester decide", () => {
    expect(decide(reviewer("carol"))).toEqual({ ok: true });
    expect(decide({ id: "dan", kind: "user", role: "lead" })).toEqual({ ok: true });
  });

  it("refuses self-approval by the assignee, naming why", () => {
    expect(decide(reviewer("alice"))).toEqual({
      ok: false,
      reason: "you are the ticket's assignee; someone else must review your own work",
    });
  });

  it("refuses the person who requested the gate", () => {
    expect(decide(reviewer("bob"))).toEqual({ ok: false, reason: "you requested this gate; someone else must decide it" });
  });

  it("refuses agents, whatever their role", () => {
    expect(decide({ id: "agent-7", kind: "agent", role: "admin" }, hardStop)).toEqual({
      ok: false,
      reason: "agents cannot approve or reject gates; a human must decide",
    });
  });

  it("refuses roles the gate does not list", () => {
    expect(decide({ id: "erin", kind: "user", role: "admin" })).toEqual({
      ok: false,
      reason: "only a reviewer or lead may decide this gate (your role: admin)",
    });
    const adminsOnly = gateSpecSchema.parse({ kind: "approval", roles: ["admin"] });
    expect(decide(reviewer("carol"), adminsOnly)).toEqual({
      ok: false,
      reason: "only an admin may decide this gate (your role: reviewer)",
    });
  });

  it("lets an admin decide a hard stop", () => {
    expect(decide({ id: "erin", kind: "user", role: "admin" }, hardStop)).toEqual({ ok: true });
  });

  it("refuses decisions on gates that evidence decides", () => {
    expect(decide(reviewer("carol"), gateSpecSchema.parse({ kind: "artifact", artifacts: ["review-notes"] }))).toEqual({
      ok: false,
      reason: "an artifact gate is decided by evidence, not by approval",
    });
  });

  it("does not treat a missing assignee or requester as a match", () => {
    expect(canDecide({ decider: reviewer("carol"), assigneeId: null, spec: approval })).toEqual({ ok: true });
  });
});
