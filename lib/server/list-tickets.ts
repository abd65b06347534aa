import "server-only";
import { db, dbKind, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import { ticketListQuerySchema, type TicketList, type TicketListQuery } from "@/lib/schemas/ticket-list";
import { parseOrThrow } from "@/lib/schemas/validation-issues";
import { authorize } from "@/lib/server/authorize";

/** Where a page ended: the sort key of its last ticket (phase position, rank, id). */
type Cursor = [position: number, rank: string, id: string];

/**
 * One page of a board's tickets in board order (phase left to right, then rank), filtered
 * by phase, status, assignee and a case-insensitive substring of the id or title. Pages
 * follow a keyset cursor, so a ticket moving meanwhile never makes a page repeat or skip
 * the tickets that stayed put.
 */
export async function listTickets(actor: Actor, boardKey: string, query: TicketListQuery = {}): Promise<TicketList> {
  const filter = parseOrThrow(ticketListQuerySchema, query, "The ticket filters are not valid.");
  const board = await db().board.findUnique({
    where: { key: boardKey },
    select: { id: true, key: true, phases: { orderBy: { position: "asc" }, select: { id: true, key: true } } },
  });
  const notFound = `No board "${boardKey}".`;
  if (!board) throw new AppError("NOT_FOUND", notFound);
  await authorize(actor, "board.read", board.id, actor.boardScope ? { notFoundMessage: notFound } : { message: "You cannot read this board." });

  const phase = filter.phase ? board.phases.find((candidate) => candidate.key === filter.phase) : undefined;
  if (filter.phase && !phase) {
    throw new AppError("VALIDATION_FAILED", `Board "${board.key}" has no phase "${filter.phase}". Its phases: ${board.phases.map((p) => p.key).join(", ")}.`, {
      issues: [{ path: "phase", message: `Unknown phase "${filter.phase}"` }],
    });
  }
  const after = filter.cursor ? decodeCursor(filter.cursor) : null;

  const where: Prisma.TicketWhereInput = {
    boardId: board.id,
    AND: [
      phase ? { phaseId: phase.id } : {},
      filter.status ? { status: filter.status } : {},
      filter.assignee ? assigneeWhere(filter.assignee) : {},
      filter.q ? { OR: [{ id: containsText(filter.q) }, { title: containsText(filter.q) }] } : {},
      after ? afterCursor(after) : {},
    ],
  };
  const rows = await db().ticket.findMany({
    where,
    orderBy: [{ phase: { position: "asc" } }, { rank: "asc" }, { id: "asc" }],
    // One more than the page: whether it exists says if there is a next page.
    take: filter.limit + 1,
    select: {
      id: true, title: true, type: true, priority: true, status: true, rank: true, version: true, parentId: true, labels: true, updatedAt: true,
      phase: { select: { key: true, position: true } },
      assigneeUser: { select: { id: true, name: true } },
      assigneeAgent: { select: { id: true, name: true } },
    },
  });
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  // SQLite's LIKE has no default escape character, so a % or _ in q matched as a wildcard:
  // drop what does not contain the text literally. The cursor still follows the rows read.
  const shown = filter.q && dbKind() !== "postgresql" && /[%_]/.test(filter.q) ? page.filter((row) => containsLiterally(row, filter.q!)) : page;
  return {
    board: board.key,
    items: shown.map((row) => ({
      id: row.id,
      title: row.title,
      type: row.type,
      priority: row.priority,
      status: row.status,
      phase: row.phase.key,
      rank: row.rank,
      version: row.version,
      parentId: row.parentId,
      assignee: row.assigneeUser
        ? { kind: "user", id: row.assigneeUser.id, name: row.assigneeUser.name }
        : row.assigneeAgent
          ? { kind: "agent", id: row.assigneeAgent.id, name: row.assigneeAgent.name }
          : null,
      labels: Array.isArray(row.labels) ? (row.labels as string[]) : [],
      updatedAt: row.updatedAt.toISOString(),
    })),
    nextCursor: rows.length > filter.limit && last ? encodeCursor([last.phase.position, last.rank, last.id]) : null,
  };
}

/** `none`: unassigned. Otherwise a person (id or email) or an agent (id or name). */
function assigneeWhere(assignee: string): Prisma.TicketWhereInput {
  if (assignee === "none") return { assigneeUserId: null, assigneeAgentId: null };
  return {
    OR: [
      { assigneeUserId: assignee },
      { assigneeUser: { email: assignee.toLowerCase() } },
      { assigneeAgentId: assignee },
      { assigneeAgent: { name: assignee } },
    ],
  };
}

/**
 * Case-insensitive substring match. PostgreSQL: ILIKE (`mode: "insensitive"`, which the
 * SQLite client's types do not know) with % and _ escaped, since Prisma passes them on as
 * wildcards. SQLite: LIKE, which ignores the case of ASCII letters only and cannot escape
 * without an ESCAPE clause Prisma does not write (see containsLiterally).
 */
function containsText(text: string): Prisma.StringFilter {
  if (dbKind() !== "postgresql") return { contains: text };
  return { contains: text.replace(/[\\%_]/g, (char) => `\\${char}`), mode: "insensitive" } as unknown as Prisma.StringFilter;
}

function containsLiterally(row: { id: string; title: string }, text: string): boolean {
  const needle = text.toLowerCase();
  return row.id.toLowerCase().includes(needle) || row.title.toLowerCase().includes(needle);
}

function afterCursor([position, rank, id]: Cursor): Prisma.TicketWhereInput {
  return {
    OR: [
      { phase: { position: { gt: position } } },
      { phase: { position }, rank: { gt: rank } },
      { phase: { position }, rank, id: { gt: id } },
    ],
  };
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(text: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 3 && Number.isInteger(value[0]) && typeof value[1] === "string" && typeof value[2] === "string") {
      return value as Cursor;
    }
  } catch {
    // Falls through to the refusal below: a cursor is only ever one we handed out.
  }
  throw new AppError("VALIDATION_FAILED", "The cursor is not one this API returned: pass the nextCursor of the previous page unchanged, or leave it out to start again.", {
    issues: [{ path: "cursor", message: "Unknown cursor" }],
  });
}
