// What a server action returns. Expected failures travel as values: Next.js hides the
// message of an error thrown from an action in production, and the board must be able to
// say exactly why a move was refused.

export type ActionError = { code: string; message: string; details?: unknown };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };
