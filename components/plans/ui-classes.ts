import type { WorkStatus } from "@/lib/domain/plans/types";

// Shared class strings for the plan and summary screens (plain strings: safe in client bundles).
export const cardClass = "rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900";
export const sectionTitle = "text-sm font-semibold tracking-tight";
export const tableClass = "w-full border-collapse text-left text-sm";
export const thClass = "border-b border-zinc-200 px-2 py-1.5 text-xs font-medium text-zinc-500 dark:border-zinc-800";
export const tdClass = "border-b border-zinc-100 px-2 py-1.5 align-top dark:border-zinc-800/60";
export const fieldClass =
  "block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm shadow-sm outline-none focus:border-zinc-500 focus:ring-2 focus:ring-zinc-200 dark:border-zinc-700 dark:bg-zinc-900 dark:focus:ring-zinc-800";
export const primaryButton =
  "inline-flex items-center gap-1.5 rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-800 disabled:opacity-60 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-white";
export const quietButton =
  "inline-flex items-center gap-1.5 rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800";
export const emptyClass = "rounded-md border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-500 dark:border-zinc-700";

/** Colour only where it means something: done, failing, waiting, blocked. */
export const STATUS_TONE: Record<WorkStatus, string> = {
  done: "bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950/50 dark:text-emerald-300 dark:ring-emerald-900",
  failed: "bg-red-50 text-red-800 ring-red-200 dark:bg-red-950/50 dark:text-red-300 dark:ring-red-900",
  blocked: "bg-red-50 text-red-800 ring-red-200 dark:bg-red-950/50 dark:text-red-300 dark:ring-red-900",
  in_progress: "bg-sky-50 text-sky-800 ring-sky-200 dark:bg-sky-950/50 dark:text-sky-300 dark:ring-sky-900",
  pending: "bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950/50 dark:text-amber-300 dark:ring-amber-900",
  skipped: "bg-zinc-100 text-zinc-600 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-400 dark:ring-zinc-700",
  unknown: "bg-zinc-100 text-zinc-600 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-400 dark:ring-zinc-700",
};

export const STATUS_LABEL: Record<WorkStatus, string> = {
  done: "done",
  failed: "failed",
  blocked: "blocked",
  in_progress: "in progress",
  pending: "pending",
  skipped: "skipped",
  unknown: "—",
};
