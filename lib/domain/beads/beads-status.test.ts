import { describe, expect, it } from "vitest";
import { nearestTicketStatus, phaseFor } from "./beads-status";

describe("nearestTicketStatus", () => {
  it.each([
    ["open", "open"],
    ["in_progress", "in_progress"],
    ["blocked", "blocked"],
    ["deferred", "deferred"],
    ["closed", "closed"],
    ["pinned", "open"],
    ["hooked", "in_progress"],
    ["In Review", "in_progress"],
    ["won't-fix", "closed"],
    ["wontfix", "closed"],
    ["done", "closed"],
    ["on-hold", "blocked"],
    ["icebox", "deferred"],
    ["triage", "open"],
  ] as const)("%s → %s", (raw, expected) => {
    expect(nearestTicketStatus(raw)).toBe(expected);
  });

  it("lets the caller override a custom status", () => {
    expect(nearestTicketStatus("triage", { triage: "blocked" })).toBe("blocked");
  });
});

describe("phaseFor", () => {
  it("uses the documented defaults", () => {
    expect(phaseFor("open", "open")).toBe("backlog");
    expect(phaseFor("in_progress", "hooked")).toBe("building");
    expect(phaseFor("blocked", "blocked")).toBe("backlog");
    expect(phaseFor("deferred", "deferred")).toBe("backlog");
    expect(phaseFor("closed", "closed")).toBe("done");
  });

  it("prefers a raw-status override, then a status override", () => {
    const mapping = { byStatus: { in_progress: "analyzing" }, byRawStatus: { in_review: "review" } };
    expect(phaseFor("in_progress", "in_review", mapping)).toBe("review");
    expect(phaseFor("in_progress", "in_progress", mapping)).toBe("analyzing");
    expect(phaseFor("open", "open", mapping)).toBe("backlog");
  });
});
