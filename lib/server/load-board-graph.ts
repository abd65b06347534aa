import "server-only";
import type { Db, Tx } from "@/lib/db";
import type { GraphEdge, GraphTicket } from "@/lib/domain/dependencies/graph-types";
import { toGraphEdgeFromRow, toGraphTicketFromRow } from "@/lib/server/beads-ticket-metadata";

export type BoardGraph = {
  tickets: GraphTicket[];
  edges: GraphEdge[];
  titles: Map<string, string>;
};

/**
 * A board's tickets and the edges they are the dependent of, in two queries. Edges to
 * tickets elsewhere (tombstones, other boards) come along and block nothing.
 */
export async function loadBoardGraph(client: Db | Tx, boardId: string): Promise<BoardGraph> {
  const [rows, edges] = await Promise.all([
    client.ticket.findMany({
      where: { boardId },
      select: {
        id: true,
        title: true,
        status: true,
        type: true,
        priority: true,
        parentId: true,
        deferUntil: true,
        files: true,
        metadata: true,
        assigneeUser: { select: { name: true } },
        assigneeAgent: { select: { name: true } },
      },
    }),
    client.dependency.findMany({
      where: { issue: { boardId } },
      select: { issueId: true, dependsOnId: true, type: true, metadata: true },
    }),
  ]);
  return {
    tickets: rows.map(toGraphTicketFromRow),
    edges: edges.map(toGraphEdgeFromRow),
    titles: new Map(rows.map((row) => [row.id, row.title])),
  };
}
