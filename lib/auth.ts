import "server-only";
import { randomUUID } from "node:crypto";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db, dbKind, type Db } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * Sign-in for people (Better Auth): email + password, sessions in the `session` table,
 * cookies HttpOnly and SameSite=Lax. No public sign-up: admins invite people
 * (lib/server/invite-user.ts).
 *
 * The cookie is Secure when the site is served over HTTPS. With BETTER_AUTH_URL set that
 * is decided once from its scheme; without it, per request (see isSecureRequest), so one
 * build works on http://localhost and behind an HTTPS proxy alike. Better Auth fixes the
 * Secure flag (and the `__Secure-` name prefix) per instance, hence one instance each.
 */
function createAuth(client: Db, secure: boolean) {
  const config = env();
  return betterAuth({
    appName: "Gateboard",
    baseURL: config.BETTER_AUTH_URL,
    secret: config.BETTER_AUTH_SECRET,
    database: prismaAdapter(client, { provider: dbKind() }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8, maxPasswordLength: 128 },
    user: {
      additionalFields: {
        role: { type: "string", required: false, input: false, defaultValue: "viewer" },
        disabledAt: { type: "date", required: false, input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    advanced: {
      useSecureCookies: secure,
      cookiePrefix: "gateboard",
      database: { generateId: () => randomUUID() },
    },
    // Lets server actions (sign-in, sign-out) set and clear the cookie; must stay last.
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

type Instances = { client: Db; byScheme: Map<boolean, Auth> };
const globalForAuth = globalThis as unknown as { gateboardAuth?: Instances };

/** The Better Auth instance for a request whose scheme is (or is not) HTTPS. */
export function auth(secure: boolean): Auth {
  const client = db();
  let instances = globalForAuth.gateboardAuth;
  // A new database client (tests switch DATABASE_URL) needs a new adapter.
  if (!instances || instances.client !== client) {
    instances = { client, byScheme: new Map() };
    globalForAuth.gateboardAuth = instances;
  }
  const fixed = env().BETTER_AUTH_URL;
  const key = fixed ? fixed.startsWith("https://") : secure;
  let instance = instances.byScheme.get(key);
  if (!instance) {
    instance = createAuth(client, key);
    instances.byScheme.set(key, instance);
  }
  return instance;
}

/**
 * Whether the browser reached us over HTTPS: the proxy's `x-forwarded-proto` (Next sets it
 * too when it terminates TLS itself) or the request URL. A client that lies here only
 * harms itself: browsers drop Secure cookies on plain HTTP.
 */
export function isSecureRequest(headers: Headers, url?: string): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === "https";
  return url?.startsWith("https://") ?? false;
}

export function authFor(headers: Headers, url?: string): Auth {
  return auth(isSecureRequest(headers, url));
}

/**
 * Better Auth's endpoints this app offers over HTTP. The rest (update-user, change-email,
 * change-password, delete-user, …) would change people outside the use cases, with no
 * audit event and no role check: an admin manages people on /admin/users.
 */
const AUTH_PATHS: ReadonlySet<string> = new Set(["/api/auth/sign-in/email", "/api/auth/sign-out", "/api/auth/get-session"]);

/** The /api/auth route: Better Auth's handler for the paths above, 404 for the others. */
export async function handleAuthRequest(request: Request): Promise<Response> {
  if (!AUTH_PATHS.has(new URL(request.url).pathname)) {
    return Response.json({ error: { code: "NOT_FOUND", message: "No such sign-in endpoint. Gateboard offers sign-in, sign-out and get-session." } }, { status: 404 });
  }
  return authFor(request.headers, request.url).handler(request);
}

export type SessionUser = { id: string; name: string; email: string; role: string; disabledAt: Date | null };

/** The signed-in person behind a request's session cookie, or null. */
export async function sessionUser(headers: Headers, url?: string): Promise<SessionUser | null> {
  const session = await authFor(headers, url).api.getSession({ headers });
  if (!session) return null;
  const user = session.user as typeof session.user & { role?: string | null; disabledAt?: Date | string | null };
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role ?? "viewer",
    disabledAt: user.disabledAt ? new Date(user.disabledAt) : null,
  };
}
