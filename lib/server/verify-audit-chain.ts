import "server-only";
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { dbKind, sqliteFilePath } from "@/lib/db";
import { canonicalJsonText } from "@/lib/domain/audit/canonical-json-text";
import { canonicalJson, ChainVerifier, GENESIS_HASH, type ChainVerification, type StoredEvent } from "@/lib/domain/audit/hash-chain";
import { env } from "@/lib/env";


/**
 * Walks the whole audit chain in sequence order, stopping at the first bad event.
 *
 * 100k events must verify well under a second, so the common case takes a short cut:
 * the database itself writes each event's canonical JSON around the two JSON columns
 * (keys in canonical order, strings JSON-quoted, the time in ISO form), the two JSON
 * columns are canonicalized from their text, and the result is hashed. A match proves the
 * stored event is the one that was hashed (a different event cannot produce the same
 * bytes: each part is valid JSON in a fixed place). Anything else — a mismatch, a time or
 * JSON value the short cut does not handle — is decided by ChainVerifier on the event read
 * the ordinary way, so lib/domain/audit/hash-chain.ts stays the one definition of the
 * chain. Reads through the driver directly, on a connection of its own; the chain is
 * append-only, so reading page by page outside a transaction sees a consistent prefix.
 */
export async function verifyAuditChain(): Promise<ChainVerification> {
  const reader = dbKind() === "postgresql" ? await postgresReader(env().DATABASE_URL) : sqliteReader(env().DATABASE_URL);
  try {
    let expectedSeq = 1;
    let expectedPrev = GENESIS_HASH;
    let checked = 0;
    const limit = reader.pageSize;
    let next: Promise<ShortCutRow[]> | null = reader.page(0, limit);
    while (next) {
      const page: ShortCutRow[] = await next;
      // PostgreSQL answers the next page while this one is hashed.
      next = page.length === limit ? reader.page(page[page.length - 1]![SEQ], limit) : null;
      // Settled before the connection closes when a bad event ends the walk early.
      next?.catch(() => undefined);
      for (const row of page) {
        checked += 1;
        const seq = row[SEQ];
        const hash = row[HASH];
        if (seq !== expectedSeq || row[PREV_HASH] !== expectedPrev || shortCutHash(row) !== hash) {
          const verdict = new ChainVerifier({ prevHash: expectedPrev, nextSeq: expectedSeq });
          if (!verdict.push(await reader.event(seq))) return { ...verdict.result(), checked };
        }
        expectedSeq = seq + 1;
        expectedPrev = hash;
      }
    }
    return { ok: true, checked, firstBadSeq: null };
  } finally {
    await reader.close();
  }
}

/**
 * One event as the short cut reads it: seq, prevHash, hash, then the canonical JSON in five
 * parts — up to `"after":`, the stored after, up to `"before":`, the stored before, the rest.
 * A text part is null when the database could not write it (a time in another format).
 */
type ShortCutRow = [seq: number, prevHash: string, hash: string, head: string | null, after: unknown, middle: string | null, before: unknown, tail: string | null];
const SEQ = 0;
const PREV_HASH = 1;
const HASH = 2;

function shortCutHash(row: ShortCutRow): string | null {
  const [, , , head, after, middle, before, tail] = row;
  if (head === null || middle === null || tail === null) return null;
  const afterJson = jsonColumn(after);
  const beforeJson = jsonColumn(before);
  if (afterJson === null || beforeJson === null) return null;
  return createHash("sha256").update(head + afterJson + middle + beforeJson + tail).digest("hex");
}

/** A JSON column's canonical text, or null to leave the event to the ordinary path. */
function jsonColumn(value: unknown): string | null {
  if (value === null) return "null";
  if (typeof value !== "string") return typeof value === "number" ? canonicalJson(value) : null;
  const fast = canonicalJsonText(value);
  if (fast !== null) return fast;
  try {
    return canonicalJson(JSON.parse(value) as unknown);
  } catch {
    return null;
  }
}

type Reader = {
  /**
   * Events per page. Small pages die young: a page that outlives a few minor collections
   * gets copied and promoted, and garbage collection cost more than the hashing.
   * PostgreSQL pages are larger, as each one is a round trip.
   */
  pageSize: number;
  page(after: number, limit: number): Promise<ShortCutRow[]>;
  /** One event read column by column, for ChainVerifier's verdict. */
  event(seq: number): Promise<StoredEvent>;
  close(): Promise<void>;
};

