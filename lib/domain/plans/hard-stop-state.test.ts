import { describe, expect, it } from "vitest";
import { hardStopState } from "./hard-stop-state";

const imported = new Date("2026-11-20T10:00:00Z");
const before = new Date("2026-11-20T09:00:00Z");
const after = new Date("2026-11-20T11:00:00Z");

describe("hardStopState", () => {
  it("waits for a person once the plan says it awaits approval", () => {
    expect(hardStopState({ planStatus: "awaiting_approval", importedAt: imported, decisions: [] })).toBe("waiting");
  });

  it("is not reached while the plan is still running", () => {
    expect(hardStopState({ planStatus: "active", importedAt: imported, decisions: [] })).toBe("not_reached");
  });

  it("stays approved across re-imports", () => {
    expect(hardStopState({ planStatus: "awaiting_approval", importedAt: after, decisions: [{ decision: "approve", createdAt: imported }] })).toBe("approved");
  });

  it("holds a rejection until the plan is imported again", () => {
    const decisions = [{ decision: "reject" as const, createdAt: after }];
    expect(hardStopState({ planStatus: "awaiting_approval", importedAt: imported, decisions })).toBe("rejected");
    expect(hardStopState({ planStatus: "awaiting_approval", importedAt: new Date("2026-11-20T12:00:00Z"), decisions })).toBe("waiting");
    expect(hardStopState({ planStatus: "awaiting_approval", importedAt: imported, decisions: [{ decision: "reject", createdAt: before }] })).toBe("waiting");
  });

  it("reports a plan that finished without a decision here as done, and names an approval given here", () => {
    expect(hardStopState({ planStatus: "done", importedAt: imported, decisions: [] })).toBe("done");
    expect(hardStopState({ planStatus: "done", importedAt: after, decisions: [{ decision: "approve", createdAt: imported }] })).toBe("approved");
  });
});
