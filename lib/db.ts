import path from "node:path";
import { mkdirSync } from "node:fs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { PrismaClient as SqlitePrismaClient, Prisma } from "@/generated/sqlite/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/postgres/client";
import { databaseKind, env, type DatabaseKind } from "@/lib/env";

/**
 * The one Prisma client of the process, and the only module that knows which database is
 * behind it. Both generated clients expose the same model API (they come from one schema),
 * so the rest of the code sees the SQLite client's types whichever provider runs.
 */
export type Db = SqlitePrismaClient;
export type Tx = Prisma.TransactionClient;
export { Prisma };

type Connection = { client: Db; kind: DatabaseKind; url: string };

const globalForDb = globalThis as unknown as { gateboardDb?: Connection };

export function db(): Db {
  return connection().client;
}

export function dbKind(): DatabaseKind {
  return connection().kind;
}

function connection(): Connection {
  const url = env().DATABASE_URL;
  const existing = globalForDb.gateboardDb;
  if (existing && existing.url === url) return existing;
  const created = createConnection(url);
  globalForDb.gateboardDb = created;
  return created;
}

/** Builds a client for a URL; tests use it to talk to a database of their own. */
export function createConnection(url: string): Connection {
  const kind = databaseKind(url);
  if (kind === "sqlite") {
    const file = sqliteFilePath(url);
    if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
    const adapter = new ImmediateSqliteAdapter({ url: file, timeout: env().SQLITE_BUSY_TIMEOUT_MS });
    return { client: new SqlitePrismaClient({ adapter }), kind, url };
  }
  const adapter = new PrismaPg({ connectionString: url, max: env().PG_POOL_MAX });
  return { client: new PostgresPrismaClient({ adapter }) as unknown as Db, kind, url };
}

/** `file:./data/x.db` → absolute path (relative paths resolve from the working directory). */
export function sqliteFilePath(url: string): string {
  const raw = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return raw === ":memory:" ? raw : path.resolve(raw);
}

type BetterSqliteClient = {
  prepare(sql: string): unknown;
  pragma(sql: string): unknown;
};

/**
 * The stock adapter opens transactions with a deferred `BEGIN`: a transaction that reads
 * first and then writes fails with SQLITE_BUSY when another process (CLI, import, second
 * server) holds the write lock, whatever the busy timeout. Taking the lock up front with
 * `BEGIN IMMEDIATE` makes the second writer wait its turn instead. Every transaction here
 * is a write transaction (reads run outside them), so this costs nothing.
 */
class ImmediateSqliteAdapter extends PrismaBetterSQLite3 {
  override async connect(): Promise<SqlDriverAdapter> {
    const adapter = await super.connect();
    const client = (adapter as unknown as { client: BetterSqliteClient }).client;
    client.pragma("journal_mode = WAL");
    client.pragma("synchronous = NORMAL");
    // SQLite leaves foreign keys off per connection; Prisma's cascades rely on them.
    client.pragma("foreign_keys = ON");
    const prepare = client.prepare.bind(client);
    client.prepare = (sql: string) => (sql === "BEGIN" ? beginImmediate(prepare) : prepare(sql));
    return adapter;
  }
}

/**
 * The adapter takes its transaction mutex and then runs BEGIN; if BEGIN throws, the mutex is
 * never released and every later transaction of the process waits forever. BEGIN IMMEDIATE
 * throws SQLITE_BUSY when another process keeps the write lock past the busy timeout, so
 * then fall back to a deferred BEGIN, which cannot be busy: the transaction's first write
 * waits for the lock once more and, failing that, errors and rolls back like any other
 * failed statement — which releases the mutex.
 */
function beginImmediate(prepare: (sql: string) => unknown): { run(): unknown } {
  return {
    run() {
      try {
        return (prepare("BEGIN IMMEDIATE") as { run(): unknown }).run();
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
        return (prepare("BEGIN") as { run(): unknown }).run();
      }
    },
  };
}

type TransactionOptions = { timeoutMs?: number };

/**
 * Runs a use case's writes in one transaction. On SQLite the transaction holds the write
 * lock from its first statement (see ImmediateSqliteAdapter); on PostgreSQL callers lock
 * the rows they check (lockPhases) before reading them, and the audit events they record
 * are appended last, under the chain's lock (beforeCommit).
 */
