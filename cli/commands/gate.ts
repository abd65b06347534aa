import type { Command } from "commander";
import type { z } from "zod";
import type { boardViewSchema } from "@/lib/schemas/api";
import type { moveResultSchema } from "@/lib/schemas/api-gates";
import { ApiError, CliError, segment } from "../http";
import { clientFor, printJson } from "../io";
import { findTicket } from "../ticket-lookup";
import { describeMove } from "./move";

type BoardView = z.infer<typeof boardViewSchema>;
type MoveResult = z.infer<typeof moveResultSchema>;

/**
 * Gateboard opens a gate request when a move needs an unmet gate (there is no separate
 * "request" endpoint: the request is the move). So `gate request` moves the ticket on to the
 * next phase of its workflow, or --to: met gates let it through at once; otherwise the API
 * answers GATE_PENDING with the open request, which the ticket leaves by itself once the
 * evidence arrives or the reviewers approve. Either way the request was made: exit 0.
 */
export function registerGate(program: Command): void {
  program
    .command("gate")
    .description("Gates on transitions")
    .command("request")
    .description("Ask to move a ticket on through its gate: to the next phase, or --to")
    .argument("<id>", "the ticket, e.g. gb-a3f8")
    .option("--to <phase>", "the target phase (default: the next phase the workflow allows)")
    .option("--reason <text>", "why; kept in the audit trail")
    .option("--json", "print the outcome as JSON")
    .action(async (id: string, options: { to?: string; reason?: string; json?: boolean }, command: Command) => {
      const client = clientFor(command);
      const ticket = await findTicket(client, id);
      const to = options.to ?? nextPhase(await client.get<BoardView>(`/api/v1/boards/${segment(ticket.board)}`), ticket.phase);
      try {
        const moved = await client.post<MoveResult>(`/api/v1/tickets/${segment(id)}/move`, { toPhase: to, version: ticket.version, reason: options.reason });
        if (options.json) return printJson(moved);
        console.log(`${describeMove(moved)} Nothing on ${ticket.phase} → ${to} was left to wait for.`);
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== "GATE_PENDING") throw error;
        const details = (error.details ?? {}) as { gateRequestId?: string; needs?: string[] };
        if (options.json) return printJson({ outcome: "gate_pending", gateRequestId: details.gateRequestId ?? null, needs: details.needs ?? [], ticket: { id, phase: ticket.phase }, to });
        console.log(`Gate request ${details.gateRequestId} is open: ${id} waits in ${ticket.phase} to move to ${to}.`);
        for (const need of details.needs ?? []) console.log(`  waiting for: ${need}`);
        console.log("The ticket moves on by itself once the evidence is attached or the reviewers approve.");
      }
    });
}

/** The allowed target right of the current phase on the board (the workflow's way forward). */
export function nextPhase(board: Pick<BoardView, "key" | "phases">, current: string): string {
  const here = board.phases.find((phase) => phase.key === current);
  if (!here) throw new CliError(`Board ${board.key} has no phase "${current}".`);
  const forward = board.phases
    .filter((phase) => here.allowedTargets.includes(phase.key) && phase.position > here.position)
    .sort((a, b) => a.position - b.position)[0];
  if (!forward) throw new CliError(`From ${here.name} the workflow allows no move forward (only to: ${here.allowedTargets.join(", ") || "nowhere"}). Pass --to PHASE.`);
  return forward.key;
}
