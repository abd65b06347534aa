import "server-only";
import { generateNKeysBetween } from "fractional-indexing";
import { db, insertRows, lockPhases, updateRows, writeTransaction, type BulkColumn } from "@/lib/db";
import { parseBeadsJsonl } from "@/lib/domain/beads/parse-beads-jsonl";
import { phaseFor, TICKET_STATUSES } from "@/lib/domain/beads/beads-status";
import type { PhaseMapping, TicketStatus } from "@/lib/domain/beads/beads-status";
import type { BeadsDependency, BeadsLineError } from "@/lib/domain/beads/beads-types";
import { detectTicketChange } from "@/lib/domain/beads/ticket-change";
import { mapBeadsIssues } from "@/lib/domain/beads/ticket-import";
import type { TicketImport } from "@/lib/domain/beads/ticket-import";
import { compareByPriorityThenId, compareIds } from "@/lib/domain/dependencies/graph-types";
import { AppError } from "@/lib/domain/errors";
import { newId } from "@/lib/domain/ids";
import type { Actor } from "@/lib/domain/permissions";
import { authorize } from "@/lib/server/authorize";
import { edgeKey, readBeadsMetadata, stringList, withBeadsMetadata } from "@/lib/server/beads-ticket-metadata";
import type { StoredBeadsMetadata, StoredEdgeExtra } from "@/lib/server/beads-ticket-metadata";
import { recordAudit, type AuditInput } from "@/lib/server/record-audit";

export type ImportBeadsOptions = {
  /**
   * Where tickets land: a Gateboard status (open, in_progress, blocked, deferred, closed)
   * or a raw beads status (e.g. a custom "review") → a phase key of the board.
   */
  phaseByStatus?: Record<string, string>;
};

export type ImportBeadsResult = {
  created: number;
  updated: number;
  unchanged: number;
  skipped: { tombstone: number; nonIssue: number };
  errors: BeadsLineError[];
};

/** A 5.7k-line export writes thousands of rows; the default 15 s is for single-ticket use cases. */
const IMPORT_TIMEOUT_MS = 120_000;

/**
 * Imports a beads (`bd`) JSONL export into a board. Every line is checked before anything
 * is written (a bad line becomes `{line, message}` and is left out whole); then one
 * transaction creates new tickets at the bottom of their columns, updates changed ones
 * (version bumped), replaces their edges with the file's, keeps Phase.ticketCount exact and
 * appends `ticket.created`/`ticket.updated` events plus one `beads.imported` summary.
 *
 * Idempotent: each ticket stores the content hash of what was imported, so the same file
 * again changes nothing. The summary event is written even then — an import that found
 * nothing to do is still something someone did — but no ticket, version or edge changes.
 *
 * A changed ticket moves to its new phase only while it still sits where the last import put
 * it: a move made on the board wins over the file. Imports record state as it is and do not
 * apply WIP limits or gates.
 */
