import crypto, { createHash } from "node:crypto";

/** prevHash of the first event. */
export const GENESIS_HASH = "0".repeat(64);

/** The fields of an audit event that its hash covers (everything but the hash itself). */
export type ChainedEventFields = {
  seq: number;
  at: string;
  actorKind: string;
  actorId: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  boardId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string | null;
  prevHash: string;
};

/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` dropped. The same event
 * always serialises to the same bytes, whichever database stored its JSON columns.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new Error("canonicalJson: non-finite number");
      return JSON.stringify(value);
    case "bigint":
      return JSON.stringify(value.toString());
    case "object":
      break;
    default:
      throw new Error(`canonicalJson: unsupported ${typeof value}`);
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  // Plain loops and string building: verification hashes every stored event, and the
  // entries/filter/map version cost several times more per event.
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i += 1) out += (i === 0 ? "" : ",") + canonicalJson(value[i]);
    return out + "]";
  }
  const record = value as Record<string, unknown>;
  // Default sort compares UTF-16 code units, the same order as `a < b`.
  const keys = Object.keys(record).sort();
  let out = "{";
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    out += (first ? "" : ",") + JSON.stringify(key) + ":" + canonicalJson(item);
    first = false;
  }
  return out + "}";
}

const CHAINED_KEYS = [
  "seq", "at", "actorKind", "actorId", "actorRole", "action", "entityType", "entityId",
  "boardId", "before", "after", "reason", "requestId", "prevHash",
] as const satisfies ReadonlyArray<keyof ChainedEventFields>;

/** The chained keys in canonical (sorted) order, each with its `"key":` prefix. */
const SORTED_KEY_PREFIXES = [...CHAINED_KEYS].sort().map((key) => [key, `${JSON.stringify(key)}:`] as const);

/**
 * Hash of exactly the chained fields: a stored row's own hash or extra columns never leak
 * in. Builds the same bytes as canonicalJson of the picked fields (missing ones as null)
 * without the intermediate object, since verification runs this for every event.
 */
export function hashEvent(fields: ChainedEventFields): string {
  let json = "{";
  for (let i = 0; i < SORTED_KEY_PREFIXES.length; i += 1) {
    const [key, prefix] = SORTED_KEY_PREFIXES[i]!;
    json += (i === 0 ? "" : ",") + prefix + canonicalJson(fields[key] ?? null);
  }
  return sha256Hex(json + "}");
}

// One-shot crypto.hash (Node ≥ 20.12) skips the Hash object; createHash is the fallback.
const oneShot = (crypto as unknown as { hash?: (algorithm: string, data: string, encoding: "hex") => string }).hash;

/** SHA-256 of the text's UTF-8 bytes, as lowercase hex: what an event's hash is. */
export function sha256Hex(data: string): string {
  return oneShot ? oneShot("sha256", data, "hex") : createHash("sha256").update(data).digest("hex");
}

export type StoredEvent = ChainedEventFields & { hash: string };

export type ChainVerification = { ok: boolean; checked: number; firstBadSeq: number | null; problem?: string };

/**
 * Walks events in stored order. An edited event fails its own hash; a deleted one breaks
 * the sequence and the next event's prevHash; a reordered one breaks both. Reports the
 * first affected sequence. Stateful so callers can stream events in pages.
 */
export class ChainVerifier {
  private expectedPrev = GENESIS_HASH;
  private expectedSeq: number | null = null;
  private checked = 0;
  private bad: { seq: number; problem: string } | null = null;

  constructor(start?: { prevHash: string; nextSeq: number }) {
    if (start) {
      this.expectedPrev = start.prevHash;
      this.expectedSeq = start.nextSeq;
    }
  }

  /** Returns false once a bad event was found (callers may stop reading). */
  push(event: StoredEvent): boolean {
    if (this.bad) return false;
    this.checked += 1;
    const expectedSeq = this.expectedSeq ?? 1;
    if (event.seq !== expectedSeq) {
      this.bad = { seq: event.seq, problem: `expected sequence ${expectedSeq}, found ${event.seq} (an event is missing or out of order)` };
    } else if (event.prevHash !== this.expectedPrev) {
      this.bad = { seq: event.seq, problem: "prevHash does not match the previous event's hash" };
    } else if (hashEvent(event) !== event.hash) {
      this.bad = { seq: event.seq, problem: "the event's content does not match its hash (edited)" };
    }
    if (this.bad) return false;
    this.expectedPrev = event.hash;
    this.expectedSeq = event.seq + 1;
    return true;
  }

  result(): ChainVerification {
    if (this.bad) return { ok: false, checked: this.checked, firstBadSeq: this.bad.seq, problem: this.bad.problem };
    return { ok: true, checked: this.checked, firstBadSeq: null };
  }
}

export function verifyChain(events: Iterable<StoredEvent>): ChainVerification {
  const verifier = new ChainVerifier();
  for (const event of events) if (!verifier.push(event)) break;
  return verifier.result();
}

/** Keeps only the fields that changed, so an event's before/after says what happened. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of keys) {
    if (canonicalJson(before[key]) !== canonicalJson(after[key])) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return Object.keys(a).length === 0 ? null : { before: b, after: a };
}
