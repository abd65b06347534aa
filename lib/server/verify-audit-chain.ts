import "server-only";
import Database from "better-sqlite3";
import pg from "pg";
import { dbKind, sqliteFilePath } from "@/lib/db";
import { canonicalJsonText, canonicalJsonValueAt } from "@/lib/domain/audit/canonical-json-text";
import {
  canonicalJson, ChainVerifier, GENESIS_HASH, hashEvent, sha256Hex, type ChainVerification, type StoredEvent,
} from "@/lib/domain/audit/hash-chain";
import { env } from "@/lib/env";

/**
 * Walks the whole audit chain in sequence order and reports the first bad event.
 *
 * 100k events must verify well under a second, so each event's hash is first checked by a
 * short cut: the database writes the event's JSON, which is hashed as it is, or with its two
 * JSON texts canonicalized, without building event objects (per database, below). Events the
 * short cut does not confirm — a mismatch, a column of an unexpected type, a time in another
 * form — are decided by ChainVerifier on the event read the ordinary way, so
 * lib/domain/audit/hash-chain.ts stays the one definition of the chain. Reads through the
 * driver directly, on a connection of its own.
 */
export async function verifyAuditChain(): Promise<ChainVerification> {
  const url = env().DATABASE_URL;
  return dbKind() === "postgresql" ? verifyPostgres(url) : verifySqlite(url);
}

type Pending = { seq: number; start: { prevHash: string; nextSeq: number }; checked: number };

/** The AuditHead row: where the chain ended when verification began. */
type ChainHead = { seq: number; hash: string } | null;

/**
 * Sequence and links checked as rows arrive, in stored order; the rows whose hash the short
 * cut could not confirm wait for ChainVerifier, which reports the first bad one.
 */
class ChainWalk {
  private headHashSeen: string | null = null;
  private expectedSeq = 1;
  private expectedPrev = GENESIS_HASH;
  private checked = 0;
  private unconfirmed: Pending[] = [];
  private broken: Pending | null = null;

  /** `head`: read before the first row, so appends made while walking are past it. */
  constructor(private readonly head: ChainHead) {}

  /** False once a sequence or link is wrong: the verdict cannot depend on later rows. */
  push(seq: number, prevHash: string, hash: string, confirmed: boolean): boolean {
    this.checked += 1;
    if (seq === this.head?.seq) this.headHashSeen = hash;
    const pending = { seq, start: { prevHash: this.expectedPrev, nextSeq: this.expectedSeq }, checked: this.checked };
    if (seq !== this.expectedSeq || prevHash !== this.expectedPrev) {
      this.broken = pending;
      return false;
    }
    if (!confirmed) this.unconfirmed.push(pending);
    this.expectedSeq = seq + 1;
    this.expectedPrev = hash;
    return true;
  }

  /** ChainVerifier's verdict on the rows left so far, in order: null while the chain holds. */
  async settle(readEvent: (seq: number) => Promise<StoredEvent>): Promise<ChainVerification | null> {
    const left = this.broken ? [...this.unconfirmed, this.broken] : this.unconfirmed;
    this.unconfirmed = [];
    for (const row of left) {
      const verifier = new ChainVerifier(row.start);
      if (!verifier.push(await readEvent(row.seq))) return { ...verifier.result(), checked: row.checked };
    }
    // The walk stopped at a broken link that the event, read again, no longer has.
    if (this.broken) throw new Error(`Audit event ${this.broken.seq} changed while the chain was being verified`);
    return null;
  }

