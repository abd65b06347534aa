"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import type { ParseIssue } from "@/lib/domain/plans/types";
import { decidePlanHardStop } from "@/lib/server/decide-plan-hard-stop";
import { importPlan } from "@/lib/server/import-plan";
import { importSummary } from "@/lib/server/import-summary";
import type { HardStopGateView } from "@/lib/server/plan-hard-stop-view";
import { runAction } from "@/lib/server/run-action";

/** What the import form shows after a successful import (never the whole parsed document). */
export type ImportOutcome = {
  kind: "plan" | "summary";
  id: string;
  title: string;
  created: boolean;
  href: string;
  warnings: ParseIssue[];
  repairedSequences: number;
  tickets: { boardKey: string; created: number; updated: number; skipped: { id: string; reason: string }[] } | null;
};

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** Imports a pasted or uploaded plan or summary; the use cases validate and authorize. */
export async function importDocumentAction(_previous: ActionResult<ImportOutcome> | null, form: FormData): Promise<ActionResult<ImportOutcome>> {
  const markdown = text(form, "markdown");
  const kind = text(form, "kind") === "summary" ? "summary" : "plan";
  const result = await runAction<ImportOutcome>(async (actor) => {
    if (kind === "summary") {
      const imported = await importSummary(actor, { markdown });
      const title = imported.summary.title ?? "Session summary";
      return { kind, id: imported.id, title, created: imported.created, href: `/summaries/${imported.id}`, warnings: imported.warnings, repairedSequences: imported.repairedSequences, tickets: null };
    }
    const boardKey = text(form, "boardKey");
    const imported = await importPlan(actor, { markdown, ...(boardKey ? { boardKey } : {}) });
    const reconcile = imported.reconcile;
    return {
      kind,
      id: imported.id,
      title: imported.plan.title,
      created: imported.created,
      href: `/plans/${imported.id}`,
      warnings: imported.warnings,
      repairedSequences: imported.repairedSequences,
      tickets: reconcile ? { boardKey: reconcile.boardKey, created: reconcile.created.length, updated: reconcile.updated.length, skipped: reconcile.skipped } : null,
    };
  });
  if (result.ok) revalidatePath(kind === "plan" ? "/plans" : "/summaries");
  return result;
}

/** One click at a plan's HARD STOP; the use case decides who may. */
export async function decidePlanHardStopAction(planId: unknown, input: unknown): Promise<ActionResult<HardStopGateView>> {
  const result = await runAction((actor) => decidePlanHardStop(actor, String(planId), input));
  if (result.ok) revalidatePath("/plans", "layout");
  return result;
}