export async function importBeads(actor: Actor, boardKey: string, jsonlText: string, options: ImportBeadsOptions = {}): Promise<ImportBeadsResult> {
  const board = await db().board.findUnique({
    where: { key: boardKey },
    select: { id: true, archivedAt: true, phases: { orderBy: { position: "asc" }, select: { id: true, key: true } } },
  });
  const notFound = `No board "${boardKey}".`;
  if (!board) throw new AppError("NOT_FOUND", notFound);
  await authorize(actor, "ticket.create", board.id, actor.boardScope ? { notFoundMessage: notFound } : {});
  if (board.archivedAt) throw new AppError("CONFLICT", `Board "${boardKey}" is archived.`);

  const phaseIdByKey = new Map(board.phases.map((phase) => [phase.key, phase.id]));
  const mapping = phaseMapping(options.phaseByStatus ?? {}, phaseIdByKey);
  const parsed = parseBeadsJsonl(jsonlText);

  return writeTransaction(
    async (tx) => {
      const now = new Date();
      await lockPhases(tx, [...phaseIdByKey.values()]);

      // Validate: an id that lives on another board is that line's error.
      const elsewhere = [];
      for (const ids of chunks(parsed.issues.map((issue) => issue.id))) {
        elsewhere.push(...(await tx.ticket.findMany({ where: { id: { in: ids }, boardId: { not: board.id } }, select: { id: true, board: { select: { key: true } } } })));
      }
      const boardOf = new Map(elsewhere.map((row) => [row.id, row.board.key]));
      const errors = [...parsed.errors];
      const issues = parsed.issues.filter((issue) => {
        const other = boardOf.get(issue.id);
        if (other !== undefined) errors.push({ line: issue.line, message: `id "${issue.id}" already belongs to board "${other}"` });
        return other === undefined;
      });
      errors.sort((a, b) => a.line - b.line);

      const existing = await tx.ticket.findMany({
        where: { boardId: board.id },
        select: {
          id: true, phaseId: true, version: true, metadata: true, title: true, description: true, design: true, notes: true,
          acceptanceCriteria: true, type: true, priority: true, status: true, parentId: true, labels: true, files: true,
          closedAt: true, closeReason: true, deferUntil: true,
        },
      });
      const existingById = new Map(existing.map((row) => [row.id, row]));
      const mapped = mapBeadsIssues(issues, { phases: mapping, knownIds: existingById.keys() });
      const phaseKeyById = new Map(board.phases.map((phase) => [phase.id, phase.key]));
      const fallback = { first: board.phases[0]!.key, last: board.phases[board.phases.length - 1]!.key };
      for (const ticket of mapped.tickets) ticket.phase = resolvePhase(ticket, mapping, phaseIdByKey, fallback);
      breakParentCycles(mapped.tickets);

      const creates: TicketImport[] = [];
      const updates: Array<{ ticket: TicketImport; row: (typeof existing)[number]; contentHash: string }> = [];
      const hashes = new Map<string, string>();
      let unchanged = 0;
      for (const ticket of mapped.tickets) {
        const row = existingById.get(ticket.id);
        const stored = row ? readBeadsMetadata(row.metadata) : null;
        // A ticket born in Gateboard with the same id has no hash: the file's version replaces it.
        const change = detectTicketChange(row ? { contentHash: stored?.contentHash ?? "" } : null, ticket);
        hashes.set(ticket.id, change.contentHash);
        if (change.kind === "created") creates.push(ticket);
        else if (change.kind === "updated" && row) updates.push({ ticket, row, contentHash: change.contentHash });
        else unchanged += 1;
      }

      // A ticket born in Gateboard keeps its place in the workflow: its phase and status change
      // by moves on the board (gates, WIP limits), never by a file. A file moves only what an
      // earlier import placed and nobody has moved since.
      for (const { ticket, row } of updates) {
        if (readBeadsMetadata(row.metadata)?.phaseAtImport !== undefined) continue;
        ticket.phase = phaseKeyById.get(row.phaseId)!;
        ticket.status = row.status as TicketStatus;
        ticket.closedAt = row.closedAt?.toISOString() ?? null;
        ticket.closeReason = row.closeReason;
      }

      // Ranks: new tickets and tickets moving column go to the bottom, by priority then id.
      const arriving = new Map<string, string[]>();
      const countDelta = new Map<string, number>();
      const bump = (phaseId: string, by: number) => countDelta.set(phaseId, (countDelta.get(phaseId) ?? 0) + by);
      for (const ticket of creates) {
        const phaseId = phaseIdByKey.get(ticket.phase)!;
        arriving.set(phaseId, [...(arriving.get(phaseId) ?? []), ticket.id]);
        bump(phaseId, 1);
      }
      const moves = new Map<string, string>();
      for (const { ticket, row } of updates) {
        const target = phaseIdByKey.get(ticket.phase)!;
        const stayedPut = phaseKeyById.get(row.phaseId) === (readBeadsMetadata(row.metadata)?.phaseAtImport ?? phaseKeyById.get(row.phaseId));
        if (target === row.phaseId || !stayedPut) continue;
        moves.set(ticket.id, target);
        arriving.set(target, [...(arriving.get(target) ?? []), ticket.id]);
        bump(target, 1);
        bump(row.phaseId, -1);
      }
      const byId = new Map(mapped.tickets.map((ticket) => [ticket.id, ticket]));
      const ranks = new Map<string, string>();
      for (const [phaseId, ids] of arriving) {
        const last = await tx.ticket.findFirst({ where: { phaseId }, orderBy: { rank: "desc" }, select: { rank: true } });
        const ordered = ids.map((id) => byId.get(id)!).sort(compareByPriorityThenId);
        const keys = generateNKeysBetween(last?.rank ?? null, null, ordered.length);
        ordered.forEach((ticket, index) => ranks.set(ticket.id, keys[index]!));
      }

      // Write: parents before children, so each INSERT satisfies the parent key. Raw
      // multi-row INSERTs: createMany spent seconds in Prisma on a large export.
      const depth = parentDepths(creates);
      const createOrder = [...creates].sort((a, b) => depth(a) - depth(b) || compareIds(a.id, b.id));
      await insertRows(
        tx,
        "Ticket",
        TICKET_INSERT_COLUMNS,
        createOrder.map((ticket) => {
          const columns = ticketColumns(ticket);
          return [
            ticket.id, board.id, phaseIdByKey.get(ticket.phase)!, ranks.get(ticket.id)!, columns.title, columns.description, columns.design,
            columns.notes, columns.acceptanceCriteria, columns.type, columns.priority, columns.status, columns.parentId, columns.labels,
            columns.files, [], 1, now, columns.deferUntil, columns.closedAt, columns.closeReason, "beads",
            withBeadsMetadata(null, storedMetadata(ticket, hashes.get(ticket.id)!, 1)), toDate(ticket.createdAt) ?? now, now,
          ];
        }),
      );
      // Each changed ticket is written only if it still has the version read above; the
      // columns that a move resets are written only for tickets that move.
      let updated = 0;
      for (const moving of [false, true]) {
        const group = updates.filter(({ ticket }) => moves.has(ticket.id) === moving);
        const set = moving ? [...TICKET_UPDATE_COLUMNS, ...TICKET_MOVE_COLUMNS] : TICKET_UPDATE_COLUMNS;
        updated += await updateRows(
          tx,
          "Ticket",
          TICKET_MATCH_COLUMNS,
          set,
          group.map(({ ticket, row, contentHash }) => {
            const columns = ticketColumns(ticket);
            const version = row.version + 1;
            const values = [
              ticket.id, row.version, columns.title, columns.description, columns.design, columns.notes, columns.acceptanceCriteria, columns.type,
              columns.priority, columns.status, columns.parentId, columns.labels, columns.files, columns.closedAt, columns.closeReason,
              columns.deferUntil, version, "beads", withBeadsMetadata(row.metadata, storedMetadata(ticket, contentHash, version)), now,
            ];
            return moving ? [...values, moves.get(ticket.id)!, ranks.get(ticket.id)!, now, []] : values;
          }),
        );
      }
      if (updated !== updates.length) {
        // Name a ticket this import did not write (its own writes carry the new version and `now`).
        const written = new Set<string>();
        for (const ids of chunks(updates.map((u) => u.ticket.id))) {
          const found = await tx.ticket.findMany({ where: { id: { in: ids } }, select: { id: true, version: true, updatedAt: true } });
          for (const row of found) if (row.updatedAt.getTime() === now.getTime()) written.add(`${row.id}@${row.version}`);
        }
        const changed = (updates.find(({ ticket, row }) => !written.has(`${ticket.id}@${row.version + 1}`)) ?? updates[0]!).ticket.id;
        throw new AppError("VERSION_CONFLICT", `Ticket ${changed} changed while the import ran; nothing was imported. Run the import again.`);
      }
      for (const [phaseId, delta] of countDelta) {
        if (delta !== 0) await tx.phase.update({ where: { id: phaseId }, data: { ticketCount: { increment: delta } } });
      }

      // The file is the truth for the edges of the tickets it created or changed.
      const rewritten = [...creates, ...updates.map((u) => u.ticket)];
      // Each changed ticket's edges as they were, for its audit event.
      const edgesBefore = new Map<string, string[]>();
      for (const ids of chunks(updates.map((u) => u.ticket.id))) {
        const rows = await tx.dependency.findMany({ where: { issueId: { in: ids } }, select: { issueId: true, dependsOnId: true, type: true } });
        for (const row of rows) edgesBefore.set(row.issueId, [...(edgesBefore.get(row.issueId) ?? []), edgeLabel(row)]);
      }
      for (const ids of chunks(updates.map((u) => u.ticket.id))) await tx.dependency.deleteMany({ where: { issueId: { in: ids } } });
      const edgeRows = rewritten
        .flatMap((ticket) => uniqueEdges(ticket.dependencies))
        .map((edge) => [newId(), edge.issueId, edge.dependsOnId, edge.type, edge.metadata, edge.createdBy, toDate(edge.createdAt) ?? now]);
      await insertRows(tx, "Dependency", DEPENDENCY_INSERT_COLUMNS, edgeRows);

      const result: ImportBeadsResult = { created: creates.length, updated: updates.length, unchanged, skipped: parsed.skipped, errors };
      const audit: AuditInput[] = [
        ...creates.map((ticket) => ({
          action: "ticket.created",
          entityType: "ticket",
          entityId: ticket.id,
          boardId: board.id,
          after: {
            title: ticket.title, phase: ticket.phase, type: ticket.type, priority: ticket.priority, status: ticket.status, source: "beads",
            ...(ticket.dependencies.length > 0 ? { dependencies: edgeLabels(ticket) } : {}),
          },
        })),
        ...updates.map(({ ticket, row }) => ({
          action: "ticket.updated",
          entityType: "ticket",
          entityId: ticket.id,
          boardId: board.id,
          ...withEdgeChange(columnDiff(row, ticket, phaseKeyById.get(moves.get(ticket.id) ?? row.phaseId)!, phaseKeyById.get(row.phaseId)!), (edgesBefore.get(ticket.id) ?? []).sort(), edgeLabels(ticket)),
          reason: "beads import",
        })),
        {
          action: "beads.imported",
          entityType: "board",
          entityId: board.id,
          boardId: board.id,
          after: { ...result, errors: errors.length, edges: edgeRows.length, firstErrors: errors.slice(0, 20) },
        },
      ];
      await recordAudit(tx, actor, audit, now);
      return result;
    },
    { timeoutMs: IMPORT_TIMEOUT_MS },
  );
}