  /**
   * Every event links to the one before it; the chain must also reach its head, or events
   * were deleted from its end (which leaves a shorter chain that still links up), and the
   * event there must be the one the head names, or the chain up to it was rewritten.
   */
  intact(): ChainVerification {
    const end = this.expectedSeq - 1;
    const { checked, head } = this;
    if (head === null) {
      if (end === 0) return { ok: true, checked, firstBadSeq: null };
      return { ok: false, checked, firstBadSeq: 1, problem: `The chain's head record is missing, so its end cannot be checked (${end} events).` };
    }
    if (end < head.seq) {
      return { ok: false, checked, firstBadSeq: end + 1, problem: `Events ${end + 1} to ${head.seq} are missing: the chain's head record says it reaches #${head.seq}.` };
    }
    if (this.headHashSeen !== head.hash) {
      return { ok: false, checked, firstBadSeq: head.seq, problem: `Event ${head.seq} is not the one the chain's head record names: the chain up to it was rewritten.` };
    }
    return { ok: true, checked, firstBadSeq: null };
  }
}

const HEAD_QUERY = `SELECT "seq", "hash" FROM "AuditHead" WHERE "id" = 1`;

/** Every column of one event as the driver gives it (SQLite keeps any type in any column). */
type EventColumns = [
  seq: number, prevHash: unknown, hash: unknown, at: unknown, actorKind: unknown, actorId: unknown, actorRole: unknown,
  action: unknown, entityType: unknown, entityId: unknown, boardId: unknown, before: unknown, after: unknown,
  reason: unknown, requestId: unknown,
];
const EVENT_COLUMNS = `"seq", "prevHash", "hash", "at", "actorKind", "actorId", "actorRole", "action", "entityType", "entityId", "boardId", "before", "after", "reason", "requestId"`;

/** The stored event as ChainVerifier sees it: a column of an unexpected type is hashed as what it is. */
function toStoredEvent(columns: EventColumns, at: string, json: (value: unknown) => unknown): StoredEvent {
  const [seq, prevHash, hash, , actorKind, actorId, actorRole, action, entityType, entityId, boardId, before, after, reason, requestId] = columns;
  return {
    seq: Number(seq), at, actorKind, actorId, actorRole, action, entityType, entityId, boardId,
    before: json(before), after: json(after), reason, requestId, prevHash, hash,
  } as StoredEvent;
}

