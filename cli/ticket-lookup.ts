// What a command must know about a ticket before acting on it: moves send the version they
// saw; gate requests need the board (its workflow) and the phase the ticket is in.
import type { z } from "zod";
import type { ticketDetailSchema } from "@/lib/schemas/ticket-detail";
import { segment, type ApiClient } from "./http";

export type TicketDetail = z.infer<typeof ticketDetailSchema>;
export type TicketPosition = { id: string; board: string; phase: string; version: number };

export async function findTicket(client: ApiClient, id: string): Promise<TicketPosition> {
  const ticket = await client.get<TicketDetail>(`/api/v1/tickets/${segment(id)}`);
  return { id: ticket.id, board: ticket.board.key, phase: ticket.phase.key, version: ticket.version };
}
