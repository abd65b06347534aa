import "server-only";
import { db, writeTransaction, type Tx } from "@/lib/db";
import { isLive, isRespawnable } from "@/lib/domain/agents/lifecycle";
import { formatDuration } from "@/lib/domain/agents/liveness";
import { AppError } from "@/lib/domain/errors";
import { newId } from "@/lib/domain/ids";
import { can, type Actor } from "@/lib/domain/permissions";
import { registerAgentSchema, type RegisterAgentInput } from "@/lib/schemas/agent";
import { parseOrThrow } from "@/lib/schemas/validation-issues";
import { authorize } from "@/lib/server/authorize";
import { agentView, type AgentView } from "@/lib/server/list-agents";
import { recordAudit } from "@/lib/server/record-audit";

export type RegisterAgentResult = { outcome: "created" | "respawned" | "updated"; agent: AgentView };

/** Who is registering: an agent token already speaking for an agent, one not yet linked, or neither. */
type Caller = { linkedAgent: { id: string; name: string } | null; unlinkedTokenId: string | null };

/**
 * An agent registers itself by name.
 * - A new name creates the agent (idle, alive from now).
 * - The name of a stopped, crashed or stale agent respawns it: state idle, respawnCount + 1,
 *   a state change `crashed → idle`. A stale agent counts because its process is presumed
 *   gone; the new registration is its replacement.
 * - The name of a live agent updates its profile, but only for the agent itself (its own
 *   token) or a lead/admin; anyone else is refused so two processes never share a name.
 *
 * Token linking: an agent-role token that is not linked to an agent yet becomes linked to
 * the agent it registers (ApiToken.agentId), so later calls with it act as that agent
 * (heartbeats, claims). A linked token speaks for exactly one agent and cannot register
 * another name. People (sessions, person-role tokens) register agents without linking.
 */
export async function registerAgent(actor: Actor | null, input: RegisterAgentInput, now: Date = new Date()): Promise<RegisterAgentResult> {
  const caller = await authorize(actor, "agent.register");
  const profile = parseOrThrow(registerAgentSchema, input, "The agent registration is not valid.");
  const { linkedAgent, unlinkedTokenId } = await identify(caller);
  if (linkedAgent && linkedAgent.name !== profile.name) {
    throw new AppError("CONFLICT", `This token speaks for agent ${linkedAgent.name}; it cannot register "${profile.name}". Create a token for the new agent (Tokens page or \`gateboard token create\`).`, {
      field: "name",
      agent: linkedAgent.name,
    });
  }

  const fields = {
    kind: profile.kind,
    capabilities: profile.capabilities,
    capacity: profile.capacity,
    heartbeatIntervalSec: profile.heartbeatIntervalSec,
  };
  const result = await writeTransaction(async (tx) => {
    const existing = await tx.agent.findUnique({
      where: { name: profile.name },
      select: { id: true, state: true, stale: true, respawnCount: true, lastHeartbeatAt: true, kind: true, capabilities: true, capacity: true, heartbeatIntervalSec: true },
    });

    if (!existing) {
      const id = newId();
      await tx.agent.create({ data: { id, name: profile.name, ...fields, state: "idle", stale: false, lastHeartbeatAt: now } });
      await tx.agentStateChange.create({ data: { id: newId(), agentId: id, fromState: null, toState: "idle", note: "registered", at: now } });
      const linked = await linkToken(tx, unlinkedTokenId, id);
      await recordAudit(tx, caller, { action: "agent.registered", entityType: "agent", entityId: id, after: { name: profile.name, ...fields, state: "idle", tokenLinked: linked } }, now);
      return { outcome: "created" as const, id };
    }

    const stale = isLive(existing.state) && existing.stale;
    const isSelf = linkedAgent?.id === existing.id;
    if (isRespawnable(existing.state) || (stale && !isSelf)) {
      const respawnCount = existing.respawnCount + 1;
      // Conditional on the count read: of two racing respawns of one name, one wins.
      const written = await tx.agent.updateMany({
        where: { id: existing.id, respawnCount: existing.respawnCount },
        data: { ...fields, state: "idle", stale: false, lastHeartbeatAt: now, respawnCount, currentTicketId: null, note: null },
      });
      if (written.count !== 1) throw new AppError("CONFLICT", `Agent ${profile.name} was registered by another process at the same moment. Try again.`, { field: "name" });
      const from = stale ? `${existing.state}, stale` : existing.state;
      await tx.agentStateChange.create({ data: { id: newId(), agentId: existing.id, fromState: existing.state, toState: "idle", note: `respawned (#${respawnCount}) after ${from}`, at: now } });
      const linked = await linkToken(tx, unlinkedTokenId, existing.id);
      await recordAudit(tx, caller, {
        action: "agent.respawned",
        entityType: "agent",
        entityId: existing.id,
        before: { state: existing.state, stale: existing.stale, respawnCount: existing.respawnCount },
        after: { state: "idle", stale: false, respawnCount, ...fields, tokenLinked: linked },
      }, now);
      return { outcome: "respawned" as const, id: existing.id };
    }

    if (!isSelf && !can(caller, "token.manage")) {
      const silent = existing.lastHeartbeatAt ? ` (last heartbeat ${formatDuration(now.getTime() - existing.lastHeartbeatAt.getTime())} ago)` : "";
      throw new AppError("CONFLICT", `Agent ${profile.name} is ${existing.state} and alive${silent}. Pick another name, or stop it first (heartbeat with state "stopped"); a crashed or stale agent's name can be taken over.`, {
        field: "name",
        state: existing.state,
      });
    }
    await tx.agent.update({ where: { id: existing.id }, data: { ...fields, lastHeartbeatAt: now, stale: false } });
    const linked = await linkToken(tx, unlinkedTokenId, existing.id);
    await recordAudit(tx, caller, {
      action: "agent.updated",
      entityType: "agent",
      entityId: existing.id,
      before: { kind: existing.kind, capabilities: existing.capabilities, capacity: existing.capacity, heartbeatIntervalSec: existing.heartbeatIntervalSec },
      after: { ...fields, tokenLinked: linked },
    }, now);
    return { outcome: "updated" as const, id: existing.id };
  }).catch((error: unknown) => {
    // Two first registrations of one new name: the database's unique name picks the winner.
    if ((error as { code?: string }).code === "P2002") throw new AppError("CONFLICT", `Agent ${profile.name} was registered by another process at the same moment. Try again.`, { field: "name" });
    throw error;
  });
  return { outcome: result.outcome, agent: await agentView(result.id, caller.boardScope ?? null, now) };
}

/**
 * A token's actor id is its agent's id once linked, and the token's own id before
 * (lib/server/api-actor.ts); which one it is tells a linked token from one to link.
 */
async function identify(caller: Actor): Promise<Caller> {
  if (caller.kind !== "agent") return { linkedAgent: null, unlinkedTokenId: null };
  const agent = await db().agent.findUnique({ where: { id: caller.id }, select: { id: true, name: true } });
  if (agent) return { linkedAgent: agent, unlinkedTokenId: null };
  const token = await db().apiToken.findUnique({ where: { id: caller.id }, select: { id: true, agentId: true } });
  return { linkedAgent: null, unlinkedTokenId: token && !token.agentId ? token.id : null };
}

async function linkToken(tx: Tx, tokenId: string | null, agentId: string): Promise<boolean> {
  if (!tokenId) return false;
  const linked = await tx.apiToken.updateMany({ where: { id: tokenId, agentId: null }, data: { agentId } });
  return linked.count === 1;
}