const STATUS_SET: ReadonlySet<string> = new Set(TICKET_STATUSES);

/** The columns a new ticket is inserted with, in the order importBeads gives their values. */
const TICKET_INSERT_COLUMNS: readonly BulkColumn[] = [
  { name: "id" }, { name: "boardId" }, { name: "phaseId" }, { name: "rank" }, { name: "title" }, { name: "description" }, { name: "design" },
  { name: "notes" }, { name: "acceptanceCriteria" }, { name: "type" }, { name: "priority", as: "int" }, { name: "status" }, { name: "parentId" },
  { name: "labels", as: "json" }, { name: "files", as: "json" }, { name: "checklist", as: "json" }, { name: "version", as: "int" },
  { name: "phaseEnteredAt", as: "datetime" }, { name: "deferUntil", as: "datetime" }, { name: "closedAt", as: "datetime" },
  { name: "closeReason" }, { name: "source" }, { name: "metadata", as: "json" }, { name: "createdAt", as: "datetime" },
  { name: "updatedAt", as: "datetime" },
];

/** A changed ticket is found by id and the version the import read. */
const TICKET_MATCH_COLUMNS: readonly BulkColumn[] = [{ name: "id" }, { name: "version", as: "int" }];

/** What an update writes, in the order importBeads gives the values (after the match columns). */
const TICKET_UPDATE_COLUMNS: readonly BulkColumn[] = [
  { name: "title" }, { name: "description" }, { name: "design" }, { name: "notes" }, { name: "acceptanceCriteria" }, { name: "type" },
  { name: "priority", as: "int" }, { name: "status" }, { name: "parentId" }, { name: "labels", as: "json" }, { name: "files", as: "json" },
  { name: "closedAt", as: "datetime" }, { name: "closeReason" }, { name: "deferUntil", as: "datetime" }, { name: "version", as: "int" },
  { name: "source" }, { name: "metadata", as: "json" }, { name: "updatedAt", as: "datetime" },
];

