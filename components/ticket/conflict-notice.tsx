import { FIELD_LABELS, type FormField } from "./ticket-form-values";
import { quietButton } from "./ui";

type Conflict = { message: string; merged?: { theirChanges: FormField[]; clashes: FormField[] } };

const names = (fields: FormField[]) => fields.map((field) => FIELD_LABELS[field].toLowerCase()).join(", ");

/**
 * Someone else saved the ticket first. Before reloading: say so and offer the newer
 * version; after: say what came in and where both changed the same field.
 */
export function ConflictNotice({ conflict, pending, onReload }: { conflict: Conflict; pending: boolean; onReload: () => void }) {
  if (conflict.merged) {
    const { theirChanges, clashes } = conflict.merged;
    return (
      <div role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100">
        <p>
          Loaded the latest version. Your text is kept{theirChanges.length > 0 ? `; their changes to ${names(theirChanges)} are filled in where you had not changed anything` : ""}.
        </p>
        {clashes.length > 0 && <p className="mt-1 font-medium">You both changed {names(clashes)}: yours is shown; saving replaces theirs.</p>}
        <p className="mt-1">Review, then save again.</p>
      </div>
    );
  }
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100">
      <p className="font-medium">Someone else changed this ticket while you were editing it.</p>
      <p className="mt-0.5">Nothing was saved. Load their version: what you typed stays in the form.</p>
      <button type="button" onClick={onReload} disabled={pending} className={`${quietButton} mt-2`}>
        Load latest version, keep my text
      </button>
    </div>
  );
}
