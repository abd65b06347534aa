// What bench/setup/seed-board.ts creates, shared with the load generators and the browser.

/** The board the figures run on: 1,000 tickets in five columns; Ready holds the 250 cards P8 drags over. */
export const BENCH_BOARD = {
  key: "bench",
  columns: { backlog: 350, ready: 250, doing: 150, review: 150, done: 100 },
} as const;

/**
 * The board issue #3 asks about ("a board of 2,000 tickets loads and drags without visible
 * jank"): P2 and P8 run on it as well; Ready holds the 500 cards P8 drags over.
 */
export const LARGE_BOARD = {
  key: "bench2k",
  columns: { backlog: 700, ready: 500, doing: 300, review: 250, done: 250 },
} as const;

/**
 * P5's board: Done holds 1,000 tickets and Review 50; the Backlog tickets are the ones moved
 * into either and back.
 */
export const COLUMN_SIZE_BOARD = {
  key: "benchcol",
  columns: { backlog: 40, review: 50, done: 1_000 },
  big: "done",
  small: "review",
  home: "backlog",
} as const;

export type SeededTicket = { id: string; phase: string; version: number };

export type SeedInfo = {
  email: string;
  password: string;
  /** An agent-role API token for the load generator. */
  token: string;
  boards: {
    main: { key: string; tickets: SeededTicket[] };
    columnSize: { key: string; tickets: SeededTicket[] };
    large: { key: string; tickets: SeededTicket[] };
  };
};
