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
  refuseCrossSiteWrite(request);
  return actorFromHeaders(request.headers, request.url);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Browsers attach the session cookie by themselves, so a change made with it must come from
 * Gateboard's own pages: an Origin naming another site, or `null`, is refused (Next does the
 * same for server actions). SameSite=Lax already keeps the cookie off cross-site POSTs; this
 * also stops same-site neighbours (another app on a sibling subdomain) and a text/plain form
 * post, which the JSON parser would otherwise accept. No Origin at all is no browser's
 * cross-site request (browsers send Origin on every POST): a program holding the cookie.
 */
function refuseCrossSiteWrite(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const origin = request.headers.get("origin");
  if (origin === null) return;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host") || new URL(request.url).host;
  let originHost: string | null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (originHost !== host) {
    throw new AppError("FORBIDDEN", `Cross-site request refused: Origin ${origin} is not this site (${host}). Change things from Gateboard's own pages, or send an API token as \`Authorization: Bearer <token>\`.`);
  }
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