const COLUMNS = `"seq", "actorKind", "actorId", "actorRole", "action", "entityType", "entityId", "boardId", "before", "after", "reason", "requestId", "prevHash", "hash"`;

type Row = [number, string, string, string, string, string, string, string | null, unknown, unknown, string | null, string | null, string, string];

/**
 * The canonical JSON of an event around its JSON columns, keys in sorted order (the same
 * bytes hashEvent builds when every part is what JSON.stringify writes). `quote` JSON-quotes
 * a text column (null → null), `json` reads a JSON column, `at` is the event time as
 * `…T…Z` (null when it is in a form the short cut leaves to the ordinary path).
 */
function shortCutColumns(sql: { quote: (column: string) => string; json: (column: string) => string; at: string }): string {
  const { quote, json, at } = sql;
  return [
    `'{"action":' || ${quote("action")} || ',"actorId":' || ${quote("actorId")} || ',"actorKind":' || ${quote("actorKind")} || ',"actorRole":' || ${quote("actorRole")} || ',"after":'`,
    json("after"),
    `',"at":"' || ${at} || '","before":'`,
    json("before"),
    `',"boardId":' || ${quote("boardId")} || ',"entityId":' || ${quote("entityId")} || ',"entityType":' || ${quote("entityType")}` +
      ` || ',"prevHash":' || ${quote("prevHash")} || ',"reason":' || ${quote("reason")} || ',"requestId":' || ${quote("requestId")} || ',"seq":' || "seq" || '}'`,
  ].join(", ");
}

function sqliteReader(url: string): Reader {
  const connection = new Database(sqliteFilePath(url), { readonly: true, fileMustExist: true });
  // Prisma's SQLite adapter stores DateTime as ISO text ("…+00:00"); other forms take the ordinary path.
  const at = `CASE WHEN typeof("at") = 'text' AND length("at") = 29 AND substr("at", 24) = '+00:00' THEN substr("at", 1, 23) || 'Z' END`;
  const columns = shortCutColumns({ quote: (column) => `json_quote("${column}")`, json: (column) => `"${column}"`, at });
  const page = connection.prepare(`SELECT "seq", "prevHash", "hash", ${columns} FROM "AuditEvent" WHERE "seq" > ? ORDER BY "seq" LIMIT ?`).raw(true);
  const one = connection.prepare(`SELECT "at", ${COLUMNS} FROM "AuditEvent" WHERE "seq" = ?`).raw(true);
  return {
    pageSize: 500,
    page: async (after, limit) => page.all(after, limit) as ShortCutRow[],
    event: async (seq) => {
      const [stored, ...row] = one.get(seq) as [string | number, ...Row];
      return toEvent(sqliteTime(stored), row, parseJsonText);
    },
    close: async () => void connection.close(),
  };
}

async function postgresReader(url: string): Promise<Reader> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Formatted in SQL: pg would parse a timestamp without time zone in the process's local zone.
  const at = `to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const columns = shortCutColumns({
    quote: (column) => `coalesce(to_json("${column}")::text, 'null')`,
    // As text: canonicalJsonText reads jsonb's spaced output without building objects.
    json: (column) => `"${column}"::text`,
    at,
  });
  const pageSql = `SELECT "seq", "prevHash", "hash", ${columns} FROM "AuditEvent" WHERE "seq" > $1 ORDER BY "seq" LIMIT $2`;
  const oneSql = `SELECT ${at}, ${COLUMNS} FROM "AuditEvent" WHERE "seq" = $1`;
  return {
    pageSize: 2_000,
    page: async (after, limit) => (await client.query<ShortCutRow>({ text: pageSql, values: [after, limit], rowMode: "array" })).rows,
    event: async (seq) => {
      const [stored, ...row] = (await client.query<[string, ...Row]>({ text: oneSql, values: [seq], rowMode: "array" })).rows[0]!;
      return toEvent(stored, row, (value) => value ?? null);
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
  if (typeof value === "string" && value.length === 29 && value.endsWith("+00:00")) return `${value.slice(0, 23)}Z`;
  return new Date(value).toISOString();
}

/** Stored text that is not JSON at all is hashed as the string it is: an edit, reported as one. */
function parseJsonText(value: unknown): unknown {
  if (typeof value !== "string") return value ?? null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
