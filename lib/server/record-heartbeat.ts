import "server-only";
import { db, writeTransaction } from "@/lib/db";
import { checkHeartbeatTransition, isAgentState } from "@/lib/domain/agents/lifecycle";
import { formatDuration } from "@/lib/domain/agents/liveness";
import { AppError } from "@/lib/domain/errors";
import { newId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import { heartbeatSchema, type HeartbeatInput } from "@/lib/schemas/agent";
import { parseOrThrow } from "@/lib/schemas/validation-issues";
import { authorize } from "@/lib/server/authorize";
import { agentView, type AgentView } from "@/lib/server/list-agents";
import { recordAudit, type AuditInput } from "@/lib/server/record-audit";

/**
 * An agent reports that it is alive, in which state, on which ticket. A heartbeat is a full
 * report: an omitted ticket or note means none. It clears `stale`; a state change is
 * checked against the lifecycle and recorded in the agent's history. The agent heartbeats
 * for itself only; a lead or an admin may for any agent (e.g. a supervisor reporting a
 * crash). A plain "still here, nothing changed" heartbeat updates the last-seen time and
 * writes no audit event: it records no change, and there would be thousands a day.
 */
export async function recordHeartbeat(actor: Actor | null, agentId: string, input: HeartbeatInput, now: Date = new Date()): Promise<AgentView> {
  const isSelf = actor?.kind === "agent" && actor.id === agentId;
  const caller = await authorize(actor, isSelf ? "agent.register" : "token.manage", undefined, {
    message: "An agent may only heartbeat for itself (a lead or an admin may for any agent). A token that has not registered yet: register first (POST /api/v1/agents) to link it to its agent.",
  });
  const report = parseOrThrow(heartbeatSchema, input, "The heartbeat is not valid.");
  const currentTicketId = report.currentTicketId ?? null;
  const ticket = currentTicketId ? await db().ticket.findUnique({ where: { id: currentTicketId }, select: { id: true, boardId: true } }) : null;
  if (currentTicketId && (!ticket || (caller.boardScope && caller.boardScope !== ticket.boardId))) {
    throw new AppError("VALIDATION_FAILED", `currentTicketId: no ticket ${currentTicketId}.`, { issues: [{ path: "currentTicketId", message: `No ticket ${currentTicketId}` }] });
  }

  await writeTransaction(async (tx) => {
    const agent = await tx.agent.findUnique({ where: { id: agentId }, select: { id: true, name: true, state: true, stale: true, lastHeartbeatAt: true, currentTicketId: true } });
    if (!agent) throw new AppError("NOT_FOUND", `No agent ${agentId}. Register first (POST /api/v1/agents).`);
    const from = isAgentState(agent.state) ? agent.state : "crashed";
    const check = checkHeartbeatTransition(agent.name, from, report.state);
    if (!check.allowed) throw new AppError("TRANSITION_NOT_ALLOWED", check.message, { from, to: report.state, allowed: check.allowedTargets });

    // Conditional on the state read, so a sweep that marks the agent crashed meanwhile wins
    // and this heartbeat is refused like any other heartbeat of a crashed agent.
    const written = await tx.agent.updateMany({
      where: { id: agent.id, state: agent.state },
      data: { state: report.state, stale: false, lastHeartbeatAt: now, currentTicketId, note: report.note ?? null },
    });
    if (written.count !== 1) throw new AppError("TRANSITION_NOT_ALLOWED", `Agent ${agent.name} changed state while this heartbeat was on its way. Register again if it was marked crashed.`, { from });

    const changedState = from !== report.state;
    const silence = agent.lastHeartbeatAt ? formatDuration(now.getTime() - agent.lastHeartbeatAt.getTime()) : null;
    if (changedState || agent.stale) {
      const note = [agent.stale ? `back after ${silence ?? "a long"} silence` : null, report.note ?? null].filter(Boolean).join(" · ") || null;
      await tx.agentStateChange.create({ data: { id: newId(), agentId: agent.id, fromState: from, toState: report.state, note, at: now } });
    }
    // The agent is working on an orphaned ticket of its own again: nobody needs to pick it up.
    const reclaimed = currentTicketId ? await tx.ticket.updateMany({ where: { id: currentTicketId, assigneeAgentId: agent.id, orphanedAt: { not: null } }, data: { orphanedAt: null } }) : { count: 0 };
    const audit: AuditInput[] = [];
    if (changedState || agent.stale || agent.currentTicketId !== currentTicketId) {
      audit.push({
        action: changedState ? "agent.state_changed" : "agent.reported",
        entityType: "agent",
        entityId: agent.id,
        before: { state: from, stale: agent.stale, currentTicketId: agent.currentTicketId },
        after: { state: report.state, stale: false, currentTicketId },
        reason: report.note ?? null,
      });
    }
    // With the board id, so the board's live view drops the flag.
    if (reclaimed.count > 0 && ticket) audit.push({ action: "ticket.unorphaned", entityType: "ticket", entityId: ticket.id, boardId: ticket.boardId, after: { agent: agent.name, agentId: agent.id } });
    await recordAudit(tx, caller, audit, now);
  });
  return agentView(agentId, caller.boardScope ?? null, now);
}
