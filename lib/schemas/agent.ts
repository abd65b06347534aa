import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { AGENT_STATES } from "@/lib/domain/agents/lifecycle";
import type { AgentView } from "@/lib/server/list-agents";

extendZodWithOpenApi(z);

const ticketId = z.string().trim().min(1).max(120);

/** POST /api/v1/agents: an agent registers itself (again, after a crash or stop: a respawn). */
export const registerAgentSchema = z
  .object({
    name: z.string().trim().min(1, "name is required").max(80).regex(/^[A-Za-z0-9][A-Za-z0-9._:@-]*$/, "name is letters, digits and . _ : @ - (e.g. claude-worker-1)")
      .describe("Unique agent name; registering an existing stopped or crashed agent's name respawns it"),
    kind: z.string().trim().min(1, "kind is required").max(40).describe("What sort of agent: orchestrator, worker, reviewer, tool, …"),
    capabilities: z.array(z.string().trim().min(1).max(60)).max(50).default([]).describe("What it can do, e.g. typescript, tests"),
    capacity: z.int().min(1).max(100).default(1).describe("How many open tickets it may hold at once (per-agent WIP)"),
    heartbeatIntervalSec: z.int().min(1).max(3600).default(30).describe("How often it will heartbeat; silent for 3× this it is stale, for 6× crashed"),
  })
  .strict();
export type RegisterAgentInput = z.input<typeof registerAgentSchema>;

/** POST /api/v1/agents/{id}/heartbeat: a full report of what the agent is doing now. */
export const heartbeatSchema = z
  .object({
    state: z.enum(AGENT_STATES).describe("The agent's state now; stopped says goodbye. crashed is for a supervisor reporting a dead worker"),
    currentTicketId: ticketId.nullable().optional().describe("The ticket it works on now; omitted or null: none"),
    note: z.string().trim().max(500).nullable().optional().describe("A short status line shown on the Agents page"),
  })
  .strict();
export type HeartbeatInput = z.input<typeof heartbeatSchema>;

/** POST /api/v1/tickets/{id}/claim. */
export const claimTicketSchema = z
  .object({
    agentId: z.string().trim().min(1).max(80).optional().describe("Lead or admin only: claim for this agent instead of yourself"),
  })
  .strict();
export type ClaimTicketInput = z.input<typeof claimTicketSchema>;

export const agentIdParamsSchema = z.object({
  id: z.string().min(1).max(80).meta({ description: "Agent id (from registration or GET /api/v1/agents)" }),
});

const agentTicketSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  phase: z.string(),
  boardKey: z.string(),
  orphaned: z.boolean().meta({ description: "The agent crashed while holding it; nobody is working on it" }),
});

export const agentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    capabilities: z.array(z.string()),
    capacity: z.int(),
    state: z.enum(AGENT_STATES),
    stale: z.boolean().meta({ description: "Silent for more than 3 heartbeat intervals (and not yet crashed)" }),
    heartbeatIntervalSec: z.int(),
    lastHeartbeatAt: z.string().nullable(),
    staleAt: z.string().nullable().meta({ description: "When a live agent turns stale if it stays silent" }),
    crashedAt: z.string().nullable().meta({ description: "When a live agent is marked crashed if it stays silent" }),
    currentTicket: z.object({ id: z.string(), title: z.string().nullable(), boardKey: z.string().nullable() }).nullable(),
    note: z.string().nullable(),
    respawnCount: z.int(),
    claimed: z.array(agentTicketSchema).meta({ description: "Tickets assigned to the agent that are not closed" }),
    history: z
      .array(z.object({ fromState: z.string().nullable(), toState: z.string(), note: z.string().nullable(), at: z.string() }))
      .meta({ description: "Recent state changes, newest first" }),
    createdAt: z.string(),
  })
  .openapi("Agent");

export const agentListSchema = z.object({ items: z.array(agentSchema) });

export const claimedTicketSchema = z
  .object({
    id: z.string(),
    boardKey: z.string(),
    title: z.string(),
    status: z.string(),
    phase: z.string(),
    version: z.int(),
    assignee: z.object({ kind: z.enum(["user", "agent"]), id: z.string(), name: z.string() }),
  })
  .openapi("ClaimedTicket");

// Compile-time drift check: what the use cases return must fit the documented schema.
type Fits<Actual, Documented> = Actual extends Documented ? true : never;
export const _agentFits: Fits<AgentView, z.infer<typeof agentSchema>> = true;
