// The load generator's view of a board: every ticket's column and version, read once
// through the API before a figure starts (not timed) and kept current from move answers.
import type { HttpClient, Timed } from "../lib/http-client";

export type Ticket = { id: string; phase: string; version: number };

type BoardBody = { tickets: Array<{ id: string; phase: string; version: number }> };

export async function readBoard(client: HttpClient, boardKey: string): Promise<Ticket[]> {
  const response = await client.request("GET", `/api/v1/boards/${boardKey}`);
  if (response.status !== 200) throw new Error(`GET /api/v1/boards/${boardKey} answered ${response.status}: ${response.body.slice(0, 300)}`);
  const board = JSON.parse(response.body) as BoardBody;
  return board.tickets.map((ticket) => ({ id: ticket.id, phase: ticket.phase, version: ticket.version }));
}

export function errorCode(response: Timed): string {
  try {
    const body = JSON.parse(response.body) as { error?: { code?: string } };
    return body.error?.code ?? `HTTP_${response.status}`;
  } catch {
    return `HTTP_${response.status}`;
  }
}

/**
 * Moves a ticket to the bottom of a column with the version last seen, and keeps `ticket`
 * current from the answer (a stale version is corrected from VERSION_CONFLICT's details).
 */
export async function moveTicket(client: HttpClient, ticket: Ticket, toPhase: string, errors: Record<string, number>): Promise<Timed> {
  const response = await client.request("POST", `/api/v1/tickets/${encodeURIComponent(ticket.id)}/move`, { toPhase, version: ticket.version });
  if (response.status === 200) {
    const body = JSON.parse(response.body) as { ticket: { version: number; phase: string } };
    ticket.version = body.ticket.version;
    ticket.phase = body.ticket.phase;
  } else {
    const code = errorCode(response);
    errors[code] = (errors[code] ?? 0) + 1;
    if (code === "VERSION_CONFLICT") {
      const current = (JSON.parse(response.body) as { error: { details?: { currentVersion?: number | null } } }).error.details?.currentVersion;
      if (typeof current === "number") ticket.version = current;
    }
  }
  return response;
}
