import { createHash } from "node:crypto";

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
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error("canonicalJson: non-finite number");
    return JSON.stringify(value);
  }
  if (typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  throw new Error(`canonicalJson: unsupported ${typeof value}`);
}

const CHAINED_KEYS = [
  "seq", "at", "actorKind", "actorId", "actorRole", "action", "entityType", "entityId",
  "boardId", "before", "after", "reason", "requestId", "prevHash",
] as const satisfies ReadonlyArray<keyof ChainedEventFields>;

/** Hash of exactly the chained fields: a stored row's own hash or extra columns never leak in. */
export function hashEvent(fields: ChainedEventFields): string {
  const picked = Object.fromEntries(CHAINED_KEYS.map((key) => [key, fields[key] ?? null]));
  return createHash("sha256").update(canonicalJson(picked)).digest("hex");
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
