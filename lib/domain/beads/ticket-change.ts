import { compareIds } from "@/lib/domain/dependencies/graph-types";
import type { TicketImport } from "./ticket-import";

// Re-importing the same file must be a no-op: the server stores the hash of what it
// imported and compares it with the hash of the freshly mapped issue.

export type TicketChange =
  | { kind: "created"; contentHash: string }
  | { kind: "unchanged"; contentHash: string }
  /** `changedFields` is null when only a stored hash was available to compare with. */
  | { kind: "updated"; contentHash: string; changedFields: string[] | null };

/** A stored import: the full snapshot, or just the hash recorded at the time. */
export type ImportSnapshot = TicketImport | { contentHash: string };

export function detectTicketChange(existing: ImportSnapshot | null | undefined, incoming: TicketImport): TicketChange {
  const contentHash = ticketContentHash(incoming);
  if (!existing) return { kind: "created", contentHash };
  const previousHash = "contentHash" in existing ? existing.contentHash : ticketContentHash(existing);
  if (previousHash === contentHash) return { kind: "unchanged", contentHash };
  const changedFields = "contentHash" in existing ? null : diffFields(existing, incoming);
  return { kind: "updated", contentHash, changedFields };
}

/** Stable across runs and key order: labels are a set, dependencies and comments are sorted. */
export function ticketContentHash(ticket: TicketImport): string {
  return `c64:${hash64(canonicalJson(canonicalTicket(ticket)))}`;
}

function canonicalTicket(ticket: TicketImport): TicketImport {
  return {
    ...ticket,
    labels: [...ticket.labels].sort(compareIds),
    files: [...ticket.files].sort(compareIds),
    dependencies: [...ticket.dependencies].sort(
      (a, b) => compareIds(a.dependsOnId, b.dependsOnId) || compareIds(a.type, b.type),
    ),
    source: {
      ...ticket.source,
      comments: [...ticket.source.comments].sort(
        (a, b) => compareIds(a.createdAt, b.createdAt) || compareIds(a.id, b.id),
      ),
    },
  };
}

function diffFields(before: TicketImport, after: TicketImport): string[] {
  const a = canonicalTicket(before) as unknown as Record<string, unknown>;
  const b = canonicalTicket(after) as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => canonicalJson(a[key]) !== canonicalJson(b[key])).sort(compareIds);
}

/** JSON with object keys sorted at every level; `undefined` members dropped like JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([x], [y]) => compareIds(x, y));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** Two independent 32-bit multiplicative lanes (cyrb53-style); pure JS, so the domain needs no crypto module. */
function hash64(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 >>> 0).toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0");
}
