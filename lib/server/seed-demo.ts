import "server-only";
import { generateNKeysBetween } from "fractional-indexing";
import { hashPassword } from "better-auth/crypto";
import { writeTransaction } from "@/lib/db";
import { newId } from "@/lib/domain/ids";
import { SYSTEM_ACTOR } from "@/lib/domain/permissions";
import { DEMO_AGENTS, DEMO_DEPENDENCIES, DEMO_PASSWORD, DEMO_TICKETS, DEMO_USERS } from "@/prisma/seed/demo-data";
import { createBoard } from "@/lib/server/create-board";
import { recordAudit, type AuditInput } from "@/lib/server/record-audit";

const DAY_MS = 86_400_000;
const STATUS_BY_PHASE: Record<string, string> = {
  backlog: "open",
  analyzing: "in_progress",
  building: "in_progress",
  testing: "in_progress",
  review: "in_progress",
  deploying: "in_progress",
  done: "closed",
};

export type SeedResult = { seeded: boolean; reason?: string; tickets?: number };

/**
 * Seeds the demo board, people and agents into an empty database (no boards, no users).
 * Refuses to touch a database that has any: the demo password must never land in a real
 * installation by accident.
 */
export async function seedDemo(now: Date = new Date()): Promise<SeedResult> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return writeTransaction(
    async (tx) => {
      const [boards, users] = await Promise.all([tx.board.count(), tx.user.count()]);
      if (boards > 0 || users > 0) return { seeded: false, reason: "the database already has boards or users" };

      const audit: AuditInput[] = [];
      const userIds = new Map<string, string>();
      for (const user of DEMO_USERS) {
        const id = newId();
        userIds.set(user.email, id);
        await tx.user.create({ data: { id, email: user.email, name: user.name, role: user.role, emailVerified: true } });
        await tx.account.create({ data: { id: newId(), accountId: id, providerId: "credential", userId: id, password: passwordHash } });
        audit.push({ action: "user.created", entityType: "user", entityId: id, after: { email: user.email, role: user.role, demo: true } });
      }
      const agentIds = new Map<string, string>();
      const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
      for (const agent of DEMO_AGENTS) {
        agentIds.set(agent.name, agent.id);
        await tx.agent.create({
          data: {
            id: agent.id, name: agent.name, kind: agent.kind, capabilities: [...agent.capabilities], capacity: agent.capacity, state: agent.state,
            heartbeatIntervalSec: agent.heartbeatIntervalSec, lastHeartbeatAt: minutesAgo(agent.lastHeartbeatMinutesAgo),
            currentTicketId: agent.currentTicketId ?? null, note: agent.note ?? null, respawnCount: agent.respawnCount,
            createdAt: minutesAgo(agent.history[0]?.minutesAgo ?? 0),
          },
        });
        await tx.agentStateChange.createMany({
          data: agent.history.map((change) => ({ id: newId(), agentId: agent.id, fromState: change.from, toState: change.to, note: change.note ?? null, at: minutesAgo(change.minutesAgo) })),
        });
        audit.push({ action: "agent.registered", entityType: "agent", entityId: agent.id, after: { name: agent.name, kind: agent.kind, state: agent.state, demo: true } });
      }
      await recordAudit(tx, SYSTEM_ACTOR, audit, now);

      const board = await createBoard(SYSTEM_ACTOR, { name: "Demo: Payments platform", key: "gb", workflow: "software-development" }, tx);
      const phases = await tx.phase.findMany({ where: { boardId: board.id }, select: { id: true, key: true } });
      const phaseIds = new Map(phases.map((phase) => [phase.key, phase.id]));

      const byPhase = new Map<string, typeof DEMO_TICKETS>();
      for (const ticket of DEMO_TICKETS) byPhase.set(ticket.phase, [...(byPhase.get(ticket.phase) ?? []), ticket]);
      const ticketAudit: AuditInput[] = [];
      // Parents first so the parent foreign key is satisfied.
      const ordered = [...DEMO_TICKETS].sort((a, b) => a.id.split(".").length - b.id.split(".").length);
      const ranks = new Map<string, string>();
      for (const [phase, tickets] of byPhase) {
        const keys = generateNKeysBetween(null, null, tickets.length);
        tickets.forEach((ticket, index) => ranks.set(ticket.id, keys[index]!));
        await tx.phase.update({ where: { id: phaseIds.get(phase)! }, data: { ticketCount: tickets.length } });
      }
      for (const ticket of ordered) {
        const assignee = ticket.assignee;
        const entered = new Date(now.getTime() - ticket.age * DAY_MS - 3_600_000);
        const status = ticket.status ?? STATUS_BY_PHASE[ticket.phase]!;
        await tx.ticket.create({
          data: {
            id: ticket.id,
            boardId: board.id,
            phaseId: phaseIds.get(ticket.phase)!,
            rank: ranks.get(ticket.id)!,
            title: ticket.title,
            description: ticket.description,
            acceptanceCriteria: ticket.acceptance ?? "",
            type: ticket.type,
            priority: ticket.priority,
            status,
            parentId: ticket.parent ?? null,
            assigneeUserId: assignee?.includes("@") ? userIds.get(assignee) ?? null : null,
            assigneeAgentId: assignee && !assignee.includes("@") ? agentIds.get(assignee) ?? null : null,
            labels: ticket.labels ?? [],
            files: ticket.files ?? [],
            checklist: [],
            phaseEnteredAt: entered,
            closedAt: status === "closed" ? entered : null,
            deferUntil: status === "deferred" ? new Date(now.getTime() + 14 * DAY_MS) : null,
            createdAt: new Date(entered.getTime() - 2 * DAY_MS),
          },
        });
        if (ticket.parent) {
          await tx.dependency.create({ data: { id: newId(), issueId: ticket.id, dependsOnId: ticket.parent, type: "parent-child", metadata: {} } });
        }
        ticketAudit.push({
          action: "ticket.created",
          entityType: "ticket",
          entityId: ticket.id,
          boardId: board.id,
          after: { title: ticket.title, phase: ticket.phase, type: ticket.type, priority: ticket.priority, status },
        });
      }
      for (const edge of DEMO_DEPENDENCIES) {
        await tx.dependency.create({ data: { id: newId(), issueId: edge.issue, dependsOnId: edge.dependsOn, type: edge.type, metadata: {} } });
        ticketAudit.push({ action: "dependency.added", entityType: "ticket", entityId: edge.issue, boardId: board.id, after: { dependsOn: edge.dependsOn, type: edge.type } });
      }
      await recordAudit(tx, SYSTEM_ACTOR, ticketAudit, now);
      return { seeded: true, tickets: DEMO_TICKETS.length };
    },
    { timeoutMs: 60_000 },
  );
}
