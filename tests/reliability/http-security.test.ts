import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBoardWithTickets } from "@/tests/helpers/board-fixture";
import { testDatabaseKind, type TestDatabase } from "@/tests/helpers/test-database";
import { reliabilityDatabase, request } from "@/tests/reliability/helpers/api";
import { freePort, serverActionId, signIn, startServer, type Server } from "@/tests/reliability/helpers/server";

// R6 CSRF and R8 middleware-bypass header, against a production server process.

const kind = testDatabaseKind();
let database: TestDatabase;
let server: Server;
let tickets: string[] = [];

beforeAll(async () => {
  database = await reliabilityDatabase();
  server = await startServer({ port: await freePort(3520, 3529), databaseUrl: database.url });
  tickets = (await createBoardWithTickets("rsix", { backlog: 8 })).ids.backlog!;
});

afterAll(async () => {
  await server?.stop();
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  await database?.drop();
});

async function state(id: string): Promise<{ version: number; lastSeq: number }> {
  const { db } = await import("@/lib/db");
  const ticket = await db().ticket.findUniqueOrThrow({ where: { id }, select: { version: true } });
  const last = await db().auditEvent.aggregate({ _max: { seq: true } });
  return { version: ticket.version, lastSeq: last._max.seq ?? 0 };
}

/** Calls the board's move server action the way Next's client does: POST to the page with a Next-Action header. */
async function moveAction(id: string, version: number, headers: Record<string, string>): Promise<number> {
  const response = await request(`${server.url}/boards/rsix`, {
    method: "POST",
    headers: {
      "next-action": serverActionId("app/boards/[board]/actions.ts", "moveTicketAction"),
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      ...headers,
    },
    body: JSON.stringify([id, { toPhase: "backlog", version }]),
  });
  return response.status;
}

describe(`R6 CSRF on ${kind}`, () => {
  it("a server action with a foreign or null Origin changes nothing; without Origin only a valid session acts", async () => {
    const { cookie, setCookie } = await signIn(server.url, "engineer@gateboard.local");
    // What makes the no-Origin decision safe: the browser never sends this cookie on a cross-site POST.
    const session = setCookie.find((line) => /session_token=/.test(line))!;
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);

    const lines: string[] = [];
    const refused = async (label: string, id: string, headers: Record<string, string>) => {
      const before = await state(id);
      const status = await moveAction(id, before.version, headers);
      expect(await state(id), label).toEqual(before);
      lines.push(`${label}: HTTP ${status}, version and audit unchanged`);
    };
    const accepted = async (label: string, id: string, headers: Record<string, string>) => {
      const before = await state(id);
      const status = await moveAction(id, before.version, headers);
      const after = await state(id);
      expect(after.version, label).toBe(before.version + 1);
      expect(after.lastSeq, label).toBeGreaterThan(before.lastSeq);
      lines.push(`${label}: HTTP ${status}, moved (version ${before.version} → ${after.version})`);
    };

    await refused("foreign Origin + session cookie", tickets[0]!, { origin: "https://evil.example", cookie });
    await refused("Origin: null + session cookie", tickets[1]!, { origin: "null", cookie });
    await refused("foreign Origin, no cookie", tickets[2]!, { origin: "https://evil.example" });
    await refused("no Origin, no cookie", tickets[3]!, {});
    await refused("no Origin, forged cookie", tickets[4]!, { cookie: "gateboard.session_token=forged.value" });
    // Decision (README, Security notes): no Origin means no browser made the request (browsers
    // send Origin on every POST), so it is a program holding the session cookie, which is the
    // credential itself: it acts as that person, like a bearer token does.
    await accepted("no Origin + valid session cookie", tickets[5]!, { cookie });
    // Control: the same call from the app's own page works.
    await accepted("same Origin + valid session cookie", tickets[6]!, { origin: server.url, cookie });

    // The REST API takes the session cookie too: the same rules for a browser-style POST.
    const apiMove = async (id: string, headers: Record<string, string>) => {
      const before = await state(id);
      const response = await request(`${server.url}/api/v1/tickets/${id}/move`, {
        method: "POST",
        headers: { "content-type": "text/plain;charset=UTF-8", ...headers },
        body: JSON.stringify({ toPhase: "backlog", version: before.version }),
      });
      const after = await state(id);
      return { status: response.status, moved: after.version === before.version + 1, unchanged: after.version === before.version, text: response.text };
    };
    const apiTicket = tickets[7]!;
    const foreign = await apiMove(apiTicket, { origin: "https://evil.example", cookie });
    const nullOrigin = await apiMove(apiTicket, { origin: "null", cookie });
    const own = await apiMove(apiTicket, { origin: server.url, cookie });
    const noOrigin = await apiMove(apiTicket, { cookie });
    lines.push(`API move, foreign Origin + cookie: HTTP ${foreign.status}`, `API move, Origin null + cookie: HTTP ${nullOrigin.status}`, `API move, same Origin + cookie: HTTP ${own.status}`, `API move, no Origin + cookie: HTTP ${noOrigin.status}`);
    console.log(`R6 (${kind}): ${lines.length} requests — ${lines.join("; ")}`);
    expect(foreign, `API move with a foreign Origin and a session cookie: ${foreign.text.slice(0, 200)}`).toMatchObject({ status: 403, unchanged: true });
    expect(nullOrigin, "API move with Origin null and a session cookie").toMatchObject({ status: 403, unchanged: true });
    expect(own, "API move from the app's own origin").toMatchObject({ status: 200, moved: true });
    expect(noOrigin, "API move without Origin, with the session cookie").toMatchObject({ status: 200, moved: true });
  });
});

