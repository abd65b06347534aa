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
 * the rows they check (lockPhases, lockAuditChain) before reading them.
 */
export async function writeTransaction<T>(work: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const result = await db().$transaction(work, { maxWait: 10_000, timeout: options.timeoutMs ?? 15_000 });
  for (const listener of commitListeners()) listener();
  return result;
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

/** Closes the client (scripts and tests call this before exiting). */
export async function disconnectDb(): Promise<void> {
  const existing = globalForDb.gateboardDb;
  globalForDb.gateboardDb = undefined;
  await existing?.client.$disconnect();
}