/** Also written when the update moves the ticket to another column. */
const TICKET_MOVE_COLUMNS: readonly BulkColumn[] = [
  { name: "phaseId" }, { name: "rank" }, { name: "phaseEnteredAt", as: "datetime" }, { name: "checklist", as: "json" },
];

const DEPENDENCY_INSERT_COLUMNS: readonly BulkColumn[] = [
  { name: "id" }, { name: "issueId" }, { name: "dependsOnId" }, { name: "type" }, { name: "metadata", as: "json" }, { name: "createdBy" },
  { name: "createdAt", as: "datetime" },
];

function phaseMapping(phaseByStatus: Record<string, string>, phaseIdByKey: ReadonlyMap<string, string>): PhaseMapping {
  const byStatus: Partial<Record<TicketStatus, string>> = {};
  const byRawStatus: Record<string, string> = {};
  for (const [status, phase] of Object.entries(phaseByStatus)) {
    if (!phaseIdByKey.has(phase)) {
      throw new AppError("VALIDATION_FAILED", `phaseByStatus.${status}: the board has no phase "${phase}". Its phases: ${[...phaseIdByKey.keys()].join(", ")}.`, {
        field: `phaseByStatus.${status}`,
      });
    }
    if (STATUS_SET.has(status)) byStatus[status as TicketStatus] = phase;
    else byRawStatus[status] = phase;
  }
  return { byStatus, byRawStatus };
}

