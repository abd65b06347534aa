import { beforeAll, describe, expect, it } from "vitest";
import type { AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { createBoardWithTickets } from "@/tests/helpers/board-fixture";
import { testDatabaseKind, withTestDatabase } from "@/tests/helpers/test-database";

// Claims race for real: concurrent use-case calls against one database (SQLite's write lock,
// PostgreSQL's row locks), no mocks.

withTestDatabase();

const people: Record<"lead" | "engineer" | "viewer", Actor> = {
  lead: { kind: "user", id: "c-lead", role: "lead", name: "Lena Lead" },
  engineer: { kind: "user", id: "c-eng", role: "engineer", name: "Eli Engineer" },
  viewer: { kind: "user", id: "c-viewer", role: "viewer", name: "Vera Viewer" },
};
const outcomeOf = (outcome: PromiseSettledResult<unknown>) =>
  outcome.status === "fulfilled" ? "ok" : `${(outcome.reason as AppError).code}:${((outcome.reason as AppError).details as { reason?: string } | undefined)?.reason ?? ""}`;

beforeAll(async () => {
  const { db } = await import("@/lib/db");
  for (const person of Object.values(people)) {
    await db().user.create({ data: { id: person.id, name: person.name!, email: `${person.id}@example.com`, role: person.role } });
  }
});

async function registerAgents(prefix: string, count: number, capacity = 1): Promise<Actor[]> {
  const { registerAgent } = await import("@/lib/server/register-agent");
  const agents: Actor[] = [];
  for (let index = 1; index <= count; index += 1) {
    const { agent } = await registerAgent(people.lead, { name: `${prefix}-${index}`, kind: "worker", capacity });
    agents.push({ kind: "agent", id: agent.id, role: "agent", name: agent.name });
  }
  return agents;
}

describe(`claimTicket on ${testDatabaseKind()}`, () => {
  it("gives one ticket to exactly one of 16 agents claiming it at once", async () => {
    const { claimTicket } = await import("@/lib/server/claim-ticket");
    const { db } = await import("@/lib/db");
    const { ids } = await createBoardWithTickets("race", { backlog: 1 });
    const ticketId = ids.backlog![0]!;
    const agents = await registerAgents("racer", 16);
    const outcomes = await Promise.allSettled(agents.map((agent) => claimTicket(agent, ticketId)));
    const codes = outcomes.map(outcomeOf);
    expect(codes.filter((code) => code === "ok")).toHaveLength(1);
    expect(codes.filter((code) => code === "CONFLICT:ALREADY_CLAIMED")).toHaveLength(15);

    const winner = agents[codes.indexOf("ok")]!;
    const ticket = await db().ticket.findUniqueOrThrow({ where: { id: ticketId } });
    expect(ticket).toMatchObject({ assigneeAgentId: winner.id, assigneeUserId: null, status: "in_progress", version: 2 });
    expect(await db().auditEvent.count({ where: { action: "ticket.claimed", entityId: ticketId } })).toBe(1);
    const refused = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as AppError).message).toBe(`${ticketId} is already claimed by ${winner.name}. Pick another ticket from the ready queue (GET /api/v1/boards/{board}/ready?claimable=1).`);
  });

  it("never lets one agent's racing claims exceed its capacity", async () => {
    const { claimTicket } = await import("@/lib/server/claim-ticket");
    const { db } = await import("@/lib/db");
    const { ids } = await createBoardWithTickets("cap", { backlog: 16 });
    const [agent] = await registerAgents("greedy", 1, 2);
    const outcomes = await Promise.allSettled(ids.backlog!.map((id) => claimTicket(agent!, id)));
    const codes = outcomes.map(outcomeOf);
    expect(codes.filter((code) => code === "ok")).toHaveLength(2);
    expect(codes.filter((code) => code === "WIP_LIMIT_REACHED:")).toHaveLength(14);
    expect(await db().ticket.count({ where: { assigneeAgentId: agent!.id } })).toBe(2);
  });

  it("claims over the API with {} and answers 409 to the second claimant", async () => {
    const { POST } = await import("@/app/api/v1/tickets/[id]/claim/route");
    const { createApiToken } = await import("@/lib/server/create-api-token");
    const { registerAgent } = await import("@/lib/server/register-agent");
    const { actorFromRequest } = await import("@/lib/server/api-actor");
    const { ids } = await createBoardWithTickets("api", { backlog: 1 });
    const tokens: string[] = [];
    for (const name of ["api-a", "api-b"]) {
      const { secret } = await createApiToken(people.lead, { name, role: "agent" });
      const headers = { authorization: `Bearer ${secret}` };
      await registerAgent(await actorFromRequest(new Request("http://gateboard.test/", { headers })), { name, kind: "worker" });
      tokens.push(secret);
    }
    const claim = (token: string) =>
      POST(new Request(`http://gateboard.test/api/v1/tickets/${ids.backlog![0]}/claim`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: "{}" }), {
        params: Promise.resolve({ id: ids.backlog![0]! }),
      });
    const first = await claim(tokens[0]!);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ id: ids.backlog![0], boardKey: "api", status: "in_progress", version: 2, assignee: { kind: "agent", name: "api-a" } });
    const second = await claim(tokens[1]!);
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ error: { code: "CONFLICT", details: { reason: "ALREADY_CLAIMED", claimedBy: { kind: "agent", name: "api-a" } } } });
  });

  it("claims only open, unassigned, ready tickets", async () => {
    const { claimTicket } = await import("@/lib/server/claim-ticket");
    const { db } = await import("@/lib/db");
    const { ids } = await createBoardWithTickets("rdy", { backlog: 3 });
    const [blocked, blocker, deferred] = ids.backlog!;
    await db().dependency.create({ data: { id: "dep-rdy", issueId: blocked!, dependsOnId: blocker!, type: "blocks", metadata: {} } });
    await db().ticket.update({ where: { id: deferred! }, data: { status: "deferred" } });
    const [agent] = await registerAgents("picky", 1, 5);
    await expect(claimTicket(agent!, blocked!)).rejects.toMatchObject({ code: "BLOCKED_BY_DEPENDENCIES", message: `${blocked} is not ready to claim: blocked by ${blocker} (open).` });
    await expect(claimTicket(agent!, deferred!)).rejects.toMatchObject({ code: "CONFLICT", details: { reason: "NOT_OPEN", status: "deferred" } });
    await expect(claimTicket(agent!, "rdy-nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets a person claim for themselves and a lead claim for an agent, but not an engineer or a viewer", async () => {
    const { claimTicket } = await import("@/lib/server/claim-ticket");
    const { recordHeartbeat } = await import("@/lib/server/record-heartbeat");
    const { ids } = await createBoardWithTickets("ppl", { backlog: 4 });
    const [agent] = await registerAgents("assigned", 1, 3);
    await expect(claimTicket(people.engineer, ids.backlog![0]!)).resolves.toMatchObject({ assignee: { kind: "user", id: people.engineer.id } });
    await expect(claimTicket(people.lead, ids.backlog![1]!, { agentId: agent!.id })).resolves.toMatchObject({ assignee: { kind: "agent", id: agent!.id } });
    await expect(claimTicket(people.engineer, ids.backlog![2]!, { agentId: agent!.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(claimTicket(people.viewer, ids.backlog![2]!)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(claimTicket(null, ids.backlog![2]!)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    // A crashed agent claims nothing until it registers again.
    await recordHeartbeat(people.lead, agent!.id, { state: "crashed" });
    await expect(claimTicket(agent!, ids.backlog![3]!)).rejects.toMatchObject({ code: "CONFLICT", details: { reason: "AGENT_NOT_LIVE" } });
    // A token that never registered has no agent to hold the ticket.
    await expect(claimTicket({ kind: "agent", id: "token-without-agent", role: "agent" }, ids.backlog![3]!)).rejects.toMatchObject({ code: "CONFLICT", details: { reason: "NOT_REGISTERED" } });
  });
});
