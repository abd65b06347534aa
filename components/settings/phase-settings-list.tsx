import type { PhaseSettings } from "@/lib/server/get-board-settings";
import { PhaseSettingsForm } from "./phase-settings-form";

/** Every column of the board in order, each row its own form. */
export function PhaseSettingsList({ boardKey, phases }: { boardKey: string; phases: PhaseSettings[] }) {
  return (
    <div className="mt-3 overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div
        aria-hidden
        className="hidden gap-x-3 border-b border-zinc-200 bg-zinc-50 px-4 py-2 text-xs font-medium text-zinc-500 sm:grid sm:grid-cols-[minmax(0,1.6fr)_5.5rem_8rem_5rem_5rem_minmax(0,1fr)] dark:border-zinc-800 dark:bg-zinc-900/60"
      >
        <span>Column</span>
        <span>Tickets</span>
        <span>WIP policy</span>
        <span>Min</span>
        <span>Max</span>
        <span />
      </div>
      <ol className="divide-y divide-zinc-200 dark:divide-zinc-800">
        {phases.map((phase) => (
          <li key={phase.key}>
            <PhaseSettingsForm boardKey={boardKey} phase={phase} />
          </li>
        ))}
      </ol>
    </div>
  );
}
