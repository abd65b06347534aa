import type { Metadata } from "next";
import { InboxList } from "@/components/gates/inbox-list";
import { listGateRequests } from "@/lib/server/list-gate-requests";
import { requirePageActor } from "@/lib/server/request-actor";

export const metadata: Metadata = { title: "Reviewer inbox" };

export default async function InboxPage() {
  const actor = await requirePageActor("/inbox");
  const requests = await listGateRequests(actor, { status: "open" });
  return (
    <main className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="text-xl font-semibold tracking-tight">Reviewer inbox</h1>
      <p className="mt-1 text-sm text-zinc-500">Every open gate request across your boards, oldest first, with the evidence to decide on.</p>
      <InboxList initial={requests} />
    </main>
  );
}
