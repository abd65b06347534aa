import "server-only";
import type { Actor } from "@/lib/domain/permissions";

/**
 * Who is making the current page request. Sign-in is not built yet (see README: until it
 * lands, every page is read-only and acts as an anonymous viewer); this is the one place
 * that will resolve the session instead.
 */
export async function requestActor(): Promise<Actor> {
  return { kind: "user", id: "anonymous", role: "viewer", name: "Anonymous viewer" };
}
