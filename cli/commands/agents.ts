import { Option, type Command } from "commander";
import type { z } from "zod";
import { AGENT_STATES } from "@/lib/domain/agents/lifecycle";
import type { agentListSchema, agentSchema, claimedTicketSchema } from "@/lib/schemas/agent";
import { segment } from "../http";
import { clientFor, commaList, integerOption, printJson } from "../io";
import { formatTable } from "../table";

type Agent = z.infer<typeof agentSchema>;

export function registerAgents(program: Command): void {
  program
    .command("agents")
    .description("Registered agents: state, liveness, current ticket, last heartbeat")
    .option("--json", "print the API's JSON")
    .action(async (options: { json?: boolean }, command: Command) => {
      const list = await clientFor(command).get<z.infer<typeof agentListSchema>>("/api/v1/agents");
      if (options.json) return printJson(list);
      console.log(
        formatTable(
          list.items,
          [
            { header: "ID", value: (agent) => agent.id },
            { header: "NAME", value: (agent) => agent.name, max: 30 },
            { header: "KIND", value: (agent) => agent.kind },
            { header: "STATE", value: (agent) => (agent.stale ? `${agent.state} (stale)` : agent.state) },
            { header: "HOLDS", value: (agent) => `${agent.claimed.length}/${agent.capacity}`, align: "right" },
            { header: "TICKET", value: (agent) => agent.currentTicket?.id },
            { header: "LAST HEARTBEAT", value: (agent) => agent.lastHeartbeatAt },
            { header: "NOTE", value: (agent) => agent.note, max: 40 },
          ],
          "No agents registered yet: `gateboard agent register --name NAME --kind worker`.",
        ),
      );
    });

  program
    .command("agent")
    .description("Agents")
    .command("register")
    .description("Register this agent (again after a crash: a respawn); links an unlinked agent token to it")
    .requiredOption("--name <name>", "unique name, e.g. claude-worker-3")
    .requiredOption("--kind <kind>", "orchestrator, worker, reviewer, tool, …")
    .option("--capacity <n>", "tickets it may hold at once", integerOption("--capacity", 1, 100))
    .option("--capabilities <a,b>", "comma-separated, e.g. typescript,tests", commaList)
    .option("--heartbeat-interval <seconds>", "how often it heartbeats", integerOption("--heartbeat-interval", 1, 3600))
    .option("--json", "print the API's JSON")
    .action(async (options: { name: string; kind: string; capacity?: number; capabilities?: string[]; heartbeatInterval?: number; json?: boolean }, command: Command) => {
      const agent = await clientFor(command).post<Agent>("/api/v1/agents", {
        name: options.name,
        kind: options.kind,
        capacity: options.capacity,
        capabilities: options.capabilities,
        heartbeatIntervalSec: options.heartbeatInterval,
      });
      if (options.json) return printJson(agent);
      const respawn = agent.respawnCount > 0 ? ` (respawn ${agent.respawnCount})` : "";
      console.log(`Registered agent ${agent.name}${respawn}: ${agent.state}, capacity ${agent.capacity}, heartbeat every ${agent.heartbeatIntervalSec} s.`);
      console.log(`Its id, for heartbeats: ${agent.id}`);
    });

  program
    .command("heartbeat")
    .description("Report an agent alive, with its state and the ticket it works on")
    .requiredOption("--agent <id>", "the agent's id (from `agent register`)")
    .addOption(new Option("--state <state>", "its state now").choices(AGENT_STATES).makeOptionMandatory())
    .option("--ticket <id>", "the ticket it works on now")
    .option("--note <text>", "a short status line for the Agents page")
    .option("--json", "print the API's JSON")
    .action(async (options: { agent: string; state: string; ticket?: string; note?: string; json?: boolean }, command: Command) => {
      const agent = await clientFor(command).post<Agent>(`/api/v1/agents/${segment(options.agent)}/heartbeat`, {
        state: options.state,
        currentTicketId: options.ticket,
        note: options.note,
      });
      if (options.json) return printJson(agent);
      console.log(`Heartbeat from ${agent.name}: ${agent.state}${agent.currentTicket ? ` on ${agent.currentTicket.id}` : ""}.`);
    });

  program
    .command("claim")
    .description("Claim a ready, open, unassigned ticket for this agent (exactly one of racing claims wins)")
    .argument("<id>", "the ticket, e.g. gb-a3f8")
    .option("--json", "print the API's JSON")
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      const ticket = await clientFor(command).post<z.infer<typeof claimedTicketSchema>>(`/api/v1/tickets/${segment(id)}/claim`, {});
      if (options.json) return printJson(ticket);
      console.log(`Claimed ${ticket.id} for ${ticket.assignee.name}: ${ticket.status} in ${ticket.phase} (version ${ticket.version}).`);
    });
}
