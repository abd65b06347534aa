import type { ActionResult } from "@/lib/action-result";

// Shared classes for the admin forms (plain strings: safe in client bundles).
export const fieldClass =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm shadow-sm outline-none focus:border-zinc-500 focus:ring-2 focus:ring-zinc-200 aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-900 dark:focus:ring-zinc-800";
export const labelClass = "text-xs font-medium text-zinc-600 dark:text-zinc-400";
export const primaryButton =
  "inline-flex items-center gap-1.5 rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-800 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-white";
export const quietButton =
  "inline-flex items-center gap-1.5 rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-50 disabled:opacity-60 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-900";
export const cardClass = "rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900";

/** The message for one form field from a failed action's `details.issues`, if any. */
export function fieldError(result: ActionResult<unknown> | null, field: string): string | undefined {
  if (!result || result.ok) return undefined;
  const details = result.error.details as { issues?: Array<{ path: string; message: string }>; field?: string } | undefined;
  const issue = details?.issues?.find((candidate) => candidate.path === field);
  if (issue) return issue.message;
  return details?.field === field ? result.error.message : undefined;
}

/** The form-level message: shown unless every problem is already next to its field. */
export function formError(result: ActionResult<unknown> | null, fields: string[]): string | undefined {
  if (!result || result.ok) return undefined;
  return fields.some((field) => fieldError(result, field)) ? undefined : result.error.message;
}
