import "server-only";
import { randomUUID } from "node:crypto";
import { AppError, isAppError } from "@/lib/domain/errors";
import type { Actor } from "@/lib/domain/permissions";
import type { ActionResult } from "@/lib/action-result";
import { requestActor } from "@/lib/server/request-actor";

/**
 * The one way server actions call use cases: resolve who is acting (actions are public
 * POST endpoints, so never trust the page that rendered the form), run, and turn an
 * AppError into a value the client can show.
 */
export async function runAction<T>(work: (actor: Actor) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const actor = await requestActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    // Each action is one request: its audit events share an id, as an API call's do.
    return { ok: true, data: await work({ ...actor, requestId: randomUUID() }) };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } };
    console.error("server action failed", error);
    return { ok: false, error: { code: "INTERNAL", message: "Something went wrong on the server. Try again; if it keeps failing, check the server log." } };
  }
}
