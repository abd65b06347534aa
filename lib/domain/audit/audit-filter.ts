// Turns the audit view's filters into one `where`. Pure so the rules (board scope, cursor,
// time range) are unit-tested without a database.

export type AuditWhereInput = {
  entity?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  /** Board id (callers resolve the key). */
  boardId?: string;
  from?: string;
  to?: string;
  /** Cursor: only events with a lower sequence. */
  before?: number;
};

export type AuditWhere = {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  boardId?: string;
  at?: { gte?: Date; lt?: Date };
  seq?: { lt: number };
};

/**
 * Equality filters map onto the (column, seq) indexes so a page is an index range scan in
 * sequence order; the cursor is a `seq <` bound, never an OFFSET. A board-scoped actor
 * only ever sees its own board, whatever it asked for; asking for another board sees nothing
 * (returns null: callers answer with an empty page).
 */
export function buildAuditWhere(filter: AuditWhereInput, boardScope?: string | null): AuditWhere | null {
  if (boardScope && filter.boardId && filter.boardId !== boardScope) return null;
  const where: AuditWhere = {};
  if (filter.entity) where.entityType = filter.entity;
  if (filter.entityId) where.entityId = filter.entityId;
  if (filter.actor) where.actorId = filter.actor;
  if (filter.action) where.action = filter.action;
  const boardId = boardScope || filter.boardId;
  if (boardId) where.boardId = boardId;
  if (filter.from || filter.to) {
    const from = filter.from ? new Date(filter.from) : undefined;
    const to = filter.to ? new Date(filter.to) : undefined;
    if (from && to && from.getTime() >= to.getTime()) return null;
    where.at = { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) };
  }
  if (filter.before !== undefined) where.seq = { lt: filter.before };
  return where;
}
