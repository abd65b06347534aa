import type { PlanCurrentPhase, PlanHardStop, PlanPhase, ParseIssue } from "./types";

/** Current phase from the "Current Phase:" text, or inferred from the phase statuses. */
export function resolveCurrentPhase(phases: PlanPhase[], stated: string | null, line: number, warnings: ParseIssue[]): PlanCurrentPhase | null {
  if (stated !== null) {
    const m = /^(\d+)\b\s*(?:[-–—:]\s*)?(?:\((.*)\))?\s*(.*)$/s.exec(stated);
    const number = m?.[1] ? Number(m[1]) : null;
    const label = (m ? m[2] || m[3] : stated)?.trim() || null;
    const row = phases.find((p) => p.number === number);
    const lastDone = phases.filter((p) => p.status.status === "done").at(-1);
    if (row && row.status.status === "done" && lastDone?.number != null && number !== null && lastDone.number > number) {
      warnings.push({
        line,
        message: `"Current Phase: ${stated}" looks stale: phases up to ${lastDone.number} are marked done`,
      });
    }
    return { number, label, source: "stated", text: stated };
  }
  if (phases.length === 0) return null;
  const active =
    phases.find((p) => p.status.status === "in_progress" || p.status.status === "blocked" || p.status.status === "failed") ??
    phases.find((p) => p.status.status !== "done" && p.status.status !== "skipped") ??
    phases[phases.length - 1];
  if (!active) return null;
  return { number: active.number, label: active.name || null, source: "inferred", text: "" };
}

export function markCurrent(phases: PlanPhase[], current: PlanCurrentPhase | null): void {
  if (!current) return;
  const byNumber = current.number !== null ? phases.findIndex((p) => p.number === current.number) : -1;
  const index =
    byNumber >= 0 ? byNumber : current.source === "inferred" ? phases.findIndex((p) => p.name === current.label) : -1;
  const row = phases[index];
  if (row) row.current = true;
}

/** Where the plan stops for a human: its HARD STOP section, or the phase marked HARD STOP. */
export function resolveHardStop(
  phases: PlanPhase[] | null,
  section: { items: string[]; text: string } | null,
): PlanHardStop | null {
  const list = phases ?? [];
  const stopIndex = list.findIndex((p) => p.hardStop);
  const stop = list[stopIndex];
  const next = stopIndex >= 0 ? list.slice(stopIndex + 1).find((p) => p.status.status !== "done") : undefined;
  if (!section && !stop) return null;
  return {
    source: section ? "section" : "phase-checklist",
    phaseNumber: stop?.number ?? null,
    awaiting: next?.name || null,
    condition: next?.notes || null,
    items: section?.items ?? [],
    text: section?.text ?? "",
  };
}
