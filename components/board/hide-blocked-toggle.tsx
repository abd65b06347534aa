"use client";

import { useSearchParams } from "next/navigation";
import { useState } from "react";

/** `?hideBlocked=1`: the board leaves out blocked cards (still counted in each column's WIP). */
export const HIDE_BLOCKED_PARAM = "hideBlocked";

/**
 * The "Hide blocked" switch. The choice lives in the URL so a reload or a shared link shows
 * the same view; replaceState updates it without fetching the board again.
 */
export function HideBlockedToggle() {
  // Local state answers the click at once; the board follows the URL a moment later.
  const [checked, setChecked] = useState(useSearchParams().get(HIDE_BLOCKED_PARAM) === "1");
  function toggle(next: boolean) {
    setChecked(next);
    const url = new URL(window.location.href);
    if (next) url.searchParams.set(HIDE_BLOCKED_PARAM, "1");
    else url.searchParams.delete(HIDE_BLOCKED_PARAM);
    window.history.replaceState(null, "", url);
  }
  return (
    <label className="flex cursor-pointer items-center gap-1.5 self-center text-xs text-zinc-600 select-none dark:text-zinc-400">
      <input type="checkbox" checked={checked} onChange={(event) => toggle(event.target.checked)} className="size-3.5 accent-zinc-900 dark:accent-zinc-100" />
      Hide blocked
    </label>
  );
}