export async function writeTransaction<T>(work: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const result = await db().$transaction(
    async (tx) => {
      beforeCommitHooks.set(tx, []);
      const value = await work(tx);
      // Hooks may add hooks; each runs once, in the order added.
      const hooks = beforeCommitHooks.get(tx)!;
      for (let index = 0; index < hooks.length; index += 1) await hooks[index]!();
      beforeCommitHooks.delete(tx);
      return value;
    },
    { maxWait: 10_000, timeout: options.timeoutMs ?? 15_000 },
  );
  for (const listener of commitListeners()) listener();
  return result;
}

const beforeCommitHooks = new WeakMap<Tx, Array<() => Promise<void>>>();

/**
 * Runs `hook` inside `tx` once the use case's own work is done, just before the commit.
 * The audit append waits until then (see recordAudit): taking the audit chain's lock last,
 * after every row lock the use case takes, is one lock order for every transaction, so two
 * of them cannot deadlock on PostgreSQL. `tx` must be a writeTransaction's.
 */
export function beforeCommit(tx: Tx, hook: () => Promise<void>): void {
  const hooks = beforeCommitHooks.get(tx);
  if (!hooks) throw new Error("beforeCommit: not inside a writeTransaction (its hooks would never run)");
  hooks.push(hook);
}

type CommitListener = () => void;
const globalForCommits = globalThis as unknown as { gateboardCommitListeners?: Set<CommitListener> };

function commitListeners(): Set<CommitListener> {
  globalForCommits.gateboardCommitListeners ??= new Set();
  return globalForCommits.gateboardCommitListeners;
}

/** Called after every committed write transaction of this process (live updates listen). */
export function onCommit(listener: CommitListener): () => void {
  commitListeners().add(listener);
  return () => commitListeners().delete(listener);
}

/** Channel other app instances LISTEN on (PostgreSQL); NOTIFY is delivered on commit only. */
export const CHANGE_CHANNEL = "gateboard_changes";

/**
 * Tells other app instances that this transaction changed a board, once it commits
 * (PostgreSQL NOTIFY is transactional: a rolled-back change notifies nobody). A no-op on
 * SQLite, which has one server process; other writers there are caught by polling.
 */
export async function notifyChange(tx: Tx, boardId: string | null): Promise<void> {
  if (dbKind() !== "postgresql") return;
  await tx.$executeRaw`SELECT pg_notify(${CHANGE_CHANNEL}, ${boardId ?? ""})`;
}

/**
 * Serialises writers that check a column's WIP count: PostgreSQL row locks on the phases,
 * taken in id order so two moves between the same columns cannot deadlock. On SQLite the
 * transaction already holds the database's single write lock.
 */
export async function lockPhases(tx: Tx, phaseIds: string[]): Promise<void> {
  if (dbKind() !== "postgresql" || phaseIds.length === 0) return;
  const ids = [...new Set(phaseIds)].sort();
  await tx.$queryRaw`SELECT id FROM "Phase" WHERE id IN (${Prisma.join(ids)}) ORDER BY id FOR UPDATE`;
}

/** Arbitrary constant naming the audit chain's advisory lock. */
const AUDIT_CHAIN_LOCK = 7_420_001;

/**
 * Serialises audit appends so two transactions cannot both chain onto the same previous
 * event. Held until the transaction ends; SQLite's write lock already gives this.
 */
export async function lockAuditChain(tx: Tx): Promise<void> {
  if (dbKind() !== "postgresql") return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
}

/**
 * A column of insertRows/updateRows: its name, and what its values are when not text. The
 * kind picks the stored form and, on PostgreSQL, the parameter's cast.
 */
export type BulkColumn = { name: string; as?: "json" | "datetime" | "int" };

/** Bound parameters one statement may carry: SQLite's SQLITE_MAX_VARIABLE_NUMBER, PostgreSQL's wire limit. */
const MAX_PARAMETERS = { sqlite: 32_766, postgresql: 65_535 } as const;

const PG_CASTS = { json: "::jsonb", datetime: "::timestamp(3)", int: "::integer" } as const;