/**
 * The mapped phase when the board has it (another workflow's export may name phases this
 * one lacks), else the status mapping, else the first column (the last for closed work).
 */
function resolvePhase(ticket: TicketImport, mapping: PhaseMapping, phaseIdByKey: ReadonlyMap<string, string>, fallback: { first: string; last: string }): string {
  if (phaseIdByKey.has(ticket.phase)) return ticket.phase;
  const byStatus = phaseFor(ticket.status, ticket.source.rawStatus, mapping);
  if (phaseIdByKey.has(byStatus)) return byStatus;
  return ticket.status === "closed" ? fallback.last : fallback.first;
}

/** A parent-child loop cannot be stored as parentIds; its closing link stays an edge only. */
function breakParentCycles(tickets: TicketImport[]): void {
  const byId = new Map(tickets.map((ticket) => [ticket.id, ticket]));
  const settled = new Set<string>();
  for (const start of tickets) {
    const path = new Set<string>();
    let node: TicketImport | undefined = start;
    while (node && !settled.has(node.id)) {
      path.add(node.id);
      const parent: TicketImport | undefined = node.parentId ? byId.get(node.parentId) : undefined;
      if (parent && path.has(parent.id)) {
        node.parentId = null;
        break;
      }
      node = parent;
    }
    for (const id of path) settled.add(id);
  }
}

/** Depth of a ticket below the other tickets being created (0 = its parent already exists or none). */
function parentDepths(creates: readonly TicketImport[]): (ticket: TicketImport) => number {
  const byId = new Map(creates.map((ticket) => [ticket.id, ticket]));
  const memo = new Map<string, number>();
  const depth = (ticket: TicketImport): number => {
    const known = memo.get(ticket.id);
    if (known !== undefined) return known;
    const parent = ticket.parentId ? byId.get(ticket.parentId) : undefined;
    const value = parent ? depth(parent) + 1 : 0;
    memo.set(ticket.id, value);
    return value;
  };
  return depth;
}

function ticketColumns(ticket: TicketImport) {
  return {
    title: ticket.title,
    description: ticket.description,
    design: ticket.design ?? "",
    notes: ticket.notes ?? "",
    acceptanceCriteria: ticket.acceptanceCriteria ?? "",
    type: ticket.type,
    priority: ticket.priority,
    status: ticket.status,
    parentId: ticket.parentId,
    labels: ticket.labels,
    files: ticket.files,
    closedAt: toDate(ticket.closedAt),
    closeReason: ticket.closeReason,
    deferUntil: toDate(ticket.deferUntil),
  };
}

