import Link from "next/link";
import type { TicketDetail } from "@/lib/server/get-ticket";
import { actorName } from "./actor-name";

const OPEN = new Set(["pending", "approved"]);

function statusText(request: TicketDetail["gateRequests"][number]): string {
  if (request.status === "approved" && request.waitingForCapacity) return `approved, waiting for room in ${request.to.name}`;
  return request.status;
}

/** The ticket's gate requests, newest first; open ones point to the reviewer inbox. */
export function GateRequestList({ requests }: { requests: TicketDetail["gateRequests"] }) {
  if (requests.length === 0) return <p className="text-sm text-zinc-500">No gate has been requested.</p>;
  return (
    <ul className="flex flex-col gap-2 text-sm" aria-label="Gate requests">
      {requests.map((request) => {
        const open = OPEN.has(request.status);
        return (
          <li key={request.id} className="border-b border-zinc-100 pb-2 last:border-0 last:pb-0 dark:border-zinc-800">
            <div className="flex flex-wrap items-baseline gap-x-2">
              <span>
                {request.from.name} → <span className="font-medium">{request.to.name}</span>
              </span>
              <span className={`text-xs font-medium ${open ? "text-amber-700 dark:text-amber-400" : request.status === "rejected" ? "text-red-700 dark:text-red-400" : "text-zinc-500"}`}>{statusText(request)}</span>
              {open && (
                <Link href="/inbox" className="ml-auto text-xs font-medium underline underline-offset-2">
                  Open in inbox
                </Link>
              )}
            </div>
            <p className="text-xs text-zinc-500">
              requested by {actorName(request.requestedBy)} on {request.createdAt.slice(0, 10)} · {request.decisions} decision{request.decisions === 1 ? "" : "s"}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
