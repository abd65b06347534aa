import { randomBytes, randomUUID } from "node:crypto";

/** Internal row id (not shown to people). */
export function newId(): string {
  return randomUUID();
}

/**
 * A ticket id in beads' style: board prefix and a short random hex, e.g. gb-a3f8.
 * Callers retry with `length + 1` on a collision, as beads does as a board grows.
 */
export function newTicketId(prefix: string, length = 4, random: (bytes: number) => Buffer = randomBytes): string {
  return `${prefix}-${random(Math.ceil(length / 2)).toString("hex").slice(0, length)}`;
}
