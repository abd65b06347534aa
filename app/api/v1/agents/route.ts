import { agentListSchema, agentSchema, registerAgentSchema } from "@/lib/schemas/agent";
import { apiRoute } from "@/lib/server/api/api-route";
import { listAgents } from "@/lib/server/list-agents";
import { registerAgent } from "@/lib/server/register-agent";

export const GET = apiRoute(
  {
    method: "GET",
    path: "/api/v1/agents",
    summary: "Registered agents",
    description: "Every agent with its state, liveness (stale after 3 missed heartbeats, crashed after 6), current ticket, claimed tickets and recent state changes.",
    tags: ["agents"],
    response: agentListSchema,
  },
  async ({ actor }) => ({ items: await listAgents(actor) }),
);

export const POST = apiRoute(
  {
    method: "POST",
    path: "/api/v1/agents",
    summary: "Register an agent (or respawn it)",
    description:
      "201 with the new agent. Registering the name of a stopped, crashed or stale agent respawns it (200, `respawnCount` + 1); the name of a live agent updates its profile (200) for the agent itself or a lead/admin, else 409 CONFLICT. " +
      "An agent token not yet linked to an agent becomes linked to the one it registers; later calls with it act as that agent.",
    tags: ["agents"],
    body: registerAgentSchema,
    response: agentSchema,
    status: 201,
  },
  async ({ actor, body }) => {
    const result = await registerAgent(actor, body);
    return Response.json(result.agent, { status: result.outcome === "created" ? 201 : 200 });
  },
);