describe(`R8 middleware-bypass header on ${kind}`, () => {
  it("x-middleware-subrequest gives access to nothing", async () => {
    const bypasses = [
      "middleware",
      "middleware:middleware:middleware:middleware:middleware",
      "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
      "proxy:proxy:proxy:proxy:proxy",
      "pages/_middleware",
    ];
    const { cookie: viewer } = await signIn(server.url, "viewer@gateboard.local");
    const probes: Array<{ label: string; method: string; path: string; headers?: Record<string, string>; body?: string }> = [
      { label: "API boards, anonymous", method: "GET", path: "/api/v1/boards" },
      { label: "API audit, anonymous", method: "GET", path: "/api/v1/audit" },
      { label: "API me, anonymous", method: "GET", path: "/api/v1/me" },
      { label: "API move, anonymous", method: "POST", path: `/api/v1/tickets/${tickets[0]}/move`, headers: { "content-type": "application/json" }, body: JSON.stringify({ toPhase: "analyzing", version: 1 }) },
      { label: "API move, viewer", method: "POST", path: `/api/v1/tickets/${tickets[0]}/move`, headers: { "content-type": "application/json", cookie: viewer }, body: JSON.stringify({ toPhase: "analyzing", version: 1 }) },
      { label: "board page, anonymous", method: "GET", path: "/boards/rsix" },
      { label: "audit page, anonymous", method: "GET", path: "/audit" },
      { label: "users admin page, anonymous", method: "GET", path: "/admin/users" },
      { label: "users admin page, viewer", method: "GET", path: "/admin/users", headers: { cookie: viewer } },
      { label: "tokens admin page, viewer", method: "GET", path: "/admin/tokens", headers: { cookie: viewer } },
    ];
    const send = async (probe: (typeof probes)[number], extra: Record<string, string>) => {
      const response = await request(`${server.url}${probe.path}`, { method: probe.method, headers: { ...probe.headers, ...extra }, ...(probe.body ? { body: probe.body } : {}) });
      return { status: response.status, location: response.headers.location ?? null, leaks: /admin@gateboard\.local|gbt_[A-Za-z0-9_-]{20,}/.test(response.text) };
    };
    // Refusals are audited (access.denied), so the ticket's version is what must not move.
    const before = (await state(tickets[0]!)).version;
    let requests = 0;
    const summary: string[] = [];
    for (const probe of probes) {
      const baseline = await send(probe, {});
      requests += 1;
      expect(baseline.leaks, `${probe.label} without the header`).toBe(false);
      if (probe.path.startsWith("/api/")) expect([401, 403], `${probe.label} without the header`).toContain(baseline.status);
      for (const value of bypasses) {
        const attempt = await send(probe, { "x-middleware-subrequest": value });
        requests += 1;
        expect({ status: attempt.status, location: attempt.location, leaks: attempt.leaks }, `${probe.label} with x-middleware-subrequest: ${value}`).toEqual(baseline);
      }
      summary.push(`${probe.label} ${baseline.status}`);
    }
    expect((await state(tickets[0]!)).version).toBe(before);
    console.log(`R8 (${kind}): ${probes.length} protected requests × ${bypasses.length} header values (${requests} requests): every answer identical to the one without the header (${summary.join(", ")}); the ticket never moved`);
  });
});
