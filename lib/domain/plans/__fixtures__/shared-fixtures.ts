import { readFileSync } from "node:fs";

// The real orchestrator documents live in /work/shared beside the repo (CI clones it the same way).
export type SharedFixture =
  | "beads-work-plan-health-probes.md"
  | "beads-work-plan-split-brain.md"
  | "session-summary-worker-lifecycle.md"
  | "progress-log-phase-streams.md";

export function readSharedFixture(name: SharedFixture): string {
  return readFileSync(new URL(`../../../../../shared/fixtures/plans/${name}`, import.meta.url), "utf8");
}

/** Drops line numbers so structures read from differently laid-out Markdown can be compared. */
export function withoutLines(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLines);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => key !== "line")
        .map(([key, v]) => [key, withoutLines(v)]),
    );
  }
  return value;
}