/** canonicalJson(JSON.parse(text)), the fast way when it can; null for text that is not JSON. */
function canonicalText(text: string): string | null {
  const fast = canonicalJsonText(text);
  if (fast !== null) return fast;
  try {
    return canonicalJson(JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

const AFTER_KEY = `"after":`;
const BEFORE_KEY = `"before":`;

/**
 * An event's JSON as the database wrote it (SQLITE_CANONICAL_JSON, PG_STREAM), put in
 * canonical form, which is what the ordinary path hashes: every part of the text is one
 * JSON value, so JSON.parse of it holds each stored column under its key, and only the two
 * JSON texts can be out of canonical form. Those are canonicalized in place: every value
 * before each key is a JSON string with no unescaped quote, so the first match of the key is
 * the one the database wrote, and the scanner reads the JSON text after it to its end.
 */
function canonicalizeEventJson(json: string): string | null {
  const afterStart = json.indexOf(AFTER_KEY) + AFTER_KEY.length;
  const after = canonicalJsonValueAt(json, afterStart);
  const beforeStart = after === null ? -1 : json.indexOf(BEFORE_KEY, after.end) + BEFORE_KEY.length;
  const before = after === null ? null : canonicalJsonValueAt(json, beforeStart);
  // An escape or a fraction in a JSON text: the whole text the slow way.
  if (after === null || before === null) return canonicalText(json);
  return json.slice(0, afterStart) + after.json + json.slice(after.end, beforeStart) + before.json + json.slice(before.end);
}

// ---------------------------------------------------------------- SQLite

/**
 * Rows per page. Small pages die young: a page that outlives a few minor collections gets
 * copied and promoted, and garbage collection cost more than the hashing.
 */
const SQLITE_PAGE = 500;

const textColumn = (column: string) => `typeof("${column}") = 'text'`;
const nullableText = (column: string) => `typeof("${column}") IN ('text', 'null')`;
const jsonText = (column: string) => `("${column}" IS NULL OR (typeof("${column}") = 'text' AND json_valid("${column}")))`;
/** Prisma's SQLite adapter stores DateTime as ISO text with "+00:00"; other forms take the ordinary path. */
const PRISMA_TIME = `typeof("at") = 'text' AND length("at") = 29 AND substr("at", 24) = '+00:00'`;

/**
 * The event's canonical JSON written by SQLite itself, with the JSON columns as stored
 * (recordAudit stores them canonically), or NULL when a column is not of the kind this
 * handles. Hashing it as it is is sound because every part between the fixed punctuation
 * is exactly one JSON value: json_quote output of a text, `null`, the integer sequence, and
 * the stored JSON texts, which json_valid (RFC 8259 text only) makes single values, give or
 * take whitespace. A matching hash means these bytes are the canonical JSON C hashed when
 * the event was written. A JSON parser reads the same bytes either way, so at each part's
 * offset it reads the same token; a complete value followed by "," or "}" ends where the
 * part ends (no whitespace around it either: C has none outside strings). So every column
 * holds its original value, each JSON text byte for byte its canonical form, and the
 * ordinary path, which parses and canonicalizes, rebuilds C as well. Without json_valid a
 * JSON text could end inside a value with the next columns making up the rest: for an
 * original before of {"a":0,"at":T,"before":1}, after = A + `,"at":"…","before":{"a":0`,
 * at = T and before = `1}` give back C, matching the hash of an edited event. The typeof
 * guards matter too: json_quote writes a BLOB holding JSONB as the JSON it encodes.
 */
const SQLITE_CANONICAL_JSON = `CASE WHEN ${[
  ...["action", "actorId", "actorKind", "actorRole", "entityId", "entityType", "prevHash"].map(textColumn),
  ...["boardId", "reason", "requestId"].map(nullableText),
  PRISMA_TIME, jsonText("after"), jsonText("before"),
].join(" AND ")} THEN
  '{"action":' || json_quote("action") || ',"actorId":' || json_quote("actorId") || ',"actorKind":' || json_quote("actorKind") ||
  ',"actorRole":' || json_quote("actorRole") || ',"after":' || coalesce("after", 'null') ||
  ',"at":' || json_quote(substr("at", 1, 23) || 'Z') || ',"before":' || coalesce("before", 'null') ||
  ',"boardId":' || json_quote("boardId") || ',"entityId":' || json_quote("entityId") || ',"entityType":' || json_quote("entityType") ||
  ',"prevHash":' || json_quote("prevHash") || ',"reason":' || json_quote("reason") || ',"requestId":' || json_quote("requestId") ||
  ',"seq":' || "seq" || '}'
END`;

type CanonicalRow = [seq: number, prevHash: string, hash: string, canonicalJson: string | null];

async function verifySqlite(url: string): Promise<ChainVerification> {
  const connection = new Database(sqliteFilePath(url), { readonly: true, fileMustExist: true });
  try {
    const page = connection.prepare(`SELECT "seq", "prevHash", "hash", ${SQLITE_CANONICAL_JSON} FROM "AuditEvent" WHERE "seq" > ? ORDER BY "seq" LIMIT ?`).raw(true);
    const one = connection.prepare(`SELECT ${EVENT_COLUMNS} FROM "AuditEvent" WHERE "seq" = ?`).raw(true);
    const head = (connection.prepare(HEAD_QUERY).get() as { seq: number; hash: string } | undefined) ?? null;
    const readEvent = async (seq: number) => {
      const columns = one.get(seq) as EventColumns;
      return toStoredEvent(columns, sqliteTime(columns[3]), parseJsonText);
    };
    // Chains written before recordAudit stored canonical JSON text hold long runs of other
    // key orders: while the last event needed canonicalizing, canonicalize before hashing.
    let canonicalizing = false;
    const walk = new ChainWalk(head);
    let after = 0;
    for (;;) {
      const rows = page.all(after, SQLITE_PAGE) as CanonicalRow[];
      for (const [seq, prevHash, hash, json] of rows) {
        after = seq;
        let confirmed = false;
        if (json !== null) {
          confirmed = !canonicalizing && sha256Hex(json) === hash;
          if (!confirmed) {
            const canonical = canonicalizeEventJson(json);
            canonicalizing = canonical !== json;
            confirmed = canonical !== null && sha256Hex(canonical) === hash;
          }
        }
        if (!walk.push(seq, prevHash, hash, confirmed)) break;
      }
      const verdict = await walk.settle(readEvent);
      if (verdict) return verdict;
      if (rows.length < SQLITE_PAGE) return walk.intact();
    }
  } finally {
    connection.close();
  }
}

function isPrismaSqliteTime(value: string): boolean {
  return value.length === 29 && value.endsWith("+00:00");
}

function sqliteTime(value: unknown): string {
  if (typeof value === "string" && isPrismaSqliteTime(value)) return `${value.slice(0, 23)}Z`;
  const time = typeof value === "string" || typeof value === "number" ? new Date(value) : new Date(Number.NaN);
  // Not a time at all: hashed as the text it is, so it is reported as an edit instead of throwing.
  return Number.isNaN(time.getTime()) ? String(value) : time.toISOString();
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

// ---------------------------------------------------------------- PostgreSQL

/** Formatted in SQL: pg would parse a timestamp without time zone in the process's local zone. */
const PG_TIME = `to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/**
 * The text columns whose values PostgreSQL puts between quotes. Not prevHash: an event only
 * counts when its prevHash equals the previous event's hash, which is hex once that event
 * verified (and if it did not, the walk reports it first).
 */
const PG_GUARDED_COLUMNS = ["actorKind", "actorId", "actorRole", "action", "entityType", "entityId", "boardId", "reason", "requestId"];
const quoted = (column: string) => `'"' || "${column}" || '"'`;
const quotedOrNull = (column: string) => `coalesce('"' || "${column}" || '"', 'null')`;
const presentOrNull = (column: string) => `coalesce('v' || "${column}", 'n')`;
const jsonbText = (column: string) => `coalesce("${column}"::text, 'null')`;

/**
 * One text per event besides seq, prevHash and hash, since the driver's cost is per field
 * far more than per byte. When no PG_GUARDED_COLUMNS value holds a quote, backslash or
 * control character (PostgreSQL text holds no NUL), quoting a value is putting it between
 * quotes, and PostgreSQL writes the event's JSON itself by plain concatenation (with to_json
 * it cost twice as much), before/after as jsonb's text, canonicalized in JS
 * (canonicalizeEventJson). Otherwise the text is U+0001 and the columns joined by U+0001 (see
 * confirmJoined). SQL NULL before/after reads as JSON null, which hashes the same.
 */
const PG_STREAM = `SELECT "seq", "prevHash", "hash", CASE WHEN concat(${PG_GUARDED_COLUMNS.map((column) => `"${column}"`).join(", ")}) !~ $1 THEN
  '{"action":' || ${quoted("action")} || ',"actorId":' || ${quoted("actorId")} || ',"actorKind":' || ${quoted("actorKind")} ||
  ',"actorRole":' || ${quoted("actorRole")} || ',"after":' || ${jsonbText("after")} || ',"at":"' || ${PG_TIME} ||
  '","before":' || ${jsonbText("before")} || ',"boardId":' || ${quotedOrNull("boardId")} || ',"entityId":' || ${quoted("entityId")} ||
  ',"entityType":' || ${quoted("entityType")} || ',"prevHash":' || ${quoted("prevHash")} || ',"reason":' || ${quotedOrNull("reason")} ||
  ',"requestId":' || ${quotedOrNull("requestId")} || ',"seq":' || "seq" || '}'
ELSE chr(1) || concat_ws(chr(1), ${PG_TIME}, "actorKind", "actorId", "actorRole", "action", "entityType", "entityId",
  ${presentOrNull("boardId")}, ${presentOrNull("reason")}, ${presentOrNull("requestId")}, ${jsonbText("before")}, ${jsonbText("after")})
END FROM "AuditEvent" ORDER BY "seq"`;
/** Characters JSON.stringify escapes, or that would end the quoted value. A parameter, free of SQL string escaping rules. */
const NEEDS_ESCAPING = String.raw`[\x01-\x1f"\\]`;

type StreamRow = [seq: number, prevHash: string, hash: string, text: string | null];

async function verifyPostgres(url: string): Promise<ChainVerification> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Read in primary-key order rather than sorted after a full scan: a sort computes every
    // row's text before sending the first, so PostgreSQL could not work while rows are hashed.
    // (A table not yet analyzed got the sort.) The setting dies with this connection.
    await client.query("SET enable_sort = off");
    const head = (await client.query<{ seq: number; hash: string }>(HEAD_QUERY)).rows[0] ?? null;
    const walk = new ChainWalk(head);
    // One query, each row hashed as it arrives: pages held while the next one loaded lived
    // long enough to be promoted, and garbage collection cost more than the hashing. The
    // query also sees one snapshot of the table.
    await new Promise<void>((resolve, reject) => {
      let walking = true;
      const stream = client.query(new pg.Query({ text: PG_STREAM, values: [NEEDS_ESCAPING], rowMode: "array" } as pg.QueryArrayConfig));
      stream.on("row", ([seq, prevHash, hash, text]: StreamRow) => {
        if (!walking) return;
        try {
          const confirmed = text !== null && (text.charCodeAt(0) === 1 ? confirmJoined(seq, prevHash, hash, text) : canonicalHashMatches(text, hash));
          walking = walk.push(seq, prevHash, hash, confirmed);
        } catch (error) {
          // Thrown inside the driver's data handler it would not reach this promise.
          walking = false;
          reject(error);
        }
      });
      stream.on("end", () => resolve());
      stream.on("error", reject);
    });
    const one = `SELECT ${EVENT_COLUMNS.replace(`"at"`, PG_TIME)} FROM "AuditEvent" WHERE "seq" = $1`;
    const readEvent = async (seq: number) => {
      const columns = (await client.query<EventColumns>({ text: one, values: [seq], rowMode: "array" })).rows[0]!;
      return toStoredEvent(columns, String(columns[3]), (value) => value ?? null);
    };
    return (await walk.settle(readEvent)) ?? walk.intact();
  } finally {
    await client.end();
  }
}

const SEPARATOR = "\u0001";
const JOINED_PIECES = 12;

/**
 * The columns joined by U+0001 after a leading one, for events with a value that needs
 * escaping: hashed by hashEvent, as the ordinary path does. A nullable column is prefixed
 * "v", or is "n" for NULL. jsonb escapes control characters, so only a text column can hold
 * U+0001: then the split does not give JOINED_PIECES pieces and the event is left to
 * ChainVerifier. Exactly JOINED_PIECES pieces means no value held one, so each piece is its
 * column's value.
 */
function confirmJoined(seq: number, prevHash: string, hash: string, text: string): boolean {
  const pieces = text.slice(1).split(SEPARATOR);
  if (pieces.length !== JOINED_PIECES) return false;
  const [at, actorKind, actorId, actorRole, action, entityType, entityId, boardId, reason, requestId, before, after] = pieces as [
    string, string, string, string, string, string, string, string, string, string, string, string,
  ];
  const fields = {
    seq, at, actorKind, actorId, actorRole, action, entityType, entityId,
    boardId: presentValue(boardId), reason: presentValue(reason), requestId: presentValue(requestId), prevHash,
  };
  try {
    return hashEvent({ ...fields, before: JSON.parse(before) as unknown, after: JSON.parse(after) as unknown }) === hash;
  } catch {
    // jsonb's text always parses; were it not JSON, ChainVerifier would say so.
    return false;
  }
}

function canonicalHashMatches(json: string, hash: string): boolean {
  const canonical = canonicalizeEventJson(json);
  return canonical !== null && sha256Hex(canonical) === hash;
}

function presentValue(piece: string): string | null {
  return piece === "n" ? null : piece.slice(1);
}
