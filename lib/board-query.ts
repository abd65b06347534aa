// Query keys for board data, defined once (client-safe: no server imports).
export const boardKeys = {
  all: ["board"] as const,
  view: (boardKey: string) => ["board", boardKey, "view"] as const,
};

/** Where the board screen loads its data: the same read agents make (GET /api/v1/boards/{board}). */
export const boardDataUrl = (boardKey: string) => `/api/v1/boards/${encodeURIComponent(boardKey)}`;

/**
 * The whole board, as JSON with the session cookie. `credentials: "include"` and no extra
 * headers, so the request matches the page's `<link rel="preload" as="fetch"
 * crossorigin="use-credentials">` and the browser hands over the response it fetched while
 * the page's scripts were loading.
 */
export async function fetchBoard<T>(boardKey: string): Promise<T> {
  const response = await fetch(boardDataUrl(boardKey), { credentials: "include" });
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok) throw new Error(body?.error?.message ?? `The board did not load (HTTP ${response.status}).`);
  return body as T;
}
