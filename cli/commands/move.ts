import type { Command } from "commander";
import type { z } from "zod";
import type { moveResultSchema } from "@/lib/schemas/api-gates";
import { segment } from "../http";
import { clientFor, printJson } from "../io";
import { findTicket } from "../ticket-lookup";

type MoveResult = z.infer<typeof moveResultSchema>;

export function registerMove(program: Command): void {
  program
    .command("move")
    .description("Move a ticket to a phase (or reorder it in its own), with the version read just before")
    .argument("<id>", "the ticket, e.g. gb-a3f8")
    .argument("<phase>", "the target phase key, e.g. testing")
    .option("--after <id>", "the ticket that ends up just above it")
    .option("--before <id>", "the ticket that ends up just below it")
    .option("--reason <text>", "why; kept in the audit trail")
    .option("--override-wip", "lead or admin: move into a full hard-limit column (needs --reason)")
    .option("--json", "print the API's JSON")
    .action(async (id: string, phase: string, options: { after?: string; before?: string; reason?: string; overrideWip?: boolean; json?: boolean }, command: Command) => {
      const client = clientFor(command);
      const ticket = await findTicket(client, id);
      const result = await client.post<MoveResult>(`/api/v1/tickets/${segment(id)}/move`, {
        toPhase: phase,
        version: ticket.version,
        afterId: options.after,
        beforeId: options.before,
        reason: options.reason,
        overrideWip: options.overrideWip,
      });
      if (options.json) return printJson(result);
      console.log(describeMove(result));
    });
}

export function describeMove(result: MoveResult): string {
  const where = result.from === result.ticket.phase ? `Reordered ${result.ticket.id} in ${result.ticket.phase}` : `Moved ${result.ticket.id} from ${result.from} to ${result.ticket.phase}`;
  return `${where} (status ${result.ticket.status}, version ${result.ticket.version}).${wipFlagNote(result.wipFlag)}`;
}

/** What a ticket entering a column over its limit (by a move or a creation) adds to the output. */
export function wipFlagNote(flag: MoveResult["wipFlag"]): string {
  return flag === "over-soft-limit" ? " The column is now over its soft WIP limit." : flag === "hard-limit-overridden" ? " The hard WIP limit was overridden." : "";
}
