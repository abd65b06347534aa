import type { AgentView } from "@/lib/server/list-agents";
import { AgentCard } from "./agent-card";

/** Trouble first (crashed, then stale), then the live ones, then the stopped; by name within. */
function rank(agent: AgentView): number {
  if (agent.state === "crashed") return 0;
  if (agent.stale) return 1;
  if (agent.state === "stopped") return 3;
  return 2;
}

export function AgentList({ agents, now }: { agents: AgentView[]; now: Date }) {
  if (agents.length === 0) {
    return (
      <p className="mt-6 rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-500 dark:border-zinc-700">
        No agents have registered yet. An agent registers with <code className="font-mono">POST /api/v1/agents</code> or{" "}
        <code className="font-mono">npx gateboard agent register</code>, using an API token from the Tokens page.
      </p>
    );
  }
  const sorted = [...agents].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  const alive = agents.filter((agent) => agent.state !== "crashed" && agent.state !== "stopped" && !agent.stale).length;
  const stale = agents.filter((agent) => agent.stale).length;
  const crashed = agents.filter((agent) => agent.state === "crashed").length;
  return (
    <>
      <p className="mt-4 flex gap-4 text-sm" aria-label="Summary">
        <span>
          <span className="font-semibold tabular-nums">{alive}</span> alive
        </span>
        <span className={stale > 0 ? "text-amber-800 dark:text-amber-300" : "text-zinc-500"}>
          <span className="font-semibold tabular-nums">{stale}</span> stale
        </span>
        <span className={crashed > 0 ? "text-red-700 dark:text-red-400" : "text-zinc-500"}>
          <span className="font-semibold tabular-nums">{crashed}</span> crashed
        </span>
      </p>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        {sorted.map((agent) => (
          <AgentCard key={agent.id} agent={agent} now={now} />
        ))}
      </div>
    </>
  );
}
