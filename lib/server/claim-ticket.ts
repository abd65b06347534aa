import "server-only";
import { db, dbKind, writeTransaction, type Tx } from "@/lib/db";
import { checkAgentCapacity } from "@/lib/domain/agents/capacity";
import { isLive } from "@/lib/domain/agents/lifecycle";
import { computeReadyQueue, type NotReadyReason } from "@/lib/domain/dependencies/ready-queue";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { claimTicketSchema, type ClaimTicketInput } from "@/lib/schemas/agent";
import { parseOrThrow } from "@/lib/schemas/validation-issues";
import { authorize } from "@/lib/server/authorize";
import { loadBoardGraph } from "@/lib/server/load-board-graph";
import { recordAudit } from "@/lib/server/record-audit";

export type ClaimedTicket = {
  id: string;
  boardKey: string;
  title: string;
  status: string;
  phase: string;
  version: number;
  assignee: { kind: "user" | "agent"; id: string; name: string };
};

type Claimant = { kind: "agent"; id: string } | { kind: "user"; id: string };

/**
 * Takes an open, unassigned, ready ticket: assigns it to the caller (an agent, or a person),
 * sets it in progress and bumps its version. Exactly one of any number of racing claims
 * wins: the write is conditional on the ticket still being open and unassigned, and
 * PostgreSQL re-checks that condition after waiting on the row lock, so the losers find
 * nothing to update and get 409 CONFLICT (details.reason "ALREADY_CLAIMED"). An agent's
 * capacity (open tickets it holds) is counted under a lock on the agent row, so two claims
 * by one agent cannot both squeeze under it. A lead or admin may claim for an agent.
 */
export async function claimTicket(actor: Actor | null, ticketId: string, input: ClaimTicketInput = {}, now: Date = new Date()): Promise<ClaimedTicket> {
  const notFound = `No ticket ${ticketId}.`;
  const located = await db().ticket.findUnique({ where: { id: ticketId }, select: { boardId: true } });
  if (actor && !located) throw new AppError("NOT_FOUND", notFound);
  const outOfScope = !!actor?.boardScope && actor.boardScope !== located?.boardId;
  const caller = await authorize(actor, "ticket.claim", located?.boardId, outOfScope ? { notFoundMessage: notFound } : {});
  const boardId = located!.boardId;
  const { agentId } = parseOrThrow(claimTicketSchema, input, "The claim is not valid.");
  const claimant = await claimantFor(caller, boardId, agentId);
  await refuseUnlessReady(ticketId, boardId, now);

  return writeTransaction(async (tx) => {
    let assignee: ClaimedTicket["assignee"];
    if (claimant.kind === "agent") {
      await lockAgent(tx, claimant.id);
      const agent = await tx.agent.findUnique({ where: { id: claimant.id }, select: { id: true, name: true, state: true, capacity: true } });
      if (!agent) throw new AppError("NOT_FOUND", `No agent ${claimant.id}. Register first (POST /api/v1/agents).`, { field: "agentId" });
      if (!isLive(agent.state)) throw new AppError("CONFLICT", `Agent ${agent.name} is ${agent.state}: register it again before it claims work.`, { reason: "AGENT_NOT_LIVE", state: agent.state });
      const held = await tx.ticket.count({ where: { assigneeAgentId: agent.id, status: { not: "closed" } } });
      const capacity = checkAgentCapacity(agent.name, agent.capacity, held);
      if (!capacity.allowed) throw new AppError("WIP_LIMIT_REACHED", capacity.message, { agentId: agent.id, capacity: agent.capacity, held });
      assignee = { kind: "agent", id: agent.id, name: agent.name };
    } else {
      const user = await tx.user.findUniqueOrThrow({ where: { id: claimant.id }, select: { id: true, name: true } });
      assignee = { kind: "user", id: user.id, name: user.name };
    }

    const claimed = await tx.ticket.updateMany({
      where: { id: ticketId, status: "open", assigneeAgentId: null, assigneeUserId: null },
      data: {
        status: "in_progress",
        version: { increment: 1 },
        orphanedAt: null,
        ...(assignee.kind === "agent" ? { assigneeAgentId: assignee.id } : { assigneeUserId: assignee.id }),
      },
    });
    if (claimed.count !== 1) throw await notClaimable(tx, ticketId);

    const ticket = await tx.ticket.findUniqueOrThrow({
      where: { id: ticketId },
      select: { id: true, title: true, status: true, version: true, boardId: true, phase: { select: { name: true } }, board: { select: { key: true } } },
    });
    await recordAudit(tx, caller, {
      action: "ticket.claimed",
      entityType: "ticket",
      entityId: ticket.id,
      boardId: ticket.boardId,
      before: { status: "open", assignee: null, version: ticket.version - 1 },
      after: { status: ticket.status, assignee: { kind: assignee.kind, id: assignee.id, name: assignee.name }, version: ticket.version },
    }, now);
    return { id: ticket.id, boardKey: ticket.board.key, title: ticket.title, status: ticket.status, phase: ticket.phase.name, version: ticket.version, assignee };
  });
}

