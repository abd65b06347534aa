import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/permissions";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/tests/helpers/test-database";

// People: Better Auth sign-in against the seeded accounts, the session → Actor mapping,
// cookie attributes, no public sign-up, invitations and role changes.

let database: TestDatabase;
const people: Record<string, Actor> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const { seedDemo } = await import("@/lib/server/seed-demo");
  await seedDemo();
  const { db } = await import("@/lib/db");
  for (const user of await db().user.findMany()) people[user.email.split("@")[0]!] = { kind: "user", id: user.id, role: user.role as Actor["role"], name: user.name };
});

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  await database.drop();
});

/** Signs in through Better Auth's HTTP handler, as the browser's form post would. */
async function signInOverHttp(email: string, password: string, scheme: "http" | "https" = "http") {
  const { authFor } = await import("@/lib/auth");
  const origin = "http://gateboard.test";
  const headers = new Headers({ "content-type": "application/json", origin, ...(scheme === "https" ? { "x-forwarded-proto": "https" } : {}) });
  const request = new Request(`${origin}/api/auth/sign-in/email`, { method: "POST", headers, body: JSON.stringify({ email, password }) });
  return authFor(request.headers, request.url).handler(request);
}

function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .join("; ");
}

describe(`sign-in on ${testDatabaseKind()}`, () => {
  it("signs a demo user in with the seeded password, and the session cookie resolves to the actor", async () => {
    const response = await signInOverHttp("lead@gateboard.local", "gateboard");
    expect(response.status).toBe(200);
    const [sessionCookie] = response.headers.getSetCookie().filter((cookie) => cookie.startsWith("gateboard.session_token="));
    expect(sessionCookie).toBeDefined();
    expect(sessionCookie).toMatch(/; HttpOnly/i);
    expect(sessionCookie).toMatch(/; SameSite=Lax/i);
    expect(sessionCookie).not.toMatch(/; Secure/i);

    const { db } = await import("@/lib/db");
    expect(await db().session.count({ where: { userId: people.lead!.id } })).toBe(1);

    const { actorFromRequest } = await import("@/lib/server/api-actor");
    const actor = await actorFromRequest(new Request("http://gateboard.test/api/v1/me", { headers: { cookie: cookieHeader(response) } }));
    expect(actor).toEqual({ kind: "user", id: people.lead!.id, role: "lead", name: "Lena Lead" });
  });

  it("marks the cookie Secure (and __Secure-) when the request came over HTTPS", async () => {
    const response = await signInOverHttp("viewer@gateboard.local", "gateboard", "https");
    const [sessionCookie] = response.headers.getSetCookie().filter((cookie) => cookie.includes("session_token="));
    expect(sessionCookie).toMatch(/^__Secure-gateboard\.session_token=/);
    expect(sessionCookie).toMatch(/; Secure/i);
    expect(sessionCookie).toMatch(/; HttpOnly/i);
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    for (const [email, password] of [
      ["lead@gateboard.local", "wrong-password"],
      ["nobody@gateboard.local", "gateboard"],
    ] as const) {
      const response = await signInOverHttp(email, password);
      expect(response.status).toBe(401);
      expect(response.headers.getSetCookie().some((cookie) => cookie.includes("session_token=") && !cookie.includes("Max-Age=0"))).toBe(false);
    }
  });

  it("has no public sign-up", async () => {
    const { authFor } = await import("@/lib/auth");
    const request = new Request("http://gateboard.test/api/auth/sign-up/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://gateboard.test" },
      body: JSON.stringify({ email: "mallory@example.com", password: "long-enough-password", name: "Mallory" }),
    });
    const response = await authFor(request.headers, request.url).handler(request);
    expect(response.status).toBeGreaterThanOrEqual(400);
    const { db } = await import("@/lib/db");
    expect(await db().user.findUnique({ where: { email: "mallory@example.com" } })).toBeNull();
  });

  it("offers no other Better Auth endpoint: a signed-in person cannot rename themselves or change a password around the audit trail", async () => {
    const signedIn = await signInOverHttp("engineer@gateboard.local", "gateboard");
    const cookie = cookieHeader(signedIn);
    const { handleAuthRequest } = await import("@/lib/auth");
    const { db } = await import("@/lib/db");
    const post = (path: string, body: unknown) =>
      handleAuthRequest(new Request(`http://gateboard.test/api/auth/${path}`, { method: "POST", headers: { cookie, origin: "http://gateboard.test", "content-type": "application/json" }, body: JSON.stringify(body) }));
    const before = await db().user.findUniqueOrThrow({ where: { email: "engineer@gateboard.local" }, select: { name: true } });
    expect((await post("update-user", { name: "Someone else" })).status).toBe(404);
    expect((await post("change-password", { currentPassword: "gateboard", newPassword: "another-long-one" })).status).toBe(404);
    expect(await db().user.findUniqueOrThrow({ where: { email: "engineer@gateboard.local" }, select: { name: true } })).toEqual(before);
    const session = await handleAuthRequest(new Request("http://gateboard.test/api/auth/get-session", { headers: { cookie } }));
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ user: { email: "engineer@gateboard.local" } });
  });

  it("signs out: the session row is gone and the cookie no longer works", async () => {
    const signedIn = await signInOverHttp("engineer@gateboard.local", "gateboard");
    const cookie = cookieHeader(signedIn);
    const { authFor } = await import("@/lib/auth");
    const request = new Request("http://gateboard.test/api/auth/sign-out", { method: "POST", headers: { cookie, origin: "http://gateboard.test" } });
    expect((await authFor(request.headers, request.url).handler(request)).status).toBe(200);
    const { actorFromRequest } = await import("@/lib/server/api-actor");
    expect(await actorFromRequest(new Request("http://gateboard.test/", { headers: { cookie } }))).toBeNull();
  });
});

