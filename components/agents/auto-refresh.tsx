"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

/** Re-reads the page while it is visible, so liveness and "last heartbeat" stay current. */
export function AutoRefresh({ everySeconds, asOf }: { everySeconds: number; asOf: string }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, everySeconds * 1000);
    return () => clearInterval(timer);
  }, [router, everySeconds]);
  return (
    <p className="text-xs text-zinc-500 tabular-nums">
      As of <time dateTime={asOf}>{asOf.slice(11, 19)} UTC</time> · refreshes every {everySeconds} s
    </p>
  );
}
