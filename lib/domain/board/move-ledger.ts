export type CardPosition = { phase: string; rank: string };

/**
 * The board's bookkeeping of moves sent and not yet answered, per card, so that a later
 * move of a card supersedes an earlier one still in flight: the answer to the earlier one
 * must not put the card back where the later one took it from, and a refusal of the last
 * one puts it back where the server last had it (not where an earlier optimistic move left
 * it). Moves are answered in the order sent (they share one mutation scope).
 */
export class MoveLedger {
  private sent = 0;
  private readonly latest = new Map<string, number>();
  private readonly pending = new Map<string, number>();
  /** Where the server has the card, while moves of it are in flight. */
  private readonly confirmed = new Map<string, CardPosition>();

  /** A move of `ticketId` is sent; `current` is where the card is shown before it. Returns the move's token. */
  start(ticketId: string, current: CardPosition): number {
    if (!this.pending.get(ticketId)) this.confirmed.set(ticketId, current);
    this.pending.set(ticketId, (this.pending.get(ticketId) ?? 0) + 1);
    this.sent += 1;
    this.latest.set(ticketId, this.sent);
    return this.sent;
  }

  /**
   * The move `token` was answered: `landed` is where the server put the card, or null when
   * it stayed put (refused, or waiting for a gate). `latest`: no later move of the card was
   * sent, so the answer decides what the card shows; `serverPosition`: where that is.
   */
  settle(ticketId: string, token: number, landed: CardPosition | null): { latest: boolean; serverPosition: CardPosition | null } {
    if (landed) this.confirmed.set(ticketId, landed);
    const latest = this.latest.get(ticketId) === token;
    const serverPosition = this.confirmed.get(ticketId) ?? null;
    const left = (this.pending.get(ticketId) ?? 1) - 1;
    if (left > 0) this.pending.set(ticketId, left);
    else {
      this.pending.delete(ticketId);
      this.confirmed.delete(ticketId);
      this.latest.delete(ticketId);
    }
    return { latest, serverPosition };
  }
}
