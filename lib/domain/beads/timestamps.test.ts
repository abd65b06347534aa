import { describe, expect, it } from "vitest";
import { normaliseTimestamp } from "./timestamps";

describe("normaliseTimestamp", () => {
  it.each([
    ["2026-01-17T04:18:04.793974-08:00", "2026-01-17T12:18:04.793Z"],
    ["2025-11-24T13:58:03.677572681Z", "2025-11-24T13:58:03.677Z"],
    ["2026-01-12T02:16:51Z", "2026-01-12T02:16:51.000Z"],
    ["2025-12-31T23:30:00.5+05:30", "2025-12-31T18:00:00.500Z"],
    ["2025-12-31T20:00:00-0430", "2026-01-01T00:30:00.000Z"],
    ["2025-06-01 10:00:00", "2025-06-01T10:00:00.000Z"],
    ["2025-06-01", "2025-06-01T00:00:00.000Z"],
  ])("%s → %s", (input, expected) => {
    expect(normaliseTimestamp(input)).toBe(expected);
  });

  it.each(["", "yesterday", "2025-02-30T00:00:00Z", "2025-13-01T00:00:00Z", "2025-01-01T25:00:00Z", "1700000000"])(
    "refuses %j",
    (input) => {
      expect(normaliseTimestamp(input)).toBeNull();
    },
  );
});
