import { rankBetween } from "@/lib/domain/rank";

type Card = { id: string; phase: string; rank: string };

/** `toPhase` is the target phase's key. */
export type CardMove = { ticketId: string; toPhase: string; afterId: string | null; beforeId: string | null };

/**
 * The board as it will look after a move, for the optimistic update: the card takes a
 * rank between its new neighbours, exactly as the server computes it.
 */
export function applyMove<T extends Card>(cards: readonly T[], move: CardMove): T[] {
  const moving = cards.find((card) => card.id === move.ticketId);
  if (!moving) return [...cards];
  const column = cards.filter((card) => card.phase === move.toPhase && card.id !== move.ticketId).sort(byRank);
  const above = move.afterId ? column.find((card) => card.id === move.afterId)?.rank ?? null : null;
  const below = move.beforeId ? column.find((card) => card.id === move.beforeId)?.rank ?? null : null;
  let rank: string;
  if (above !== null && below !== null) rank = rankBetween(above, below);
  else if (above !== null) rank = rankBetween(above, column.find((card) => card.rank > above)?.rank ?? null);
  else if (below !== null) rank = rankBetween([...column].reverse().find((card) => card.rank < below)?.rank ?? null, below);
  else rank = rankBetween(column[column.length - 1]?.rank ?? null, null);
  return cards.map((card) => (card.id === move.ticketId ? { ...card, phase: move.toPhase, rank } : card));
}

/** Neighbours of the card at `index` in a column's final order (the card itself excluded). */
export function neighboursAt(order: readonly string[], ticketId: string): { afterId: string | null; beforeId: string | null } {
  const index = order.indexOf(ticketId);
  return { afterId: index > 0 ? order[index - 1]! : null, beforeId: index >= 0 && index < order.length - 1 ? order[index + 1]! : null };
}

export function byRank(a: { rank: string; id: string }, b: { rank: string; id: string }): number {
  return a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
