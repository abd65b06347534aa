import type { GraphEdge, GraphTicket } from "@/lib/domain/dependencies/graph-types";
import type { TicketImport } from "./ticket-import";

/**
 * The graph's view of an imported ticket. The raw beads status is used while it still
 * stands, because readiness depends on statuses Gateboard folds away (pinned, hooked).
 */
export function toGraphTicket(ticket: TicketImport): GraphTicket {
  const status = ticket.source.mappedStatus === ticket.status ? ticket.source.rawStatus : ticket.status;
  return {
    id: ticket.id,
    status,
    type: ticket.type,
    priority: ticket.priority,
    parentId: ticket.parentId,
    deferUntil: ticket.deferUntil,
    assignee: ticket.assignee,
    files: [...ticket.files],
  };
}

export function toGraphEdges(tickets: readonly TicketImport[]): GraphEdge[] {
  return tickets.flatMap((ticket) =>
    ticket.dependencies.map((dep) => ({
      issueId: dep.issueId,
      dependsOnId: dep.dependsOnId,
      type: dep.type,
      metadata: dep.metadata,
    })),
  );
}
