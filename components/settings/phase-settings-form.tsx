"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useActionState, useState } from "react";
import { Check } from "lucide-react";
import { updatePhaseAction } from "@/app/boards/[board]/settings/actions";
import { fieldClass, fieldError, formError, primaryButton, quietButton } from "@/components/admin/form-styles";
import type { ActionResult } from "@/lib/action-result";
import { boardKeys } from "@/lib/board-query";
import type { WipPolicy } from "@/lib/board-view";
import { wipState } from "@/lib/domain/wip/wip-state";
import type { PhaseSettings } from "@/lib/server/get-board-settings";
import type { UpdatedPhase } from "@/lib/server/update-phase";
import { WipPreview } from "./wip-preview";

const POLICY_HINT: Record<WipPolicy, string> = {
  none: "No limit: max is not enforced",
  soft: "Soft: moves past max are allowed and flagged",
  hard: "Hard: moves into a full column are refused",
};

const FIELDS = ["name", "wipPolicy", "wipMin", "wipMax"];

/** One column's row: name, WIP policy, min and max, saved on its own. */
export function PhaseSettingsForm({ boardKey, phase }: { boardKey: string; phase: PhaseSettings }) {
  const queryClient = useQueryClient();
  const [result, action, pending] = useActionState<ActionResult<UpdatedPhase> | null, FormData>(async (previous, form) => {
    const saved = await updatePhaseAction(boardKey, phase.key, previous, form);
    // A board this browser showed moments ago is cached as fresh; drop it so going back to
    // the board draws the server's new limits rather than the old ones.
    if (saved.ok) queryClient.removeQueries({ queryKey: boardKeys.view(boardKey) });
    return saved;
  }, null);
  // Controlled fields: React resets uncontrolled ones after a form action, which would flash
  // the old values until the page's fresh props arrive.
  const [name, setName] = useState(phase.name);
  const [policy, setPolicy] = useState<WipPolicy>(phase.wipPolicy);
  const [min, setMin] = useState(phase.wipMin?.toString() ?? "");
  const [max, setMax] = useState(phase.wipMax?.toString() ?? "");
  const id = (field: string) => `phase-${phase.key}-${field}`;
  const dirty = name !== phase.name || policy !== phase.wipPolicy || min !== (phase.wipMin?.toString() ?? "") || max !== (phase.wipMax?.toString() ?? "");
  const saved = result?.ok && !dirty ? result.data : null;
  const general = formError(result, FIELDS);
  const previewMax = max.trim() === "" ? null : Number(max);
  const previewMin = min.trim() === "" ? null : Number(min);
  const state = wipState(phase.count, policy, Number.isFinite(previewMin) ? previewMin : null, Number.isFinite(previewMax) ? previewMax : null);

  return (
    <form action={action} aria-label={`${phase.name} column`} className="grid gap-x-3 gap-y-1 px-4 py-3 sm:grid-cols-[minmax(0,1.6fr)_5.5rem_8rem_5rem_5rem_minmax(0,1fr)] sm:items-start">
      <div>
        <label htmlFor={id("name")} className="sr-only">
          Name of the {phase.name} column
        </label>
        <input id={id("name")} name="name" value={name} onChange={(event) => setName(event.target.value)} aria-invalid={!!fieldError(result, "name")} className={`${fieldClass} mt-0 font-medium`} />
        <FieldError message={fieldError(result, "name")} />
        <p className="mt-1 text-xs text-zinc-500">
          <span className="font-mono">{phase.key}</span> · {phase.doneDefinitions} done definition{phase.doneDefinitions === 1 ? "" : "s"}
          {phase.autoAdvanceTo ? ` · moves on to ${phase.autoAdvanceTo.name} when all are ticked${phase.autoAdvanceTo.gated ? " (gated)" : ""}` : ""}
        </p>
      </div>
      <div className="pt-1.5">
        <WipPreview count={phase.count} policy={policy} max={Number.isFinite(previewMax) ? previewMax : null} state={state} />
      </div>
      <div>
        <select id={id("wipPolicy")} name="wipPolicy" value={policy} onChange={(event) => setPolicy(event.target.value as WipPolicy)} aria-label="WIP policy" aria-describedby={id("hint")} className={`${fieldClass} mt-0`}>
          <option value="none">none</option>
          <option value="soft">soft</option>
          <option value="hard">hard</option>
        </select>
        <FieldError message={fieldError(result, "wipPolicy")} />
      </div>
      <div>
        <input id={id("wipMin")} name="wipMin" inputMode="numeric" value={min} onChange={(event) => setMin(event.target.value)} placeholder="—" aria-label="Min" aria-invalid={!!fieldError(result, "wipMin")} className={`${fieldClass} mt-0 tabular-nums`} />
        <FieldError message={fieldError(result, "wipMin")} />
      </div>
      <div>
        <input id={id("wipMax")} name="wipMax" inputMode="numeric" value={max} onChange={(event) => setMax(event.target.value)} placeholder="—" aria-label="Max" aria-invalid={!!fieldError(result, "wipMax")} className={`${fieldClass} mt-0 tabular-nums`} />
        <FieldError message={fieldError(result, "wipMax")} />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {/* Quiet until something changed, so the row being edited is the one that stands out. */}
        <button type="submit" disabled={pending || !dirty} className={dirty ? primaryButton : `${quietButton} py-1.5 text-sm`}>
          Save
        </button>
        {saved && !pending ? (
          <span role="status" className="inline-flex items-center gap-1 text-xs text-emerald-700 dark:text-emerald-400">
            <Check aria-hidden className="size-3.5" />
            {saved.changed.length === 0 ? "No change" : "Saved"}
            {saved.admitted.length > 0 ? ` · ${saved.admitted.join(", ")} moved in (approved, was waiting for room)` : ""}
          </span>
        ) : null}
      </div>
      <p id={id("hint")} className="text-xs text-zinc-500 sm:col-span-6">
        {POLICY_HINT[policy]}
        {policy !== "none" && previewMax !== null && Number.isFinite(previewMax) && previewMax < phase.count ? ` · the column holds ${phase.count}, so it will show as over its limit` : ""}
      </p>
      {general ? (
        <p role="alert" className="text-sm text-red-700 sm:col-span-6 dark:text-red-400">
          {general}
        </p>
      ) : null}
    </form>
  );
}

function FieldError({ message }: { message?: string }) {
  return message ? <p className="mt-1 text-xs text-red-700 dark:text-red-400">{message}</p> : null;
}
