"use client";

import { useQuery } from "@tanstack/react-query";
import { ShieldAlert, ShieldCheck } from "lucide-react";

type Verification = { ok: boolean; checked: number; firstBadSeq: number | null; problem?: string };

/** Verifies the chain after the page shows (a full walk is too slow to hold the page for). */
export function ChainStatusBadge() {
  const { data, isPending, isError } = useQuery({
    queryKey: ["audit", "verify"],
    queryFn: async (): Promise<Verification> => {
      const response = await fetch("/api/v1/audit/verify", { headers: { accept: "application/json" } });
      if (!response.ok) throw new Error(`verify failed: ${response.status}`);
      return (await response.json()) as Verification;
    },
    staleTime: 60_000,
  });
  const base = "inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-xs font-medium";
  if (isPending) return <span className={`${base} animate-pulse border-zinc-200 text-zinc-500 dark:border-zinc-800`}>Verifying chain…</span>;
  if (isError || !data) return <span className={`${base} border-amber-300 text-amber-700 dark:border-amber-800 dark:text-amber-300`}>Chain status unavailable</span>;
  if (data.ok) {
    return (
      <span role="status" className={`${base} border-emerald-300 bg-emerald-50 text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-300`}>
        <ShieldCheck aria-hidden className="size-3.5" />
        Chain verified · {data.checked.toLocaleString("en")} events
      </span>
    );
  }
  return (
    <span role="alert" title={data.problem} className={`${base} border-red-300 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300`}>
      <ShieldAlert aria-hidden className="size-3.5" />
      Chain broken at #{data.firstBadSeq}
    </span>
  );
}
