import type { Metadata } from "next";
import { InboxList } from "@/components/gates/inbox-list";
import { can } from "@/lib/domain/permissions";
import { listGateRequests } from "@/lib/server/list-gate-requests";
import { listPlansAtHardStop } from "@/lib/server/list-plan-hard-stops";
import { requirePageActor } from "@/lib/server/request-actor";

export const metadata: Metadata = { title: "Reviewer inbox" };

export default async function InboxPage() {
  const actor = await requirePageActor("/inbox");
  const [requests, plans] = await Promise.all([listGateRequests(actor, { status: "open" }), listPlansAtHardStop(actor)]);
  return (
    <main className="mx-auto max-w-4xl px-4 py-8">
      <h1 className="text-xl font-semibold tracking-tight">Reviewer inbox</h1>
      <p className="mt-1 text-sm text-zinc-500">Every open gate request across your boards and every plan stopped at its HARD STOP, oldest first, with the evidence to decide on.</p>
      <InboxList initial={{ requests, plans }} mayDecidePlans={actor.kind === "user" && can(actor, "gate.decide")} />
    </main>
  );
}
