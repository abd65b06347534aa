"use client";

import { useActionState, useState } from "react";
import { Check } from "lucide-react";
import { renameBoardAction } from "@/app/boards/[board]/settings/actions";
import { fieldClass, fieldError, formError, labelClass, primaryButton } from "@/components/admin/form-styles";
import type { ActionResult } from "@/lib/action-result";
import type { RenamedBoard } from "@/lib/server/rename-board";

/** The board's display name; the key (the ticket id prefix) is fixed once tickets carry it. */
export function BoardNameForm({ boardKey, name: initial }: { boardKey: string; name: string }) {
  const [result, action, pending] = useActionState<ActionResult<RenamedBoard> | null, FormData>(renameBoardAction.bind(null, boardKey), null);
  const [name, setName] = useState(initial);
  const error = fieldError(result, "name");
  const general = formError(result, ["name"]);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <div className="min-w-64 flex-1">
        <label htmlFor="board-name" className={labelClass}>
          Board name
        </label>
        <input id="board-name" name="name" value={name} onChange={(event) => setName(event.target.value)} required maxLength={80} aria-invalid={!!error} className={fieldClass} />
        {error ? <p className="mt-1 text-xs text-red-700 dark:text-red-400">{error}</p> : null}
      </div>
      <button type="submit" disabled={pending} className={primaryButton}>
        Rename
      </button>
      {result?.ok && !pending ? (
        <span role="status" className="inline-flex items-center gap-1 pb-2 text-xs text-emerald-700 dark:text-emerald-400">
          <Check aria-hidden className="size-3.5" />
          {result.data.changed ? "Renamed" : "No change"}
        </span>
      ) : null}
      {general ? (
        <p role="alert" className="w-full text-sm text-red-700 dark:text-red-400">
          {general}
        </p>
      ) : null}
    </form>
  );
}
