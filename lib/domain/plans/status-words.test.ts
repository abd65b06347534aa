import { describe, expect, it } from "vitest";
import { toStatusValue, toWorkStatus, toYesNo } from "./status-words";

describe("toWorkStatus", () => {
  it.each([
    ["✅ done", "done"],
    ["✅", "done"],
    ["closed", "done"],
    ["PASS", "done"],
    ["Complete", "done"],
    ["✓", "done"],
    ["⏳ pending", "pending"],
    ["ready", "pending"],
    ["TODO", "pending"],
    ["not started", "pending"],
    ["🔄 in progress", "in_progress"],
    ["In progress — planning and requirement review complete.", "in_progress"],
    ["running", "in_progress"],
    ["❌ failed", "failed"],
    ["fail", "failed"],
    ["⚠️ blocked", "blocked"],
    ["on hold", "blocked"],
    ["skipped", "skipped"],
    ["N/A", "skipped"],
    ["**Completed**", "done"],
    ["incomplete", "unknown"],
    ["no_tests", "unknown"],
    ["", "unknown"],
  ])("%j → %s", (text, expected) => {
    expect(toWorkStatus(text)).toBe(expected);
  });

  it("lets the first emoji win over later words", () => {
    expect(toWorkStatus("❌ was done before")).toBe("failed");
  });

  it("keeps the original words next to the mapped status", () => {
    expect(toStatusValue("  ✅ done (all workers complete) ")).toEqual({ status: "done", text: "✅ done (all workers complete)" });
  });
});

describe("toYesNo", () => {
  it.each([
    ["yes", true],
    ["✅", true],
    ["no", false],
    ["❌", false],
    ["maybe", null],
    ["", null],
  ])("%j → %s", (text, expected) => {
    expect(toYesNo(text)).toBe(expected);
  });
});