function storedMetadata(ticket: TicketImport, contentHash: string, version: number): StoredBeadsMetadata {
  const edgeExtras: Record<string, StoredEdgeExtra> = {};
  for (const edge of uniqueEdges(ticket.dependencies)) {
    const extra: StoredEdgeExtra = {};
    if (edge.createdAt === null) extra.createdAtMissing = true;
    if (Object.keys(edge.extra).length > 0) extra.extra = edge.extra;
    if (Object.keys(extra).length > 0) edgeExtras[edgeKey(edge.dependsOnId, edge.type)] = extra;
  }
  return {
    contentHash,
    importedVersion: version,
    phaseAtImport: ticket.phase,
    assignee: ticket.assignee,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    dueAt: ticket.dueAt,
    source: ticket.source,
    ...(Object.keys(edgeExtras).length > 0 ? { edgeExtras } : {}),
  };
}

/** An edge as the audit trail names it: "blocks gb-a3f8". */
function edgeLabel(edge: { dependsOnId: string; type: string }): string {
  return `${edge.type} ${edge.dependsOnId}`;
}

function edgeLabels(ticket: TicketImport): string[] {
  return uniqueEdges(ticket.dependencies).map(edgeLabel).sort();
}

/** A ticket's event gains its edges, before and after, when the import changed them. */
function withEdgeChange(diff: { before: Record<string, unknown>; after: Record<string, unknown> }, before: string[], after: string[]): { before: Record<string, unknown>; after: Record<string, unknown> } {
  if (JSON.stringify(before) === JSON.stringify(after)) return diff;
  const { beadsDetails: _details, ...rest } = diff.after;
  return { before: { ...diff.before, dependencies: before }, after: { ...rest, dependencies: after } };
}

/** The Dependency table allows one edge per (dependent, target, type); the first one wins. */
function uniqueEdges(edges: readonly BeadsDependency[]): BeadsDependency[] {
  const seen = new Set<string>();
  return edges.filter((edge) => {
    const key = `${edge.issueId}\u0000${edgeKey(edge.dependsOnId, edge.type)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

type DiffRow = {
  title: string; description: string; design: string; notes: string; acceptanceCriteria: string; type: string; priority: number; status: string;
  parentId: string | null; labels: unknown; files: unknown; closedAt: Date | null; closeReason: string | null; deferUntil: Date | null;
};

/** The audit before/after of an update: only the columns that changed (long texts by name only). */
function columnDiff(row: DiffRow, ticket: TicketImport, phaseAfter: string, phaseBefore: string): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const next = ticketColumns(ticket);
  const current: Record<string, unknown> = {
    ...row,
    labels: stringList(row.labels),
    files: stringList(row.files),
    closedAt: row.closedAt?.toISOString() ?? null,
    deferUntil: row.deferUntil?.toISOString() ?? null,
  };
  const incoming: Record<string, unknown> = { ...next, closedAt: next.closedAt?.toISOString() ?? null, deferUntil: next.deferUntil?.toISOString() ?? null };
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const longText = new Set(["description", "design", "notes", "acceptanceCriteria"]);
  for (const key of Object.keys(incoming)) {
    if (JSON.stringify(current[key]) === JSON.stringify(incoming[key])) continue;
    before[key] = longText.has(key) ? "(changed)" : current[key];
    after[key] = longText.has(key) ? "(changed)" : incoming[key];
  }
  if (phaseAfter !== phaseBefore) {
    before.phase = phaseBefore;
    after.phase = phaseAfter;
  }
  // Only beads-side details changed (comments, edges, extra fields): say so rather than nothing.
  if (Object.keys(after).length === 0) after.beadsDetails = "changed";
  return { before, after };
}

/** SQLite through the driver adapter takes at most 999 bound parameters per statement. */
const IN_LIST_CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IN_LIST_CHUNK) out.push(items.slice(i, i + IN_LIST_CHUNK));
  return out;
}

function toDate(iso: string | null): Date | null {
  return iso ? new Date(iso) : null;
}
