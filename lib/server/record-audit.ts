import "server-only";
import { beforeCommit, dbKind, insertRows, lockAuditChain, notifyChange, type BulkColumn, type Tx } from "@/lib/db";
import { canonicalJson, GENESIS_HASH, hashEvent, type ChainedEventFields } from "@/lib/domain/audit/hash-chain";
import type { Actor } from "@/lib/domain/permissions";

export type AuditInput = {
  action: string;
  entityType: string;
  entityId: string;
  boardId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

type QueuedAudit = { actor: Actor; inputs: AuditInput[]; now: Date };
const queues = new WeakMap<Tx, QueuedAudit[]>();

/**
 * Records audit events in the caller's transaction, chained by hash. They are appended
 * when the use case's work is done, just before the commit, in the order recorded: the
 * append takes the chain's lock (lockAuditChain; SQLite's write lock already serialises),
 * and taking it after every row lock means no two transactions wait on each other in
 * opposite orders. Concurrent transactions still produce one linear chain, and a
 * rolled-back change takes its events with it.
 */
export async function recordAudit(tx: Tx, actor: Actor, inputs: AuditInput | AuditInput[], now: Date = new Date()): Promise<void> {
  const list = Array.isArray(inputs) ? inputs : [inputs];
  if (list.length === 0) return;
  let queue = queues.get(tx);
  if (!queue) {
    const created: QueuedAudit[] = [];
    queue = created;
    queues.set(tx, created);
    beforeCommit(tx, () => appendQueued(tx, created));
  }
  queue.push({ actor, inputs: list, now });
}

async function appendQueued(tx: Tx, queue: QueuedAudit[]): Promise<void> {
  // Recorded from here on (by a later beforeCommit hook): a queue of its own, appended after this one.
  queues.delete(tx);
  await lockAuditChain(tx);
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = [];
  for (const { actor, inputs, now } of queue) {
    // Millisecond precision: what both databases store, so a re-read event hashes the same.
    const at = new Date(Math.floor(now.getTime())).toISOString();
    for (const input of inputs) {
      seq += 1;
      const fields: ChainedEventFields = {
        seq,
        at,
        actorKind: actor.kind,
        actorId: actor.id,
        actorRole: actor.role,
        action: input.action,
        entityType: input.entityType,
        entityId: input.entityId,
        boardId: input.boardId ?? null,
        before: toJsonValue(input.before),
        after: toJsonValue(input.after),
        reason: input.reason ?? null,
        requestId: actor.requestId ?? null,
        prevHash,
      };
      const hash = hashEvent(fields);
      prevHash = hash;
      rows.push({ ...fields, at: new Date(at), hash });
    }
  }
  for (const boardId of new Set(rows.map((row) => row.boardId).filter((id): id is string => id !== null))) await notifyChange(tx, boardId);
  // Raw multi-row INSERTs: an import appends thousands of events, and createMany spent ~2 ms
  // per event in Prisma; the rows are the same (null before/after stored as SQL NULL).
  // SQLite keeps JSON as the text it is given: given in canonical form (the same value, keys
  // sorted), verifyAuditChain can hash it as stored instead of canonicalizing every event.
  // PostgreSQL's jsonb keeps no text, so it gets the values.
  const sqlite = dbKind() === "sqlite";
  const columns = sqlite ? SQLITE_AUDIT_COLUMNS : AUDIT_COLUMNS;
  const stored = sqlite ? rows.map((row) => ({ ...row, before: storedJsonText(row.before), after: storedJsonText(row.after) })) : rows;
  await insertRows(tx, "AuditEvent", columns, stored.map((row) => columns.map((column) => row[column.name as keyof typeof row])));
  // The chain now ends here (see AuditHead); a trigger lets the head only move forward.
  const end = rows[rows.length - 1]!;
  await tx.$executeRaw`INSERT INTO "AuditHead" ("id", "seq", "hash") VALUES (1, ${end.seq}, ${end.hash}) ON CONFLICT ("id") DO UPDATE SET "seq" = excluded."seq", "hash" = excluded."hash"`;
}

const AUDIT_COLUMNS: readonly BulkColumn[] = [
  { name: "seq", as: "int" }, { name: "at", as: "datetime" }, { name: "actorKind" }, { name: "actorId" }, { name: "actorRole" },
  { name: "action" }, { name: "entityType" }, { name: "entityId" }, { name: "boardId" },
  { name: "before", as: "json" }, { name: "after", as: "json" }, { name: "reason" }, { name: "requestId" },
  { name: "prevHash" }, { name: "hash" },
];

/** before/after as text columns: storedJsonText gives the text. */
const SQLITE_AUDIT_COLUMNS: readonly BulkColumn[] = AUDIT_COLUMNS.map((column) => (column.as === "json" ? { name: column.name } : column));

/** SQL NULL for null, as insertRows stores a null JSON value; otherwise the canonical JSON text. */
function storedJsonText(value: unknown): string | null {
  return value === null ? null : canonicalJson(value);
}

/** Dates → ISO strings, undefined dropped: exactly what a JSON column gives back. */
function toJsonValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value)) as unknown;
}
