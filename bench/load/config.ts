// What the orchestrator (bench/run.ts) tells a load-generator process to do.

export const LOAD_FIGURES = ["floor-http", "board", "move-single", "move-concurrent", "move-column-size", "live-update"] as const;
export type LoadFigure = (typeof LOAD_FIGURES)[number];

export type LoadConfig = {
  figure: LoadFigure;
  /** The app instance requests go to. */
  port: number;
  /** live-update only: the instance the SSE subscriber follows (another one for the two-instance variant). */
  subscriberPort?: number;
  token: string;
  boardKey: string;
  rounds: number;
  /** Multiplies every request count (1 = the documented counts; less for a smoke run). */
  scale: number;
};

/** One round of a figure: named values (ms, bytes, per second, counts). */
export type RoundResult = Record<string, number>;

export type LoadResult = {
  figure: LoadFigure;
  rounds: RoundResult[];
  /** Non-2xx answers by error code, over all rounds and the warm-up. */
  errors: Record<string, number>;
  /** Whether any response carried Server-Timing (the app does not send it today). */
  serverTiming: boolean;
  notes: string[];
};

/** A request count scaled for a smoke run, never below `floor`. */
export function count(base: number, scale: number, floor = 5): number {
  return Math.max(floor, Math.round(base * scale));
}

/**
 * Each round also stops at a time budget, so a very busy machine cannot stretch a run
 * without end: the round then reports fewer samples (its `requests`/`moves` count says so).
 */
export function roundClock(budgetMs: number): { over(): boolean } {
  const deadline = performance.now() + budgetMs;
  return { over: () => performance.now() > deadline };
}

/** A note when the time budget cut rounds short of their planned request count. */
export function shortRounds(rounds: RoundResult[], key: string, planned: number): string[] {
  const short = rounds.map((round) => round[key] ?? 0).filter((done) => done < planned);
  return short.length === 0 ? [] : [`${short.length} round(s) hit the time budget before ${planned} ${key}: ${short.join(", ")} done`];
}
