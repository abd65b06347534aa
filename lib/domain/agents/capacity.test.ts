import { describe, expect, it } from "vitest";
import { checkAgentCapacity } from "./capacity";

describe("agent capacity", () => {
  it("allows a claim while the agent holds fewer tickets than its capacity", () => {
    expect(checkAgentCapacity("w", 2, 0)).toEqual({ allowed: true, remainingAfter: 1 });
    expect(checkAgentCapacity("w", 2, 1)).toEqual({ allowed: true, remainingAfter: 0 });
  });

  it("refuses at capacity, naming the count and the limit", () => {
    expect(checkAgentCapacity("worker-1", 1, 1)).toEqual({
      allowed: false,
      message: "Agent worker-1 already holds 1 ticket, its capacity is 1. Finish or hand one over before claiming another.",
    });
    expect(checkAgentCapacity("worker-1", 2, 3).allowed).toBe(false);
  });
});
