"use client";

import { useQuery } from "@tanstack/react-query";
import { loadInboxAction, type InboxContents } from "@/app/inbox/actions";
import { GateRequestCard } from "./gate-request-card";
import { PlanHardStopCard } from "./plan-hard-stop-card";

export const inboxKey = ["gate-requests", "inbox"] as const;

export function InboxList({ initial, mayDecidePlans }: { initial: InboxContents; mayDecidePlans: boolean }) {
  const { data } = useQuery({
    queryKey: inboxKey,
    queryFn: async () => {
      const result = await loadInboxAction();
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    initialData: initial,
    refetchInterval: 15_000,
  });
  if (data.requests.length === 0 && data.plans.length === 0) {
    return (
      <div className="mt-6 rounded-lg border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-500 dark:border-zinc-700">
        Nothing waits for a decision. Gate requests appear here when a ticket is moved into a gated transition, and plans when their orchestrator stops at a HARD STOP.
      </div>
    );
  }
  return (
    <>
      {data.plans.length > 0 ? (
        <section aria-labelledby="plans-at-hard-stop" className="mt-6">
          <h2 id="plans-at-hard-stop" className="text-sm font-semibold text-zinc-700 dark:text-zinc-300">
            Plans stopped at a HARD STOP
          </h2>
          <ol className="mt-3 flex flex-col gap-4" aria-label="Plans waiting at a HARD STOP">
            {data.plans.map((plan) => (
              <li key={plan.planId}>
                <PlanHardStopCard plan={plan} mayDecide={mayDecidePlans} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {data.requests.length > 0 ? (
        <section aria-labelledby="ticket-gate-requests" className="mt-6">
          {data.plans.length > 0 ? (
            <h2 id="ticket-gate-requests" className="text-sm font-semibold text-zinc-700 dark:text-zinc-300">
              Ticket gates
            </h2>
          ) : null}
          <ol className="mt-3 flex flex-col gap-4" aria-label="Open gate requests">
            {data.requests.map((request) => (
              <li key={request.id}>
                <GateRequestCard request={request} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
