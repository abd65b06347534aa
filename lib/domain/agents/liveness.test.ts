import { describe, expect, it } from "vitest";
import { formatDuration, judgeLiveness } from "./liveness";

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 23, 12, 0, 0) + seconds * 1000);

describe("agent liveness", () => {
  const judge = (silentSec: number, interval = 30) => judgeLiveness({ lastHeartbeatAt: at(0), heartbeatIntervalSec: interval, now: at(silentSec) }).liveness;

  it("is alive up to and including three intervals of silence", () => {
    expect(judge(0)).toBe("alive");
    expect(judge(90)).toBe("alive");
  });

  it("is stale past three intervals and crashed past six", () => {
    expect(judge(91)).toBe("stale");
    expect(judge(180)).toBe("stale");
    expect(judge(181)).toBe("crashed");
    expect(judge(5, 1)).toBe("stale");
    expect(judge(7, 1)).toBe("crashed");
  });

  it("says when the agent turns stale and crashed", () => {
    const verdict = judgeLiveness({ lastHeartbeatAt: at(0), heartbeatIntervalSec: 10, now: at(45) });
    expect(verdict).toEqual({ liveness: "stale", silentMs: 45_000, staleAt: at(30), crashedAt: at(60) });
  });

  it("treats a clock behind the last heartbeat as no silence", () => {
    expect(judgeLiveness({ lastHeartbeatAt: at(10), heartbeatIntervalSec: 30, now: at(0) })).toMatchObject({ liveness: "alive", silentMs: 0 });
  });

  it("formats durations as people say them", () => {
    expect(formatDuration(45_000)).toBe("45 s");
    expect(formatDuration(150_000)).toBe("3 min");
    expect(formatDuration(3 * 3_600_000)).toBe("3 h");
    expect(formatDuration(3 * 86_400_000)).toBe("3 d");
  });
});