/** Who the ticket goes to: the calling agent or person, or (lead, admin) the agent named. */
async function claimantFor(caller: Actor, boardId: string, agentId: string | undefined): Promise<Claimant> {
  if (agentId && !(caller.kind === "agent" && caller.id === agentId)) {
    await authorize(caller, "board.manage", boardId, { message: "Only a lead or an admin may claim a ticket for another agent; agents claim for themselves." });
    return { kind: "agent", id: agentId };
  }
  if (caller.kind === "agent") {
    const agent = await db().agent.findUnique({ where: { id: caller.id }, select: { id: true } });
    if (!agent) throw new AppError("CONFLICT", "This token is not linked to an agent yet: register first (POST /api/v1/agents), then claim.", { reason: "NOT_REGISTERED" });
    return { kind: "agent", id: agent.id };
  }
  const user = await db().user.findUnique({ where: { id: caller.id }, select: { id: true } });
  if (!user) throw new AppError("VALIDATION_FAILED", "This token belongs to no person or agent: pass agentId to claim for an agent, or use an agent's token.", { field: "agentId" });
  return { kind: "user", id: user.id };
}

/** Claimable means ready by beads' rule: nothing blocking, not deferred (PRODUCT.md). */
async function refuseUnlessReady(ticketId: string, boardId: string, now: Date): Promise<void> {
  const graph = await loadBoardGraph(db(), boardId);
  const reasons = computeReadyQueue(graph.tickets, graph.edges, { now }).explain[ticketId] ?? [];
  const nonWork = reasons.find((reason) => reason.kind === "non-work-type");
  if (nonWork) throw new AppError("CONFLICT", `${ticketId} is a ${nonWork.type}: coordination, not work to pick up.`, { reason: "NOT_WORK", type: nonWork.type });
  // Status problems (closed, not open) are judged atomically inside the claim itself.
  const blocking = reasons.filter((reason) => !["closed", "status"].includes(reason.kind));
  if (blocking.length === 0) return;
  throw new AppError("BLOCKED_BY_DEPENDENCIES", `${ticketId} is not ready to claim: ${blocking.map(describe).join("; ")}.`, { reasons: blocking });
}

function describe(reason: NotReadyReason): string {
  switch (reason.kind) {
    case "blocked-by":
      return `blocked by ${reason.blockerId} (${reason.blockerStatus})`;
    case "waits-for":
      return `waits for ${reason.spawnerId} (${reason.openChildIds.length} open)`;
    case "parent-blocked":
      return `parent ${reason.parentId} is blocked`;
    case "deferred":
      return `deferred until ${reason.until.slice(0, 10)}`;
    case "ancestor-deferred":
      return `parent ${reason.ancestorId} is deferred until ${reason.until.slice(0, 10)}`;
    default:
      return reason.kind;
  }
}

/** Why the conditional claim found nothing: someone holds the ticket, or it is not open. */
async function notClaimable(tx: Tx, ticketId: string): Promise<AppError> {
  const ticket = await tx.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    select: { status: true, assigneeAgent: { select: { id: true, name: true } }, assigneeUser: { select: { id: true, name: true } } },
  });
  const holder = ticket.assigneeAgent ? { kind: "agent", ...ticket.assigneeAgent } : ticket.assigneeUser ? { kind: "user", ...ticket.assigneeUser } : null;
  if (holder) {
    return new AppError("CONFLICT", `${ticketId} is already claimed by ${holder.name}. Pick another ticket from the ready queue (GET /api/v1/boards/{board}/ready?claimable=1).`, {
      reason: "ALREADY_CLAIMED",
      claimedBy: holder,
    });
  }
  return new AppError("CONFLICT", `${ticketId} is ${ticket.status}; only open tickets can be claimed.`, { reason: "NOT_OPEN", status: ticket.status });
}

/** PostgreSQL: serialises claims by one agent so its capacity count stays true. SQLite's write lock already does. */
async function lockAgent(tx: Tx, agentId: string): Promise<void> {
  if (dbKind() !== "postgresql") return;
  await tx.$queryRaw`SELECT id FROM "Agent" WHERE id = ${agentId} FOR UPDATE`;
}
