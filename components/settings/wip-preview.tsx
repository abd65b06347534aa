import type { WipPolicy } from "@/lib/board-view";
import type { WipState } from "@/lib/domain/wip/wip-state";

const TONE: Record<WipState, string> = {
  ok: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  "at-limit": "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  "over-limit": "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  "under-minimum": "bg-yellow-100 text-yellow-800 dark:bg-yellow-950 dark:text-yellow-300",
};

const LABEL: Record<WipState, string> = { ok: "within limits", "at-limit": "at limit", "over-limit": "over limit", "under-minimum": "under minimum" };

/** The column's count against the settings being edited, coloured as the board will show it. */
export function WipPreview({ count, policy, max, state }: { count: number; policy: WipPolicy; max: number | null; state: WipState }) {
  const limited = policy !== "none" && max !== null;
  return (
    <span className={`inline-flex flex-col rounded px-1.5 py-0.5 text-xs tabular-nums ${TONE[state]}`} title={`${count} tickets now, ${LABEL[state]}`}>
      <span className="font-medium">{limited ? `${count}/${max}` : count}</span>
      <span className="text-[10px] leading-tight opacity-80">{LABEL[state]}</span>
    </span>
  );
}
