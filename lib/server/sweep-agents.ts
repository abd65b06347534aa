import "server-only";
import { db, writeTransaction, type Tx } from "@/lib/db";
import { LIVE_AGENT_STATES } from "@/lib/domain/agents/lifecycle";
import { formatDuration, judgeLiveness, type LivenessVerdict } from "@/lib/domain/agents/liveness";
import { newId } from "@/lib/domain/ids";
import { SYSTEM_ACTOR, type Actor } from "@/lib/domain/permissions";
import { authorize } from "@/lib/server/authorize";
import { recordAudit, type AuditInput } from "@/lib/server/record-audit";

export type SweepResult = { stale: string[]; crashed: string[]; orphanedTickets: string[] };

type Candidate = { id: string; name: string; state: string; stale: boolean; heartbeatIntervalSec: number; lastHeartbeatAt: Date | null; verdict: LivenessVerdict };

/**
 * Marks live agents that went silent: stale after 3 missed heartbeats, crashed after 6
 * (lib/domain/agents/liveness.ts). A crashed agent's open tickets are flagged as orphaned.
 * Writes a state change and an audit event per agent, as the system.
 *
 * Safe to run from several places at once (each app instance's timer, every agent list):
 * each write is conditional on the state and last heartbeat the sweep read, so a racing
 * sweep or a heartbeat that arrived meanwhile turns it into a no-op instead of a double
 * record. Costs one read when nothing is due.
 */
export async function sweepAgents(actor: Actor = SYSTEM_ACTOR, now: Date = new Date()): Promise<SweepResult> {
  await authorize(actor, "token.manage");
  const live = await db().agent.findMany({
    where: { state: { in: [...LIVE_AGENT_STATES] } },
    select: { id: true, name: true, state: true, stale: true, heartbeatIntervalSec: true, lastHeartbeatAt: true, createdAt: true },
  });
  const due: Candidate[] = live
    .map((agent) => ({ ...agent, verdict: judgeLiveness({ lastHeartbeatAt: agent.lastHeartbeatAt ?? agent.createdAt, heartbeatIntervalSec: agent.heartbeatIntervalSec, now }) }))
    .filter((agent) => agent.verdict.liveness === "crashed" || (agent.verdict.liveness === "stale" && !agent.stale));
  const result: SweepResult = { stale: [], crashed: [], orphanedTickets: [] };
  if (due.length === 0) return result;

  await writeTransaction(async (tx) => {
    const audit: AuditInput[] = [];
    for (const agent of due) {
      const seen = { id: agent.id, state: agent.state, stale: agent.stale, lastHeartbeatAt: agent.lastHeartbeatAt };
      const silence = `no heartbeat for ${formatDuration(agent.verdict.silentMs)} (expected every ${agent.heartbeatIntervalSec} s)`;
      if (agent.verdict.liveness === "stale") {
        const marked = await tx.agent.updateMany({ where: seen, data: { stale: true } });
        if (marked.count === 0) continue;
        await tx.agentStateChange.create({ data: { id: newId(), agentId: agent.id, fromState: agent.state, toState: agent.state, note: `stale: ${silence}`, at: now } });
        audit.push({ action: "agent.stale", entityType: "agent", entityId: agent.id, before: { stale: false }, after: { stale: true, state: agent.state }, reason: silence });
        result.stale.push(agent.name);
        continue;
      }
      const marked = await tx.agent.updateMany({ where: seen, data: { state: "crashed", stale: false } });
      if (marked.count === 0) continue;
      const orphaned = await orphanTickets(tx, agent.id, now);
      await tx.agentStateChange.create({ data: { id: newId(), agentId: agent.id, fromState: agent.state, toState: "crashed", note: silence, at: now } });
      audit.push({
        action: "agent.crashed",
        entityType: "agent",
        entityId: agent.id,
        before: { state: agent.state, stale: agent.stale },
        after: { state: "crashed", orphanedTickets: orphaned.map((ticket) => ticket.id) },
        reason: silence,
      });
      for (const ticket of orphaned) {
        audit.push({ action: "ticket.orphaned", entityType: "ticket", entityId: ticket.id, boardId: ticket.boardId, after: { agent: agent.name, agentId: agent.id }, reason: `agent ${agent.name} crashed: ${silence}` });
      }
      result.crashed.push(agent.name);
      result.orphanedTickets.push(...orphaned.map((ticket) => ticket.id));
    }
    await recordAudit(tx, SYSTEM_ACTOR, audit, now);
  });
  return result;
}

/** Flags the crashed agent's open tickets; the board's live update follows from their audit events. */
async function orphanTickets(tx: Tx, agentId: string, now: Date): Promise<Array<{ id: string; boardId: string }>> {
  const tickets = await tx.ticket.findMany({ where: { assigneeAgentId: agentId, status: { not: "closed" }, orphanedAt: null }, select: { id: true, boardId: true }, orderBy: { id: "asc" } });
  if (tickets.length > 0) await tx.ticket.updateMany({ where: { id: { in: tickets.map((ticket) => ticket.id) } }, data: { orphanedAt: now } });
  return tickets;
}

const SWEEP_EVERY_MS = 10_000;
const globalForSweep = globalThis as unknown as { gateboardAgentSweep?: ReturnType<typeof setInterval> };

/**
 * Runs the sweep in the background of a server process (started from instrumentation.ts),
 * so an agent crashes visibly on the board even when nobody opens the Agents page. Every
 * instance may run one: the sweep's conditional writes keep them from double-recording.
 */
export function startAgentSweepTimer(everyMs: number = SWEEP_EVERY_MS): void {
  if (globalForSweep.gateboardAgentSweep) return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepAgents()
      .catch((error: unknown) => console.error("agent sweep failed; retrying on the next tick", error))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  // The sweep must never keep a process alive that has nothing else to do (builds, scripts).
  timer.unref();
  globalForSweep.gateboardAgentSweep = timer;
}