/**
 * Rows as VALUES tuples, in chunks that stay under the parameter limit: per chunk the tuples'
 * SQL and the bound values in the form Prisma itself stores (see storedValue).
 */
function valueChunks(columns: readonly BulkColumn[], rows: readonly (readonly unknown[])[]): Array<{ tuples: string; values: unknown[] }> {
  const kind = dbKind();
  const perStatement = Math.floor(MAX_PARAMETERS[kind] / columns.length);
  const casts = columns.map((column) => (kind === "postgresql" && column.as ? PG_CASTS[column.as] : ""));
  const chunks: Array<{ tuples: string; values: unknown[] }> = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (const row of rows.slice(start, start + perStatement)) {
      const placeholders: string[] = [];
      columns.forEach((column, index) => {
        values.push(storedValue(row[index], column, kind));
        placeholders.push(kind === "postgresql" ? `$${values.length}${casts[index]}` : "?");
      });
      tuples.push(`(${placeholders.join(", ")})`);
    }
    chunks.push({ tuples: tuples.join(", "), values });
  }
  return chunks;
}

/**
 * Inserts rows with as few multi-row INSERT statements as the parameter limit allows, in the
 * caller's transaction. For bulk writes, where Prisma's createMany spends more time in its
 * query compiler and row mapping than the database spends writing. Values are stored exactly
 * as Prisma stores them, so Prisma reads them back unchanged: times as ISO text with "+00:00"
 * on SQLite and timestamp(3) in UTC on PostgreSQL, JSON as its text (null → SQL NULL, as
 * Prisma's DbNull), booleans as 0/1 on SQLite. Nothing is defaulted: @updatedAt and
 * @default columns the caller needs must be in `columns`.
 */
export async function insertRows(tx: Tx, table: string, columns: readonly BulkColumn[], rows: readonly (readonly unknown[])[]): Promise<void> {
  if (rows.length === 0) return;
  const head = `INSERT INTO "${table}" (${columns.map((column) => `"${column.name}"`).join(", ")}) VALUES `;
  for (const { tuples, values } of valueChunks(columns, rows)) await tx.$executeRawUnsafe(head + tuples, ...values);
}

/**
 * Updates many rows, each found by its `match` columns (a key, plus e.g. the version it was
 * read at), with one UPDATE … FROM per chunk instead of one statement per row. Each row gives
 * the match values, then the `set` values. Values are stored as insertRows stores them, and
 * @updatedAt is not set for the caller. Returns how many rows were updated: fewer than given
 * means some row no longer matched.
 */
export async function updateRows(
  tx: Tx,
  table: string,
  match: readonly BulkColumn[],
  set: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = [...match, ...set];
  const names = columns.map((_, index) => `"c${index}"`);
  const assignments = set.map((column, index) => `"${column.name}" = "v"."c${match.length + index}"`).join(", ");
  const where = match.map((column, index) => `"${table}"."${column.name}" = "v"."c${index}"`).join(" AND ");
  let updated = 0;
  for (const { tuples, values } of valueChunks(columns, rows)) {
    updated += await tx.$executeRawUnsafe(`WITH "v" (${names.join(", ")}) AS (VALUES ${tuples}) UPDATE "${table}" SET ${assignments} FROM "v" WHERE ${where}`, ...values);
  }
  return updated;
}

function storedValue(value: unknown, column: BulkColumn, kind: DatabaseKind): unknown {
  if (value === null || value === undefined) return null;
  if (column.as === "json") return JSON.stringify(value);
  if (column.as === "datetime") {
    const iso = (value instanceof Date ? value : new Date(value as string)).toISOString();
    // timestamp(3) without time zone holds the UTC wall time, as Prisma writes it.
    return kind === "postgresql" ? iso.slice(0, 23) : iso.replace("Z", "+00:00");
  }
  if (typeof value === "boolean" && kind === "sqlite") return value ? 1 : 0;
  return value;
}

/** Closes the client (scripts and tests call this before exiting). */
export async function disconnectDb(): Promise<void> {
  const existing = globalForDb.gateboardDb;
  globalForDb.gateboardDb = undefined;
  await existing?.client.$disconnect();
}
