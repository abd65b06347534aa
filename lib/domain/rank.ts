import { generateKeyBetween } from "fractional-indexing";

/**
 * A fractional rank strictly between two neighbours (null = open end), so a move never
 * renumbers the column. Ranks compare as plain strings (byte order), in SQL and in JS.
 */
export function rankBetween(above: string | null, below: string | null): string {
  if (above !== null && below !== null && above >= below) {
    // Neighbours out of order (a concurrent reorder we read half of): place after `above`.
    return generateKeyBetween(above, null);
  }
  return generateKeyBetween(above, below);
}
