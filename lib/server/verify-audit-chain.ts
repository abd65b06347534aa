import "server-only";
import Database from "better-sqlite3";
import pg from "pg";
import { dbKind, sqliteFilePath } from "@/lib/db";
import { ChainVerifier, type ChainVerification, type StoredEvent } from "@/lib/domain/audit/hash-chain";
import { env } from "@/lib/env";

/** Large pages: verification is bound by round trips and row decoding, not memory (~10 MB a page). */
const PAGE = 10_000;

const COLUMNS = `"seq", "actorKind", "actorId", "actorRole", "action", "entityType", "entityId", "boardId", "before", "after", "reason", "requestId", "prevHash", "hash"`;

type Row = [number, string, string, string, string, string, string, string | null, unknown, unknown, string | null, string | null, string, string];

/**
 * Walks the whole audit chain in sequence order, stopping at the first bad event.
 *
 * Reads through the database driver directly (a read-only connection of its own), with
 * array rows of exactly the chained columns: the ORM's per-row mapping cost more than the
 * hashing itself, and 100k events must verify well under a second. The chain is
 * append-only, so reading it page by page outside a transaction sees a consistent prefix.
 */
export async function verifyAuditChain(): Promise<ChainVerification> {
  const verifier = new ChainVerifier();
  const reader = dbKind() === "postgresql" ? await postgresReader(env().DATABASE_URL) : sqliteReader(env().DATABASE_URL);
  try {
    let after = 0;
    for (;;) {
      const page = await reader.page(after, PAGE);
      for (const event of page) if (!verifier.push(event)) return verifier.result();
      if (page.length < PAGE) return verifier.result();
      after = page[page.length - 1]!.seq;
    }
  } finally {
    await reader.close();
  }
}

type Reader = { page(after: number, limit: number): Promise<StoredEvent[]>; close(): Promise<void> };

function sqliteReader(url: string): Reader {
  const connection = new Database(sqliteFilePath(url), { readonly: true, fileMustExist: true });
  // Prisma's SQLite adapter stores DateTime as ISO text ("…+00:00") or, in other modes, epoch ms.
  const statement = connection.prepare(`SELECT "at", ${COLUMNS} FROM "AuditEvent" WHERE "seq" > ? ORDER BY "seq" LIMIT ?`).raw(true);
  return {
    page: async (after, limit) =>
      (statement.all(after, limit) as [string | number, ...Row][]).map(([at, ...row]) => toEvent(sqliteTime(at), row, parseJsonText)),
    close: async () => void connection.close(),
  };
}

async function postgresReader(url: string): Promise<Reader> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Formatted in SQL: pg would parse a timestamp without time zone in the process's local zone.
  const sql = `SELECT to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), ${COLUMNS} FROM "AuditEvent" WHERE "seq" > $1 ORDER BY "seq" LIMIT $2`;
  return {
    page: async (after, limit) => {
      const result = await client.query<[string, ...Row]>({ text: sql, values: [after, limit], rowMode: "array" });
      return result.rows.map(([at, ...row]) => toEvent(at, row, (value) => value ?? null));
    },
    close: () => client.end(),
  };
}

function toEvent(at: string, row: Row, json: (value: unknown) => unknown): StoredEvent {
  const [seq, actorKind, actorId, actorRole, action, entityType, entityId, boardId, before, after, reason, requestId, prevHash, hash] = row;
  return {
    seq: Number(seq), at, actorKind, actorId, actorRole, action, entityType, entityId, boardId,
    before: json(before), after: json(after), reason, requestId, prevHash, hash,
  };
}

function sqliteTime(value: string | number): string {
  // The common case without a Date round trip: "2026-11-23T12:00:00.000+00:00".
  if (typeof value === "string" && value.length === 29 && value.endsWith("+00:00")) return `${value.slice(0, 23)}Z`;
  return new Date(value).toISOString();
}

function parseJsonText(value: unknown): unknown {
  return typeof value === "string" ? (JSON.parse(value) as unknown) : (value ?? null);
}
