import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { sessionUser } from "@/lib/auth";
import { isRole, type Actor } from "@/lib/domain/permissions";

/** A session's person as an Actor; a disabled person or an unknown role counts as signed out. */
export async function actorFromHeaders(requestHeaders: Headers, url?: string): Promise<Actor | null> {
  const user = await sessionUser(requestHeaders, url);
  if (!user || user.disabledAt || !isRole(user.role) || user.role === "agent") return null;
  return { kind: "user", id: user.id, role: user.role, name: user.name };
}

/**
 * Who is making the current page request or server action: the signed-in person, or null.
 * The one place pages and actions learn it. Cached per request (the header and the page
 * both ask).
 */
export const requestActor = cache(async (): Promise<Actor | null> => actorFromHeaders(await headers()));

/** Same, for pages: no session → the sign-in page, coming back to `returnTo` afterwards. */
export async function requirePageActor(returnTo = "/"): Promise<Actor> {
  const actor = await requestActor();
  if (!actor) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return actor;
}
