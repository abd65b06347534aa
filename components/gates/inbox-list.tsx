"use client";

import { useQuery } from "@tanstack/react-query";
import { loadInboxAction } from "@/app/inbox/actions";
import type { GateRequestView } from "@/lib/server/list-gate-requests";
import { GateRequestCard } from "./gate-request-card";

export const inboxKey = ["gate-requests", "inbox"] as const;

export function InboxList({ initial }: { initial: GateRequestView[] }) {
  const { data: requests } = useQuery({
    queryKey: inboxKey,
    queryFn: async () => {
      const result = await loadInboxAction();
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    initialData: initial,
    refetchInterval: 15_000,
  });
  if (requests.length === 0) {
    return (
      <div className="mt-6 rounded-lg border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-500 dark:border-zinc-700">
        Nothing waits for a decision. Gate requests appear here when a ticket is moved into a gated transition.
      </div>
    );
  }
  return (
    <ol className="mt-6 flex flex-col gap-4" aria-label="Open gate requests">
      {requests.map((request) => (
        <li key={request.id}>
          <GateRequestCard request={request} />
        </li>
      ))}
    </ol>
  );
}
