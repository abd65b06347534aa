import { describe, expect, it } from "vitest";
import { checkWip } from "./check-wip";
import { wipState } from "./wip-state";

describe("checkWip", () => {
  it("lets a ticket into a column with room", () => {
    expect(checkWip({ phaseName: "Testing", policy: "hard", max: 8, count: 7 })).toEqual({ allowed: true, flag: null });
  });

  it("refuses a full hard-limit column with a message that says what to do", () => {
    expect(checkWip({ phaseName: "Testing", policy: "hard", max: 8, count: 8 })).toEqual({
      allowed: false,
      message: "Testing is at its limit of 8 — finish or move a card out first.",
    });
    expect(checkWip({ phaseName: "Testing", policy: "hard", max: 3, count: 5 })).toMatchObject({ allowed: false, message: expect.stringContaining("holds 5, over its limit of 3") });
  });

  it("lets a lead override a hard limit only with a reason", () => {
    expect(checkWip({ phaseName: "T", policy: "hard", max: 1, count: 1, override: { allowed: true, reason: "hotfix" } })).toEqual({ allowed: true, flag: "hard-limit-overridden" });
    expect(checkWip({ phaseName: "T", policy: "hard", max: 1, count: 1, override: { allowed: true, reason: "  " } }).allowed).toBe(false);
    expect(checkWip({ phaseName: "T", policy: "hard", max: 1, count: 1, override: { allowed: false, reason: "please" } }).allowed).toBe(false);
  });

  it("flags but allows a move over a soft limit; ignores limits with policy none", () => {
    expect(checkWip({ phaseName: "Review", policy: "soft", max: 2, count: 2 })).toEqual({ allowed: true, flag: "over-soft-limit" });
    expect(checkWip({ phaseName: "Review", policy: "none", max: 2, count: 9 })).toEqual({ allowed: true, flag: null });
  });
});

describe("wipState", () => {
  it("colours a column by its count against min and max", () => {
    expect(wipState(5, "hard", null, 5)).toBe("at-limit");
    expect(wipState(6, "soft", null, 5)).toBe("over-limit");
    expect(wipState(1, "none", 2, null)).toBe("under-minimum");
    expect(wipState(3, "hard", 2, 5)).toBe("ok");
  });
});
