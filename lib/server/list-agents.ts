import "server-only";
import { db, type Db, type Tx } from "@/lib/db";
import { isAgentState, isLive, type AgentState } from "@/lib/domain/agents/lifecycle";
import { judgeLiveness } from "@/lib/domain/agents/liveness";
import { SYSTEM_ACTOR, type Actor } from "@/lib/domain/permissions";
import { authorize } from "@/lib/server/authorize";
import { sweepAgents } from "@/lib/server/sweep-agents";

export type AgentTicketView = { id: string; title: string; status: string; phase: string; boardKey: string; orphaned: boolean };
export type AgentHistoryView = { fromState: string | null; toState: string; note: string | null; at: string };

/** One agent as the API and the Agents page show it. */
export type AgentView = {
  id: string;
  name: string;
  kind: string;
  capabilities: string[];
  capacity: number;
  state: AgentState;
  stale: boolean;
  heartbeatIntervalSec: number;
  lastHeartbeatAt: string | null;
  staleAt: string | null;
  crashedAt: string | null;
  currentTicket: { id: string; title: string | null; boardKey: string | null } | null;
  note: string | null;
  respawnCount: number;
  claimed: AgentTicketView[];
  history: AgentHistoryView[];
  createdAt: string;
};

const HISTORY_LENGTH = 12;

/**
 * Every registered agent with what it works on, its claimed tickets and recent state
 * changes. Runs the liveness sweep first, so a silent agent shows as stale or crashed the
 * moment someone looks, whatever the background timer's phase.
 */
export async function listAgents(actor: Actor | null, options: { now?: Date } = {}): Promise<AgentView[]> {
  const caller = await authorize(actor, "board.read");
  const now = options.now ?? new Date();
  await sweepAgents(SYSTEM_ACTOR, now);
  return agentViews(db(), {}, caller.boardScope ?? null, now);
}

/** The views of the agents matching `where`; tickets outside a board scope are left out. */
export async function agentViews(client: Db | Tx, where: { id?: string }, boardScope: string | null, now: Date): Promise<AgentView[]> {
  const scope = boardScope ? { boardId: boardScope } : {};
  const rows = await client.agent.findMany({
    where,
    orderBy: { name: "asc" },
    select: {
      id: true, name: true, kind: true, capabilities: true, capacity: true, state: true, stale: true, heartbeatIntervalSec: true,
      lastHeartbeatAt: true, currentTicketId: true, note: true, respawnCount: true, createdAt: true,
      assigned: {
        where: { status: { not: "closed" }, ...scope },
        orderBy: { id: "asc" },
        select: { id: true, title: true, status: true, orphanedAt: true, phase: { select: { name: true } }, board: { select: { key: true } } },
      },
      stateChanges: { orderBy: { at: "desc" }, take: HISTORY_LENGTH, select: { fromState: true, toState: true, note: true, at: true } },
    },
  });
  const currentIds = [...new Set(rows.map((row) => row.currentTicketId).filter((id): id is string => id !== null))];
  const current = currentIds.length
    ? await client.ticket.findMany({ where: { id: { in: currentIds }, ...scope }, select: { id: true, title: true, board: { select: { key: true } } } })
    : [];
  const currentById = new Map(current.map((ticket) => [ticket.id, ticket]));

  return rows.map((row) => {
    const state: AgentState = isAgentState(row.state) ? row.state : "crashed";
    const verdict = isLive(state) ? judgeLiveness({ lastHeartbeatAt: row.lastHeartbeatAt ?? row.createdAt, heartbeatIntervalSec: row.heartbeatIntervalSec, now }) : null;
    const ticket = row.currentTicketId ? currentById.get(row.currentTicketId) : undefined;
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      capabilities: Array.isArray(row.capabilities) ? row.capabilities.filter((c): c is string => typeof c === "string") : [],
      capacity: row.capacity,
      state,
      stale: isLive(state) && row.stale,
      heartbeatIntervalSec: row.heartbeatIntervalSec,
      lastHeartbeatAt: row.lastHeartbeatAt?.toISOString() ?? null,
      staleAt: verdict?.staleAt.toISOString() ?? null,
      crashedAt: verdict?.crashedAt.toISOString() ?? null,
      // A ticket on a board outside the caller's scope is not named.
      currentTicket: row.currentTicketId && (ticket || !boardScope) ? { id: row.currentTicketId, title: ticket?.title ?? null, boardKey: ticket?.board.key ?? null } : null,
      note: row.note,
      respawnCount: row.respawnCount,
      claimed: row.assigned.map((t) => ({ id: t.id, title: t.title, status: t.status, phase: t.phase.name, boardKey: t.board.key, orphaned: t.orphanedAt !== null })),
      history: row.stateChanges.map((change) => ({ fromState: change.fromState, toState: change.toState, note: change.note, at: change.at.toISOString() })),
      createdAt: row.createdAt.toISOString(),
    };
  });
}

/** One agent's view (after a registration or heartbeat). */
export async function agentView(agentId: string, boardScope: string | null, now: Date): Promise<AgentView> {
  const [view] = await agentViews(db(), { id: agentId }, boardScope, now);
  if (!view) throw new Error(`agent ${agentId} vanished after its own write`);
  return view;
}
