import type { Metadata } from "next";
import { connection } from "next/server";
import { AgentList } from "@/components/agents/agent-list";
import { AutoRefresh } from "@/components/agents/auto-refresh";
import { listAgents } from "@/lib/server/list-agents";
import { requirePageActor } from "@/lib/server/request-actor";

export const metadata: Metadata = { title: "Agents" };

export default async function AgentsPage() {
  await connection();
  const actor = await requirePageActor("/agents");
  const now = new Date();
  const agents = await listAgents(actor, { now });
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold tracking-tight">Agents</h1>
        <AutoRefresh everySeconds={15} asOf={now.toISOString()} />
      </div>
      <p className="mt-1 text-sm text-zinc-500">
        Who is alive and what each works on. An agent silent for 3 heartbeat intervals is stale; for 6, crashed, and its tickets are flagged as orphaned.
      </p>
      <AgentList agents={agents} now={now} />
    </main>
  );
}
