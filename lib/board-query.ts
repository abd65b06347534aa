// Query keys for board data, defined once (client-safe: no server imports).
export const boardKeys = {
  all: ["board"] as const,
  view: (boardKey: string) => ["board", boardKey, "view"] as const,
};
