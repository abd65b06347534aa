import "server-only";
import { db } from "@/lib/db";
import { bearerToken, hashTokenSecret, looksLikeToken } from "@/lib/domain/api-token";
import { AppError } from "@/lib/domain/errors";
import { isRole, type Actor } from "@/lib/domain/permissions";
import { actorFromHeaders } from "@/lib/server/request-actor";

/** lastUsedAt is for people reading the token list; a write per request would be waste. */
const LAST_USED_GRANULARITY_MS = 60_000;

/**
 * Who is calling an API route: `Authorization: Bearer <token>` (agents, scripts), else the
 * browser's session cookie. A bearer header that names no live token is refused outright
 * rather than falling back to the cookie, so a revoked agent never acts as a person.
 */
export async function actorFromRequest(request: Request, now: Date = new Date()): Promise<Actor | null> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) return actorFromBearer(authorization, now);
  return actorFromHeaders(request.headers, request.url);
}

async function actorFromBearer(authorization: string, now: Date): Promise<Actor> {
  const secret = bearerToken(authorization);
  const invalid = new AppError("UNAUTHENTICATED", "The API token is invalid or revoked.");
  if (!secret || !looksLikeToken(secret)) throw invalid;
  const token = await db().apiToken.findUnique({
    where: { tokenHash: hashTokenSecret(secret) },
    select: { id: true, name: true, role: true, boardId: true, agentId: true, revokedAt: true, lastUsedAt: true, agent: { select: { name: true } } },
  });
  if (!token || token.revokedAt || !isRole(token.role)) throw invalid;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS) {
    // Conditional so concurrent requests write once; a failure here must not fail the request.
    const stale = new Date(now.getTime() - LAST_USED_GRANULARITY_MS);
    await db()
      .apiToken.updateMany({ where: { id: token.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] }, data: { lastUsedAt: now } })
      .catch((error: unknown) => console.error("api token: could not update lastUsedAt", error));
  }
  const kind = token.agentId || token.role === "agent" ? "agent" : "user";
  return { kind, id: token.agentId ?? token.id, role: token.role, name: token.agent?.name ?? token.name, boardScope: token.boardId };
}
