"use client";

import Link from "next/link";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Clock, Hand } from "lucide-react";
import { toast } from "sonner";
import { decidePlanHardStopAction } from "@/app/plans/actions";
import type { PlanAtHardStop } from "@/lib/server/list-plan-hard-stops";
import { ApproveReject } from "./approve-reject";
import { inboxKey } from "./inbox-list";
import { waitedFor } from "./waited";

/** A plan's HARD STOP in the inbox, decided with the same one click as a ticket's gate. */
export function PlanHardStopCard({ plan, mayDecide }: { plan: PlanAtHardStop; mayDecide: boolean }) {
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: async (input: { decision: "approve" | "reject"; comment?: string }) => {
      const result = await decidePlanHardStopAction(plan.planId, input);
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onSuccess: (_view, input) => {
      toast.success(input.decision === "approve" ? `Approved: ${plan.gate} for “${plan.title}”` : `Rejected: ${plan.gate} for “${plan.title}”`);
      void queryClient.invalidateQueries({ queryKey: inboxKey });
    },
    onError: (error) => toast.error("The decision was not recorded", { description: error.message }),
  });
  return (
    <article aria-label={`HARD STOP of plan ${plan.title}`} className="rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/40">
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <Hand aria-hidden className="size-4 self-center text-amber-700 dark:text-amber-300" />
        <h3 className="font-medium">
          <Link href={`/plans/${encodeURIComponent(plan.planId)}`} className="hover:underline">
            {plan.title}
          </Link>
        </h3>
        <span className="ml-auto flex items-center gap-1 text-xs text-zinc-500" title={new Date(plan.waitingSince).toUTCString()}>
          <Clock aria-hidden className="size-3.5" /> waiting {waitedFor(plan.waitingSince)}
        </span>
      </header>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
        Gate: <span className="font-medium">{plan.gate}</span> · session <span className="font-mono text-xs">{plan.sessionId}</span>
        {plan.boardKey ? <> · board {plan.boardKey}</> : null}
      </p>
      {plan.items.length > 0 ? (
        <ul className="mt-2 list-disc pl-5 text-sm text-zinc-700 dark:text-zinc-300">
          {plan.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      ) : null}
      <div className="mt-3">
        {mayDecide ? (
          <ApproveReject subject={plan.gate} pending={decide.isPending} onDecide={(input) => decide.mutate(input)} idPrefix={`plan-${plan.planId}`} />
        ) : (
          <p className="text-xs text-zinc-500">A reviewer, lead or admin approves it — never an agent or automation.</p>
        )}
      </div>
    </article>
  );
}