describe(`people management on ${testDatabaseKind()}`, () => {
  it("an admin invites a person, who signs in with the temporary password; the password stays out of the audit", async () => {
    const { inviteUser } = await import("@/lib/server/invite-user");
    const invited = await inviteUser(people.admin!, { email: " New.Person@Example.com ", name: "New Person", role: "reviewer" });
    expect(invited).toMatchObject({ email: "new.person@example.com", role: "reviewer" });
    expect(invited.temporaryPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);

    const response = await signInOverHttp("new.person@example.com", invited.temporaryPassword);
    expect(response.status).toBe(200);

    const { db } = await import("@/lib/db");
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "user.invited", entityId: invited.id } });
    expect(event.actorId).toBe(people.admin!.id);
    expect(JSON.stringify(event)).not.toContain(invited.temporaryPassword);

    await expect(inviteUser(people.admin!, { email: "new.person@example.com", name: "Again", role: "viewer" })).rejects.toMatchObject({ code: "CONFLICT", details: { field: "email" } });
    await expect(inviteUser(people.admin!, { email: "not-an-email", name: "X", role: "viewer" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("only an admin manages people; a lead's attempt is refused and audited", async () => {
    const { inviteUser } = await import("@/lib/server/invite-user");
    const { listUsers } = await import("@/lib/server/list-users");
    const { changeUserRole } = await import("@/lib/server/change-user-role");
    await expect(inviteUser(people.lead!, { email: "x@example.com", name: "X", role: "admin" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listUsers(people.viewer!)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(changeUserRole(people.lead!, { userId: people.lead!.id, role: "admin" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { db } = await import("@/lib/db");
    const denied = await db().auditEvent.findMany({ where: { action: "access.denied", entityId: "user.manage" }, orderBy: { seq: "asc" } });
    expect(denied.map((event) => event.actorId)).toEqual([people.lead!.id, people.viewer!.id, people.lead!.id]);
    expect(await db().user.findUnique({ where: { email: "x@example.com" } })).toBeNull();
  });

  it("changes a role with before/after in the audit, and never demotes the last admin", async () => {
    const { changeUserRole } = await import("@/lib/server/change-user-role");
    const { db } = await import("@/lib/db");
    expect(await changeUserRole(people.admin!, { userId: people.engineer!.id, role: "reviewer" })).toEqual({ id: people.engineer!.id, role: "reviewer", changed: true });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "user.role_changed", entityId: people.engineer!.id } });
    expect(event.before).toEqual({ role: "engineer" });
    expect(event.after).toMatchObject({ role: "reviewer" });

    // The session of a person whose role changed acts with the new role at once.
    const response = await signInOverHttp("engineer@gateboard.local", "gateboard");
    const { actorFromRequest } = await import("@/lib/server/api-actor");
    expect(await actorFromRequest(new Request("http://gateboard.test/", { headers: { cookie: cookieHeader(response) } }))).toMatchObject({ role: "reviewer" });

    await expect(changeUserRole(people.admin!, { userId: people.admin!.id, role: "viewer" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(changeUserRole(people.admin!, { userId: people.engineer!.id, role: "agent" as never })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(changeUserRole(people.admin!, { userId: "nobody", role: "viewer" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
