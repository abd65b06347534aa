import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/permissions";
import { SYSTEM_ACTOR } from "@/lib/domain/permissions";
import { createBoardWithTickets } from "@/tests/helpers/board-fixture";
import { testDatabaseKind, withTestDatabase } from "@/tests/helpers/test-database";

// The agent registry through the real database and the real routes: registration and token
// linking, respawns, heartbeat transitions, stale → crashed by an injected clock (the only
// thing faked here), orphaned tickets and capacity.

withTestDatabase();

const people: Record<"admin" | "lead" | "engineer" | "viewer", Actor> = {
  admin: { kind: "user", id: "u-admin", role: "admin", name: "Ada Admin" },
  lead: { kind: "user", id: "u-lead", role: "lead", name: "Lena Lead" },
  engineer: { kind: "user", id: "u-eng", role: "engineer", name: "Eli Engineer" },
  viewer: { kind: "user", id: "u-viewer", role: "viewer", name: "Vera Viewer" },
};
const T0 = new Date("2026-11-23T12:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const request = (path: string, token: string, body?: unknown) =>
  new Request(`http://gateboard.test${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

beforeAll(async () => {
  const { db } = await import("@/lib/db");
  for (const person of Object.values(people)) {
    await db().user.create({ data: { id: person.id, name: person.name!, email: `${person.id}@example.com`, role: person.role } });
  }
});

async function agentToken(name: string): Promise<string> {
  const { createApiToken } = await import("@/lib/server/create-api-token");
  return (await createApiToken(people.admin, { name, role: "agent" })).secret;
}

async function asAgent(agentId: string, name: string): Promise<Actor> {
  return { kind: "agent", id: agentId, role: "agent", name };
}

async function history(agentId: string) {
  const { db } = await import("@/lib/db");
  return db().agentStateChange.findMany({ where: { agentId }, orderBy: { at: "asc" }, select: { fromState: true, toState: true, note: true } });
}

async function auditActions(entityId: string) {
  const { db } = await import("@/lib/db");
  return (await db().auditEvent.findMany({ where: { entityId }, orderBy: { seq: "asc" }, select: { action: true, actorKind: true } })).map((event) => `${event.actorKind}:${event.action}`);
}

describe(`agent registry on ${testDatabaseKind()}`, () => {
  it("registers over the API, links the token to the new agent and lets it heartbeat for itself only", async () => {
    const { POST: register } = await import("@/app/api/v1/agents/route");
    const { POST: heartbeat } = await import("@/app/api/v1/agents/[id]/heartbeat/route");
    const { db } = await import("@/lib/db");
    const token = await agentToken("reg-token");
    const created = await register(request("/api/v1/agents", token, { name: "reg-worker", kind: "worker", capabilities: ["typescript"], capacity: 2 }), ctx());
    expect(created.status).toBe(201);
    const agent = (await created.json()) as { id: string; name: string; state: string; respawnCount: number; capacity: number; stale: boolean };
    expect(agent).toMatchObject({ name: "reg-worker", state: "idle", respawnCount: 0, capacity: 2, stale: false });
    expect((await db().apiToken.findFirstOrThrow({ where: { name: "reg-token" } })).agentId).toBe(agent.id);
    expect(await history(agent.id)).toEqual([{ fromState: null, toState: "idle", note: "registered" }]);

    const beat = await heartbeat(request(`/api/v1/agents/${agent.id}/heartbeat`, token, { state: "busy", note: "reading the plan" }), ctx({ id: agent.id }));
    expect(beat.status).toBe(200);
    expect(await beat.json()).toMatchObject({ id: agent.id, state: "busy", note: "reading the plan" });

    const otherToken = await agentToken("other-token");
    const other = (await (await register(request("/api/v1/agents", otherToken, { name: "reg-other", kind: "worker" }), ctx())).json()) as { id: string };
    const refused = await heartbeat(request(`/api/v1/agents/${agent.id}/heartbeat`, otherToken, { state: "idle" }), ctx({ id: agent.id }));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    expect(other.id).not.toBe(agent.id);

    // A token speaks for one agent: it cannot register a second name.
    const second = await register(request("/api/v1/agents", token, { name: "reg-worker-2", kind: "worker" }), ctx());
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ error: { code: "CONFLICT", details: { agent: "reg-worker" } } });
    // Registering its own name again while alive updates the profile.
    const again = await register(request("/api/v1/agents", token, { name: "reg-worker", kind: "worker", capacity: 3 }), ctx());
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: agent.id, capacity: 3, respawnCount: 0, state: "busy" });
    expect(await auditActions(agent.id)).toEqual(["agent:agent.registered", "agent:agent.state_changed", "agent:agent.updated"]);
  });

  it("refuses a live agent's name to anyone but itself and the leads", async () => {
    const { registerAgent } = await import("@/lib/server/register-agent");
    const first = await registerAgent(people.lead, { name: "taken", kind: "worker" }, at(0));
    const token = await agentToken("intruder");
    const { POST: register } = await import("@/app/api/v1/agents/route");
    const refused = await register(request("/api/v1/agents", token, { name: "taken", kind: "worker" }), ctx());
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^Agent taken is idle and alive \(last heartbeat .+ ago\)\. Pick another name/);
    await expect(registerAgent(people.engineer, { name: "taken", kind: "worker" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(registerAgent(people.lead, { name: "taken", kind: "reviewer" }, at(1))).resolves.toMatchObject({ outcome: "updated", agent: { id: first.agent.id, kind: "reviewer" } });
    await expect(registerAgent(people.lead, { name: "bad name!", kind: "worker" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("checks heartbeat transitions: live states move freely, stopped and crashed only come back by registering", async () => {
    const { registerAgent } = await import("@/lib/server/register-agent");
    const { recordHeartbeat } = await import("@/lib/server/record-heartbeat");
    const { agent } = await registerAgent(people.lead, { name: "cycler", kind: "worker" }, at(0));
    const self = await asAgent(agent.id, "cycler");
    await recordHeartbeat(self, agent.id, { state: "busy" }, at(1));
    await recordHeartbeat(self, agent.id, { state: "busy" }, at(2));
    await recordHeartbeat(self, agent.id, { state: "paused", note: "waiting for review" }, at(3));
    await recordHeartbeat(self, agent.id, { state: "idle" }, at(4));
    const stopped = await recordHeartbeat(self, agent.id, { state: "stopped" }, at(5));
    expect(stopped.state).toBe("stopped");
    await expect(recordHeartbeat(self, agent.id, { state: "busy" }, at(6))).rejects.toMatchObject({
      code: "TRANSITION_NOT_ALLOWED",
      message: "Agent cycler is stopped: a heartbeat cannot bring it back. Register again (POST /api/v1/agents with the same name) to respawn it.",
    });
    await expect(recordHeartbeat(self, agent.id, { state: "sleeping" as never }, at(6))).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(recordHeartbeat(self, agent.id, { state: "idle", currentTicketId: "nope-1" }, at(6))).rejects.toMatchObject({ code: "VALIDATION_FAILED" });

    const back = await registerAgent(self, { name: "cycler", kind: "worker" }, at(7));
    expect(back).toMatchObject({ outcome: "respawned", agent: { state: "idle", respawnCount: 1 } });
    expect((await history(agent.id)).map((row) => `${row.fromState}→${row.toState}`)).toEqual(["null→idle", "idle→busy", "busy→paused", "paused→idle", "idle→stopped", "stopped→idle"]);
    // A supervisor (lead) may report for any agent, an engineer may not.
    await expect(recordHeartbeat(people.engineer, agent.id, { state: "busy" }, at(8))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordHeartbeat(people.lead, agent.id, { state: "crashed", note: "OOM-killed" }, at(8))).resolves.toMatchObject({ state: "crashed" });
  });

  it("turns a silent agent stale after 3 intervals and crashed after 6, flags its tickets, and a respawn brings it back", async () => {
    const { registerAgent } = await import("@/lib/server/register-agent");
    const { recordHeartbeat } = await import("@/lib/server/record-heartbeat");
    const { listAgents } = await import("@/lib/server/list-agents");
    const { claimTicket } = await import("@/lib/server/claim-ticket");
    const { db } = await import("@/lib/db");
    const { ids } = await createBoardWithTickets("sil", { backlog: 2 });
    const { agent } = await registerAgent(people.lead, { name: "silent", kind: "worker", capacity: 2, heartbeatIntervalSec: 10 }, at(0));
    const self = await asAgent(agent.id, "silent");
    await claimTicket(self, ids.backlog![0]!, {}, at(1));
    await recordHeartbeat(self, agent.id, { state: "busy", currentTicketId: ids.backlog![0]! }, at(2));

    const find = async (now: Date) => (await listAgents(people.viewer, { now })).find((a) => a.id === agent.id)!;
    expect(await find(at(32))).toMatchObject({ state: "busy", stale: false, staleAt: at(32).toISOString(), crashedAt: at(62).toISOString() });
    expect(await find(at(33))).toMatchObject({ state: "busy", stale: true });
    expect(await find(at(40))).toMatchObject({ state: "busy", stale: true });
    const crashed = await find(at(63));
    expect(crashed).toMatchObject({ state: "crashed", stale: false, currentTicket: { id: ids.backlog![0]! } });
    expect(crashed.claimed).toEqual([expect.objectContaining({ id: ids.backlog![0]!, orphaned: true })]);
    expect((await history(agent.id)).slice(-2)).toEqual([
      { fromState: "busy", toState: "busy", note: "stale: no heartbeat for 31 s (expected every 10 s)" },
      { fromState: "busy", toState: "crashed", note: "no heartbeat for 61 s (expected every 10 s)" },
    ]);
    expect(await auditActions(agent.id)).toEqual(expect.arrayContaining(["system:agent.stale", "system:agent.crashed"]));
    expect(await auditActions(ids.backlog![0]!)).toEqual(["agent:ticket.claimed", "system:ticket.orphaned"]);

    await expect(recordHeartbeat(self, agent.id, { state: "busy" }, at(64))).rejects.toMatchObject({ code: "TRANSITION_NOT_ALLOWED" });
    const respawned = await registerAgent(self, { name: "silent", kind: "worker", capacity: 2, heartbeatIntervalSec: 10 }, at(70));
    expect(respawned).toMatchObject({ outcome: "respawned", agent: { state: "idle", respawnCount: 1, stale: false } });
    expect((await history(agent.id)).at(-1)).toEqual({ fromState: "crashed", toState: "idle", note: "respawned (#1) after crashed" });
    // Still flagged until the agent says it works on the ticket again.
    expect((await db().ticket.findUniqueOrThrow({ where: { id: ids.backlog![0]! } })).orphanedAt).not.toBeNull();
    await recordHeartbeat(self, agent.id, { state: "busy", currentTicketId: ids.backlog![0]! }, at(71));
    expect((await db().ticket.findUniqueOrThrow({ where: { id: ids.backlog![0]! } })).orphanedAt).toBeNull();
    expect((await find(at(72))).claimed).toEqual([expect.objectContaining({ orphaned: false })]);
  });

  it("records a stale agent once when sweeps race, and a heartbeat clears stale with a note in the history", async () => {
    const { registerAgent } = await import("@/lib/server/register-agent");
    const { recordHeartbeat } = await import("@/lib/server/record-heartbeat");
    const { sweepAgents } = await import("@/lib/server/sweep-agents");
    const { agent } = await registerAgent(people.lead, { name: "racy", kind: "worker", heartbeatIntervalSec: 5 }, at(1000));
    const results = await Promise.all(Array.from({ length: 4 }, () => sweepAgents(SYSTEM_ACTOR, at(1016))));
    expect(results.flatMap((result) => result.stale).filter((name) => name === "racy")).toEqual(["racy"]);
    expect((await history(agent.id)).filter((row) => row.note?.startsWith("stale"))).toHaveLength(1);
    const back = await recordHeartbeat(await asAgent(agent.id, "racy"), agent.id, { state: "idle" }, at(1017));
    expect(back.stale).toBe(false);
    expect((await history(agent.id)).at(-1)).toEqual({ fromState: "idle", toState: "idle", note: "back after 17 s silence" });
  });

  it("takes over a stale agent's name as a respawn, and lists agents for every role that can read", async () => {
    const { registerAgent } = await import("@/lib/server/register-agent");
    const { listAgents } = await import("@/lib/server/list-agents");
    await registerAgent(people.lead, { name: "laggard", kind: "worker", heartbeatIntervalSec: 10 }, at(2000));
    await listAgents(people.viewer, { now: at(2035) });
    const token = await agentToken("replacement");
    const { POST: register } = await import("@/app/api/v1/agents/route");
    const response = await register(request("/api/v1/agents", token, { name: "laggard", kind: "worker", heartbeatIntervalSec: 10 }), ctx());
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ name: "laggard", state: "idle", respawnCount: 1, stale: false });
    const { GET } = await import("@/app/api/v1/agents/route");
    const list = (await (await GET(request("/api/v1/agents", token), ctx())).json()) as { items: Array<{ name: string }> };
    expect(list.items.map((item) => item.name)).toContain("laggard");
    await expect(listAgents(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("enforces an agent's capacity on claims", async () => {
    const { registerAgent } = await import("@/lib/server/register-agent");
    const { claimTicket } = await import("@/lib/server/claim-ticket");
    const { ids } = await createBoardWithTickets("cap", { backlog: 3 });
    const { agent } = await registerAgent(people.lead, { name: "small", kind: "worker", capacity: 1 }, at(3000));
    const self = await asAgent(agent.id, "small");
    await expect(claimTicket(self, ids.backlog![0]!)).resolves.toMatchObject({ status: "in_progress", version: 2, assignee: { kind: "agent", name: "small" } });
    await expect(claimTicket(self, ids.backlog![1]!)).rejects.toMatchObject({
      code: "WIP_LIMIT_REACHED",
      message: "Agent small already holds 1 ticket, its capacity is 1. Finish or hand one over before claiming another.",
    });
  });
});
